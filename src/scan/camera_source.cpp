#include "scan/camera_source.h"

namespace longstop::scan {

CameraSource::CameraSource(CameraConfig config, std::unique_ptr<RawCapture> capture, DeviceReporter reporter,
                           std::function<int64_t()> nowMs)
    : config_(std::move(config)),
      capture_(std::move(capture)),
      nowMs_(std::move(nowMs)),
      watch_(config_.device, std::move(reporter)) {}

CameraSource::~CameraSource() {
  stop();
}

core::Status CameraSource::start() {
  wanted_ = true;
  ensureOpen();
  return core::okStatus();
}

void CameraSource::stop() {
  wanted_ = false;
  if (open_) capture_->close();
  open_ = false;
}

bool CameraSource::ensureOpen() {
  if (open_ || !wanted_) return open_;
  const int64_t now = nowMs_();
  if (!watch_.shouldTry(now)) return false;
  core::Status s = capture_->open(config_);
  if (!s) {
    watch_.failed(now, s.error().message);
    return false;
  }
  open_ = true;
  watch_.opened(now);
  return true;
}

bool CameraSource::next(GrayFrame& out, int timeoutMs) {
  if (!ensureOpen()) return false;
  RawFrame raw;
  core::Result<int> got = capture_->read(raw, timeoutMs);
  if (!got) {  // unplugged: close now, reopen when it is back
    capture_->close();
    open_ = false;
    watch_.failed(nowMs_(), got.error().message);
    return false;
  }
  if (*got == 0) return false;
  // A damaged frame (a torn JPEG) is dropped; the next one will do.
  if (!converter_.toGray(raw, out)) return false;
  out.sequence = ++sequence_;
  return true;
}

}  // namespace longstop::scan
