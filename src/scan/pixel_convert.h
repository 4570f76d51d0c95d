// Camera pixel formats to grayscale: YUYV (take the Y bytes) and MJPEG (scan/mjpeg.h, decoding only
// the luma). Pure functions of the bytes, so the tests can feed synthetic frames.
#pragma once

#include <cstddef>
#include <cstdint>

#include "scan/frame.h"

namespace longstop::scan {

/// One captured buffer as the driver gives it.
struct RawFrame {
  uint32_t fourcc = 0;  // V4L2_PIX_FMT_YUYV or V4L2_PIX_FMT_MJPEG
  int width = 0;
  int height = 0;
  int bytesPerLine = 0;  // YUYV: at least 2 * width; MJPEG: unused
  const uint8_t* data = nullptr;
  size_t size = 0;
};

/// 'YUYV' and 'MJPG' as V4L2 spells them (same values as V4L2_PIX_FMT_*).
inline constexpr uint32_t fourcc(char a, char b, char c, char d) {
  return static_cast<uint32_t>(a) | (static_cast<uint32_t>(b) << 8) | (static_cast<uint32_t>(c) << 16) |
         (static_cast<uint32_t>(d) << 24);
}
inline constexpr uint32_t kFourccYuyv = fourcc('Y', 'U', 'Y', 'V');
inline constexpr uint32_t kFourccMjpeg = fourcc('M', 'J', 'P', 'G');

/// Turns raw frames into gray ones. Holds a JPEG decompressor; not thread-safe.
class PixelConverter {
 public:
  PixelConverter();
  ~PixelConverter();
  PixelConverter(const PixelConverter&) = delete;
  PixelConverter& operator=(const PixelConverter&) = delete;

  /// Fills `out` (reusing its memory). An error for a short buffer, a broken JPEG or an unknown format.
  core::Status toGray(const RawFrame& raw, GrayFrame& out);

 private:
  void* jpeg_ = nullptr;  // from mjpegOpen()
};

}  // namespace longstop::scan
