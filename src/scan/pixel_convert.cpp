#include "scan/pixel_convert.h"

#include <string>

#include <turbojpeg.h>

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

PixelConverter::PixelConverter() : jpeg_(tjInitDecompress()) {}
PixelConverter::~PixelConverter() {
  if (jpeg_ != nullptr) tjDestroy(static_cast<tjhandle>(jpeg_));
}

core::Status PixelConverter::toGray(const RawFrame& raw, GrayFrame& out) {
  if (raw.data == nullptr) return core::invalidInput("The camera sent an empty frame.");
  if (raw.fourcc == kFourccYuyv) return yuyvToGray(raw, out);
  if (raw.fourcc != kFourccMjpeg) return core::invalidInput("The camera's pixel format is not YUYV or MJPEG.");
  if (jpeg_ == nullptr) return core::internalError("The JPEG decoder could not be started.");
  int w = 0, h = 0, subsamp = 0, colorspace = 0;
  auto* handle = static_cast<tjhandle>(jpeg_);
  if (tjDecompressHeader3(handle, raw.data, static_cast<unsigned long>(raw.size), &w, &h, &subsamp, &colorspace) != 0 ||
      w <= 0 || h <= 0 || w > 8192 || h > 8192)
    return core::invalidInput("The camera sent a JPEG frame that cannot be read.");
  out.resize(w, h);
  // TJPF_GRAY decodes the luma plane only: no colour conversion at all.
  if (tjDecompress2(handle, raw.data, static_cast<unsigned long>(raw.size), out.pixels.data(), w, w, h, TJPF_GRAY,
                    TJFLAG_FASTDCT) != 0 &&
      tjGetErrorCode(handle) == TJERR_FATAL)
    return core::invalidInput(std::string("The camera sent a damaged JPEG frame (") + tjGetErrorStr2(handle) + ").");
  return core::okStatus();
}

}  // namespace longstop::scan
