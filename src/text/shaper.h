// Shaping and paragraph order for one line of text: FriBidi finds the right-to-left and left-to-right
// runs (so digits, times and ticket numbers stay left to right inside Urdu or Arabic), each run is
// shaped by HarfBuzz in its own script and font, and the runs are placed in visual order. FreeType
// draws the shaped glyphs by their ids. HarfBuzz is used directly, not through SDL_ttf: SDL_ttf
// 2.20 neither reports glyph ids and clusters (which the tests compare with hb-shape) nor reorders
// mixed-direction text (docs/decisions.md, "Text in every script").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/font_choice.h"

namespace longstop::text {

/// One glyph as HarfBuzz placed it, in pixels from the line's left end and its baseline.
struct Glyph {
  uint32_t id = 0;       // the glyph's index in its face (0: the face has no glyph for it)
  uint32_t cluster = 0;  // byte offset of the UTF-8 text it came from
  float x = 0, y = 0;    // where it is drawn (y grows downwards)
};

/// A stretch of one direction, script and face, already in visual order.
struct Run {
  FontFace face;
  std::string script;  // ISO 15924
  bool rtl = false;
  float emPx = 0;     // the face's em in pixels
  float advance = 0;  // its width in pixels
  std::vector<Glyph> glyphs;
};

/// A shaped line: runs left to right as they are seen.
struct Line {
  std::vector<Run> runs;
  float width = 0;
  float ascent = 0;   // pixels above the baseline that the line's box holds (the box is `px` tall)
  float advance = 0;  // from this line's top to the next's: `px`, more for Nastaliq's tall strokes
  bool missingGlyph = false;
  bool rtl = false;  // the paragraph's direction
};

/// How to shape: the size of a line's box in pixels (as ImGui's font size: ascender to descender),
/// bold or not, and the reader's language (a catalogue code: it picks Nastaliq or Naskh, and the
/// direction of a line with no letters in it).
struct Style {
  float px = 36;
  bool bold = false;
  std::string lang = "en";
  bool leftToRight = false;  // the paragraph reads left to right whatever the reader ("اردو — Urdu")
};

/// An 8-bit coverage picture of a line: `w` by `h` pixels, drawn at (left, top) from the line's
/// box's top-left corner (it may reach outside the box where a glyph does).
struct Bitmap {
  int w = 0, h = 0;
  int left = 0, top = 0;
  std::vector<uint8_t> alpha;
};

/// True for languages written right to left.
bool isRtlLanguage(std::string_view lang);

/// Holds the open faces. Not thread-safe: the UI thread owns it.
class Shaper {
 public:
  Shaper();
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  /// Shapes one line (a '\n' in it is drawn as a space).
  Line shape(std::string_view utf8, const Style& style);
  /// Shapes `utf8` as a single run in the given script, direction and face, with no bidi and no font
  /// fallback: what hb-shape does (the tests compare the two).
  Run shapeRun(std::string_view utf8, const std::string& script, bool rtl, const FontFace& face,
               std::string_view lang, float emPx);
  /// Breaks `utf8` into lines no wider than `width` at spaces (and between Chinese characters); a word
  /// wider than `width` stays whole on its own line.
  std::vector<std::string> breakLines(std::string_view utf8, const Style& style, float width);
  /// Draws a shaped line.
  Bitmap render(const Line& line, const Style& style);
  /// True when `face` exists and has a glyph for code point `c`.
  bool covers(const FontFace& face, char32_t c);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace longstop::text
