#include "exporter/qr_image.h"

#include <stb_image_write.h>

#include <memory>

#include "qr/encode.h"

namespace longstop::exporter {

core::Result<GrayImage> renderQr(std::string_view text, int ppm) {
  // The smallest segments: an LSQ1 frame is coded alphanumerically.
  auto m = qr::encode(text, qr::Segments::kSmallest);
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

}  // namespace longstop::exporter
