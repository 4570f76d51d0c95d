// Fuzzes the text engine with any bytes as a line of text: names and clinicians' names come from
// imported files and reach the screens and the ticket through it. The first byte picks the reader's
// language and the size; the rest is the text (invalid UTF-8 included). Shaping, line breaking and
// drawing never crash, every glyph points into the text, a broken line is a piece of the text, a line
// with a space in it fits the width, and a drawn picture has as many pixels as its size says.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/shaper.h"

using namespace longstop::text;

namespace {
constexpr const char* kLangs[] = {"en", "ur",    "bn", "pa", "pa_PK", "ar",
                                  "fa", "zh_CN", "gu", "ta", "tr",    "cy"};
constexpr size_t kMaxText = 300;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > kMaxText) return 0;
  static Shaper shaper;
  Style style;
  style.lang = kLangs[data[0] % (sizeof kLangs / sizeof kLangs[0])];
  style.px = 12.0f + static_cast<float>((data[0] >> 4) % 4) * 8.0f;
  style.bold = (data[0] & 0x08) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  const Line line = shaper.shape(text, style);
  if (!std::isfinite(line.width) || line.width < 0) std::abort();
  for (const Run& run : line.runs)
    for (const Glyph& g : run.glyphs)
      if (g.cluster > text.size() || !std::isfinite(g.x) || !std::isfinite(g.y)) std::abort();

  const Bitmap pic = shaper.render(line, style);
  if (pic.w < 0 || pic.h < 0 || pic.alpha.size() != static_cast<size_t>(pic.w) * static_cast<size_t>(pic.h))
    std::abort();

  const float width = style.px * 6;
  size_t from = 0;
  for (const std::string& piece : shaper.breakLines(text, style, width)) {
    const size_t at = text.find(piece, from);
    if (at == std::string_view::npos) std::abort();
    from = at + piece.size();
    if (piece.find(' ') != std::string::npos && shaper.shape(piece, style).width > width + 0.01f)
      std::abort();
  }
  return 0;
}
