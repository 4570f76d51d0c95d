#include "print/text.h"

#include <cmath>
#include <fstream>

#include "text/shaper.h"

namespace longstop::print {
namespace {

text::Style styleFor(int px, std::string_view lang) {
  text::Style s;
  s.px = static_cast<float>(px);
  s.bold = true;
  s.lang = std::string(lang);
  return s;
}

}  // namespace

Font::Font() : shaper_(std::make_unique<text::Shaper>()) {}
Font::Font(Font&&) noexcept = default;
Font& Font::operator=(Font&&) noexcept = default;
Font::~Font() = default;

core::Result<Font> Font::load(const std::string& latinFace) {
  std::ifstream in(latinFace, std::ios::binary);
  if (!in)
    return core::notFound("The ticket font " + latinFace +
                          " cannot be read (is fonts-dejavu-core installed?).");
  Font f;
  if (!f.shaper_->covers({latinFace, 0}, U'A'))
    return core::invalidInput("The ticket font " + latinFace + " is not a font this kiosk can draw with.");
  return f;
}

int Font::measure(std::string_view s, int px, std::string_view lang) const {
  return static_cast<int>(std::ceil(shaper_->shape(s, styleFor(px, lang)).width));
}

int Font::draw(Bitmap& out, std::string_view s, int left, int top, int px, std::string_view lang,
               bool black) const {
  const text::Style style = styleFor(px, lang);
  const text::Line line = shaper_->shape(s, style);
  if (line.missingGlyph) ++missing_;
  const text::Bitmap picture = shaper_->render(line, style);
  for (int y = 0; y < picture.h; ++y)
    for (int x = 0; x < picture.w; ++x)
      if (picture.alpha[static_cast<size_t>(y) * picture.w + x] >= 128)
        out.set(left + picture.left + x, top + picture.top + y, black);
  return static_cast<int>(std::lround(line.advance));
}

std::vector<std::string> Font::wrap(std::string_view s, int px, int width, std::string_view lang) const {
  return shaper_->breakLines(s, styleFor(px, lang), static_cast<float>(width));
}

}  // namespace longstop::print
