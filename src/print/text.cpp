#include "print/text.h"

#include <stb_truetype.h>

#include <cmath>
#include <fstream>
#include <iterator>

#include "core/utf8.h"

namespace longstop::print {
namespace {

const stbtt_fontinfo* infoOf(const std::vector<unsigned char>& bytes) {
  return reinterpret_cast<const stbtt_fontinfo*>(bytes.data());
}

}  // namespace

core::Result<Font> Font::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return core::notFound("The ticket font " + path + " cannot be read (is fonts-dejavu-core installed?).");
  Font f;
  f.data_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  f.info_.resize(sizeof(stbtt_fontinfo));
  auto* info = reinterpret_cast<stbtt_fontinfo*>(f.info_.data());
  const int offset = stbtt_GetFontOffsetForIndex(f.data_.data(), 0);
  if (offset < 0 || stbtt_InitFont(info, f.data_.data(), offset) == 0)
    return core::invalidInput("The ticket font " + path + " is not a TrueType font.");
  return f;
}

int Font::measure(std::string_view text, int px) const {
  const stbtt_fontinfo* info = infoOf(info_);
  const float scale = stbtt_ScaleForPixelHeight(info, static_cast<float>(px));
  float x = 0;
  int prev = 0;
  for (char32_t c : core::codePoints(text)) {
    int advance = 0, bearing = 0;
    if (prev != 0)
      x += scale * static_cast<float>(stbtt_GetCodepointKernAdvance(info, prev, static_cast<int>(c)));
    stbtt_GetCodepointHMetrics(info, static_cast<int>(c), &advance, &bearing);
    x += scale * static_cast<float>(advance);
    prev = static_cast<int>(c);
  }
  return static_cast<int>(std::ceil(x));
}

int Font::draw(Bitmap& out, std::string_view text, int left, int top, int px, bool black) const {
  const stbtt_fontinfo* info = infoOf(info_);
  const float scale = stbtt_ScaleForPixelHeight(info, static_cast<float>(px));
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(info, &ascent, &descent, &gap);
  const int baseline = top + static_cast<int>(std::lround(scale * static_cast<float>(ascent)));
  float x = static_cast<float>(left);
  int prev = 0;
  for (char32_t c : core::codePoints(text)) {
    const int cp = static_cast<int>(c);
    if (prev != 0) x += scale * static_cast<float>(stbtt_GetCodepointKernAdvance(info, prev, cp));
    int w = 0, h = 0, xoff = 0, yoff = 0;
    unsigned char* glyph = stbtt_GetCodepointBitmap(info, scale, scale, cp, &w, &h, &xoff, &yoff);
    if (glyph != nullptr) {
      const int gx = static_cast<int>(std::lround(x)) + xoff;
      for (int gy = 0; gy < h; ++gy)
        for (int gxi = 0; gxi < w; ++gxi)
          if (glyph[gy * w + gxi] >= 128) out.set(gx + gxi, baseline + yoff + gy, black);
      stbtt_FreeBitmap(glyph, nullptr);
    }
    int advance = 0, bearing = 0;
    stbtt_GetCodepointHMetrics(info, cp, &advance, &bearing);
    x += scale * static_cast<float>(advance);
    prev = cp;
  }
  return static_cast<int>(std::lround(scale * static_cast<float>(ascent - descent + gap)));
}

std::vector<std::string> Font::wrap(std::string_view text, int px, int width) const {
  std::vector<std::string> lines;
  std::string line;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    const std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && measure(candidate, px) > width) {
      lines.push_back(line);
      line = std::string(word);
    } else {
      line = candidate;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace longstop::print
