// Text on a ticket: each line shaped and put in reading order by the text module (the engine the
// screens use), drawn bold and thresholded to printer dots, so that a ticket in Urdu, Bengali or
// Chinese prints as the patient read it on the screen.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "print/bitmap.h"

namespace longstop::text {
class Shaper;
}

namespace longstop::print {

/// The face Latin text and digits are drawn in (the text module's bold fallback face): bold prints
/// more legibly on thermal paper than the screens' regular face.
inline constexpr const char* kTicketFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

class Font {
 public:
  /// Checks that `latinFace` can be read and opens the shaping engine; an error names the file.
  static core::Result<Font> load(const std::string& latinFace);
  Font(Font&&) noexcept;
  Font& operator=(Font&&) noexcept;
  ~Font();

  /// Width in dots of `text` at `px` dots high, for a reader of `lang` (a catalogue code).
  int measure(std::string_view text, int px, std::string_view lang = "en") const;
  /// Draws `text` with its top at `top` and its left at `left`; returns the line's height in dots.
  int draw(Bitmap& out, std::string_view text, int left, int top, int px, std::string_view lang = "en",
           bool black = true) const;
  /// `text` broken into lines no wider than `width` (a word wider than that stands alone).
  std::vector<std::string> wrap(std::string_view text, int px, int width, std::string_view lang = "en") const;
  /// How many lines drawn so far had a character no face could draw (0 on a ticket every face covers).
  int linesWithMissingGlyphs() const { return missing_; }

 private:
  Font();
  std::unique_ptr<text::Shaper> shaper_;  // the print worker's own: a Shaper is not shared between threads
  mutable int missing_ = 0;
};

}  // namespace longstop::print
