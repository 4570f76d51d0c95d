// Text on a ticket: a TrueType face rasterised with stb_truetype (the rasteriser Dear ImGui uses for
// the screens) and thresholded to printer dots. Left-to-right scripts only, like the screens today.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "print/bitmap.h"

namespace longstop::print {

/// Bold prints more legibly on thermal paper than the screens' regular face.
inline constexpr const char* kTicketFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

class Font {
 public:
  /// Reads the font file whole; an error names the file.
  static core::Result<Font> load(const std::string& path);

  /// Width in dots of `text` at `px` dots high.
  int measure(std::string_view text, int px) const;
  /// Draws `text` with its top at `top` and its left at `left`; returns the line's height in dots.
  int draw(Bitmap& out, std::string_view text, int left, int top, int px, bool black = true) const;
  /// `text` broken at spaces into lines no wider than `width` (a word wider than that stands alone).
  std::vector<std::string> wrap(std::string_view text, int px, int width) const;

 private:
  std::vector<unsigned char> data_;
  std::vector<unsigned char> info_;  // stbtt_fontinfo, kept opaque so the header needs no stb
};

}  // namespace longstop::print
