// The camera as a FrameSource: a RawCapture (the V4L2 device, or a fake in the tests) plus the pixel
// conversion, switched on and off on demand, and reporting a missing or unplugged camera once.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "scan/device_watch.h"
#include "scan/frame.h"
#include "scan/pixel_convert.h"

namespace longstop::scan {

struct CameraConfig {
  std::string device = "/dev/video0";
  int width = 1280;
  int height = 720;
  bool preferMjpeg = true;  // MJPEG gives full frame rate over USB 2; YUYV is the fallback
};

/// Where raw frames come from. The real one is V4l2Capture (v4l2_capture.h); the fake is in tests/scan.
class RawCapture {
 public:
  virtual ~RawCapture() = default;
  /// Opens and starts streaming; the error is one sentence naming the device.
  virtual core::Status open(const CameraConfig& config) = 0;
  virtual void close() = 0;
  /// Waits up to timeoutMs. 1: a frame in `out`, valid until the next call; 0: timeout;
  /// an error: the device went away (the caller closes and retries later).
  virtual core::Result<int> read(RawFrame& out, int timeoutMs) = 0;
};

class CameraSource final : public FrameSource {
 public:
  /// `nowMs` is a monotonic clock in milliseconds (for the retry interval).
  CameraSource(CameraConfig config, std::unique_ptr<RawCapture> capture, DeviceReporter reporter,
               std::function<int64_t()> nowMs);
  ~CameraSource() override;

  /// Asks for frames. Never fails: a missing camera is reported once and retried by next().
  core::Status start() override;
  /// Closes the device (the camera's light goes off).
  void stop() override;
  bool next(GrayFrame& out, int timeoutMs) override;

 private:
  bool ensureOpen();

  CameraConfig config_;
  std::unique_ptr<RawCapture> capture_;
  std::function<int64_t()> nowMs_;
  DeviceWatch watch_;
  PixelConverter converter_;
  bool wanted_ = false;
  bool open_ = false;
  uint64_t sequence_ = 0;
};

/// The real camera, through V4L2.
std::unique_ptr<RawCapture> makeV4l2Capture();

}  // namespace longstop::scan
