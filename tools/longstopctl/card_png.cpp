#include "card_png.h"

#include <stb_image_write.h>
#include <stb_truetype.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "core/utf8.h"
#include "qr/encode.h"

namespace longstop::ctl {
namespace {

constexpr int kWidth = 1012;
constexpr int kHeight = 638;
constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

struct Canvas {
  std::vector<unsigned char> px = std::vector<unsigned char>(kWidth * kHeight, 255);
  void fill(int x0, int y0, int w, int h, unsigned char v) {
    for (int y = y0; y < y0 + h && y < kHeight; ++y)
      for (int x = x0; x < x0 + w && x < kWidth; ++x) px[y * kWidth + x] = v;
  }
};

void drawQr(Canvas& c, const std::string& text, int x0, int y0, int size) {
  auto qr = qr::encode(text, qr::Segments::kBytes);
  if (!qr.ok()) return;
  const int module = size / (qr->size + 8);  // four modules of quiet zone each side
  const int offset = 4 * module;
  for (int y = 0; y < qr->size; ++y)
    for (int x = 0; x < qr->size; ++x)
      if (qr->at(x, y)) c.fill(x0 + offset + x * module, y0 + offset + y * module, module, module, 0);
}

// One line of text, black on white.
void drawText(Canvas& c, const stbtt_fontinfo& font, const std::string& text, int x, int baseline, float px) {
  const float scale = stbtt_ScaleForPixelHeight(&font, px);
  float pen = static_cast<float>(x);
  for (const char32_t ch : core::codePoints(text)) {
    int w = 0, h = 0, xoff = 0, yoff = 0, advance = 0, lsb = 0;
    unsigned char* glyph = stbtt_GetCodepointBitmap(&font, scale, scale, ch, &w, &h, &xoff, &yoff);
    for (int gy = 0; gy < h; ++gy)
      for (int gx = 0; gx < w; ++gx) {
        const int X = static_cast<int>(pen) + xoff + gx, Y = baseline + yoff + gy;
        if (X >= 0 && X < kWidth && Y >= 0 && Y < kHeight)
          c.px[Y * kWidth + X] =
              static_cast<unsigned char>(std::min<int>(c.px[Y * kWidth + X], 255 - glyph[gy * w + gx]));
      }
    stbtt_FreeBitmap(glyph, nullptr);
    stbtt_GetCodepointHMetrics(&font, ch, &advance, &lsb);
    pen += static_cast<float>(advance) * scale;
  }
}

}  // namespace

core::Status writeCardPng(const std::string& path, const CardFace& face) {
  std::ifstream in(kFont, std::ios::binary);
  if (!in)
    return core::internalError(std::string("The font ") + kFont + " is missing (install fonts-dejavu-core).");
  const std::vector<unsigned char> ttf((std::istreambuf_iterator<char>(in)),
                                       std::istreambuf_iterator<char>());
  stbtt_fontinfo font;
  if (!stbtt_InitFont(&font, ttf.data(), stbtt_GetFontOffsetForIndex(ttf.data(), 0)))
    return core::internalError("The card font could not be read.");
  Canvas c;
  c.fill(0, 0, kWidth, 24, 0);  // a black band so the card is recognisable across a room
  drawQr(c, face.cardText, 20, 110, 500);
  drawText(c, font, "LONGSTOP STAFF CARD", 560, 150, 40);
  drawText(c, font, face.name, 560, 260, 56);
  drawText(c, font, "Role: " + face.role, 560, 340, 40);
  drawText(c, font, "Keep with you. Never share", 560, 430, 30);
  drawText(c, font, "your PIN.", 560, 470, 30);
  drawText(c, font, face.cardText, 30, 610, 30);
  if (!stbi_write_png(path.c_str(), kWidth, kHeight, 1, c.px.data(), kWidth))
    return core::storageError("Could not write " + path + ".");
  return core::okStatus();
}

}  // namespace longstop::ctl
