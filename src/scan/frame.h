// Grayscale frames and where they come from: the camera (camera_source.h) or image files (image_file.h).
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"

namespace longstop::scan {

/// An 8-bit grayscale image; row y starts at pixels[y * stride].
struct GrayFrame {
  int width = 0;
  int height = 0;
  int stride = 0;
  std::vector<uint8_t> pixels;
  uint64_t sequence = 0;  // counts up per source; for telling frames apart

  bool empty() const { return width <= 0 || height <= 0; }
  uint8_t at(int x, int y) const { return pixels[static_cast<size_t>(y) * stride + x]; }
  /// Sets size and stride (= width) and makes room; contents are unspecified.
  void resize(int w, int h) {
    width = w;
    height = h;
    stride = w;
    pixels.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
  }
};

/// Something that gives frames on demand. The real ones are CameraSource and ImageFileSource; tests
/// feed their own. Not thread-safe: one thread calls it.
class FrameSource {
 public:
  virtual ~FrameSource() = default;
  /// Starts delivering (e.g. switches the camera on). An error says why it cannot, in one sentence.
  virtual core::Status start() = 0;
  /// Stops delivering and releases the device; start() may be called again.
  virtual void stop() = 0;
  /// Waits up to timeoutMs for the next frame into `out`. false: no frame this time (timeout, device
  /// gone, end of files); the source reports why through its own channel, not here.
  virtual bool next(GrayFrame& out, int timeoutMs) = 0;
};

}  // namespace longstop::scan
