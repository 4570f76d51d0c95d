// QR codes as pictures, for the batch tools and the tests: drawing one (qr::encode) and writing it as a
// PNG (stb). Photos are read and decoded by scan (scan/image_file.h, scan/decoder.h), as on the kiosk.
// Kept apart from the pure exporter library so that the kiosk's services do not link image code.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace longstop::exporter {

/// An 8-bit grey picture, row-major, 0 = black.
struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> pixels;
};

/// The code drawn at `pixelsPerModule` with a 4-module white quiet zone.
core::Result<GrayImage> renderQr(std::string_view text, int pixelsPerModule = 4);

core::Status writePng(const GrayImage& image, const std::filesystem::path& path);
}  // namespace longstop::exporter
