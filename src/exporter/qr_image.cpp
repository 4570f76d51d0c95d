#include "exporter/qr_image.h"

#include <qrencode.h>
#include <stb_image.h>
#include <stb_image_write.h>
#include <ZXing/ReadBarcode.h>

#include <memory>

#include "core/image_limits.h"

namespace longstop::exporter {

core::Result<QrModules> encodeQrModules(std::string_view text) {
  const std::string s(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                     &QRcode_free);
  if (!qr) return core::internalError("The text is too long for one QR code (" + std::to_string(s.size()) + " characters).");
  QrModules m{qr->width, qr->version, std::vector<uint8_t>(static_cast<size_t>(qr->width) * qr->width)};
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = qr->data[i] & 1;
  return m;
}

core::Result<GrayImage> renderQr(std::string_view text, int ppm) {
  auto m = encodeQrModules(text);
  if (!m.ok()) return m.error();
  const int quiet = 4;
  const int side = (m->size + 2 * quiet) * ppm;
  GrayImage img{side, side, std::vector<uint8_t>(static_cast<size_t>(side) * side, 255)};
  for (int y = 0; y < m->size; ++y)
    for (int x = 0; x < m->size; ++x) {
      if (!m->dark[static_cast<size_t>(y) * m->size + x]) continue;
      for (int dy = 0; dy < ppm; ++dy)
        for (int dx = 0; dx < ppm; ++dx)
          img.pixels[static_cast<size_t>((y + quiet) * ppm + dy) * side + (x + quiet) * ppm + dx] = 0;
    }
  return img;
}

core::Status writePng(const GrayImage& image, const std::filesystem::path& path) {
  if (!stbi_write_png(path.c_str(), image.width, image.height, 1, image.pixels.data(), image.width))
    return core::storageError("Could not write " + path.string() + ".");
  return core::okStatus();
}

core::Result<GrayImage> loadImage(const std::filesystem::path& path) {
  int w = 0, h = 0, channels = 0;
  // The header alone first: a tiny file may declare a picture too large to hold in memory.
  if (stbi_info(path.c_str(), &w, &h, &channels) != 0) {
    if (auto size = core::checkImageSize(w, h); !size.ok())
      return core::invalidInput("Could not read the picture " + path.string() + ": " + size.error().message +
                                ".");
  }
  std::unique_ptr<stbi_uc, decltype(&stbi_image_free)> data(stbi_load(path.c_str(), &w, &h, &channels, 1),
                                                            &stbi_image_free);
  if (!data) return core::invalidInput("Could not read the picture " + path.string() + " (not a PNG or JPEG?).");
  GrayImage img{w, h, std::vector<uint8_t>(data.get(), data.get() + static_cast<size_t>(w) * h)};
  return img;
}

std::vector<std::string> decodeQrCodes(const GrayImage& image) {
  ZXing::ImageView view(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode);
  hints.setTryHarder(true);
  std::vector<std::string> out;
  for (const ZXing::Result& r : ZXing::ReadBarcodes(view, hints))
    if (r.isValid()) out.push_back(r.text());
  return out;
}

}  // namespace longstop::exporter
