// QR codes as pictures, for the batch tools: drawing one (libqrencode), writing and reading PNG/JPEG
// files (stb), and finding the codes in a photo (ZXing). Kept apart from the pure exporter library so
// that the kiosk's services do not link image code they never use.
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

/// The module matrix of `text` (error correction M; libqrencode picks the densest modes, so an LSQ1
/// frame is coded alphanumerically). `version` is the QR version chosen (1–40).
struct QrModules {
  int size = 0;
  int version = 0;
  std::vector<uint8_t> dark;  // size*size, 1 = dark
};
core::Result<QrModules> encodeQrModules(std::string_view text);

/// The code drawn at `pixelsPerModule` with a 4-module white quiet zone.
core::Result<GrayImage> renderQr(std::string_view text, int pixelsPerModule = 4);

core::Status writePng(const GrayImage& image, const std::filesystem::path& path);
/// Reads a PNG or JPEG (anything stb_image reads) as grey; refuses one larger than core::checkImageSize
/// allows before decoding it.
core::Result<GrayImage> loadImage(const std::filesystem::path& path);

/// The texts of every QR code found in the picture (none is not an error).
std::vector<std::string> decodeQrCodes(const GrayImage& image);

}  // namespace longstop::exporter
