#include "scan/pixel_convert.h"

#include <string>

#include "scan/mjpeg.h"

namespace longstop::scan {
namespace {

core::Status yuyvToGray(const RawFrame& raw, GrayFrame& out) {
  const int stride = raw.bytesPerLine > 0 ? raw.bytesPerLine : raw.width * 2;
  if (raw.width <= 0 || raw.height <= 0 || stride < raw.width * 2 ||
      raw.size < static_cast<size_t>(stride) * (raw.height - 1) + static_cast<size_t>(raw.width) * 2)
    return core::invalidInput("The camera sent a YUYV frame shorter than its size says.");
  out.resize(raw.width, raw.height);
  for (int y = 0; y < raw.height; ++y) {
    const uint8_t* src = raw.data + static_cast<size_t>(y) * stride;
    uint8_t* dst = &out.pixels[static_cast<size_t>(y) * out.stride];
    for (int x = 0; x < raw.width; ++x) dst[x] = src[2 * x];  // Y0 U Y1 V: luma at even bytes
  }
  return core::okStatus();
}

}  // namespace

PixelConverter::PixelConverter() : jpeg_(mjpegOpen()) {}
PixelConverter::~PixelConverter() {
  mjpegClose(jpeg_);
}

core::Status PixelConverter::toGray(const RawFrame& raw, GrayFrame& out) {
  if (raw.data == nullptr) return core::invalidInput("The camera sent an empty frame.");
  if (raw.fourcc == kFourccYuyv) return yuyvToGray(raw, out);
  if (raw.fourcc != kFourccMjpeg)
    return core::invalidInput("The camera's pixel format is not YUYV or MJPEG.");
  return mjpegToGray(jpeg_, raw, out);
}

}  // namespace longstop::scan
