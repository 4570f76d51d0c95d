// "Report once, retry later" for devices that come and go (cameras, USB scanners). The owner asks
// shouldTry(now) before opening, and tells it the outcome; the reporter hears only changes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace longstop::scan {

/// What happened to a device, for the kiosk's log and the reception console.
struct DeviceEvent {
  std::string device;  // "/dev/video0"
  bool available = false;
  std::string message;  // one sentence: "The camera /dev/video0 is not connected; ..."
};
using DeviceReporter = std::function<void(const DeviceEvent&)>;

class DeviceWatch {
 public:
  /// retryMs: how long to wait after a failure before trying again.
  DeviceWatch(std::string device, DeviceReporter reporter, int64_t retryMs = 2000);

  /// True when it is time to (re)try opening: never tried, or retryMs since the last failure.
  bool shouldTry(int64_t nowMs) const;
  /// The device opened: reported when it was missing before (or never reported).
  void opened(int64_t nowMs);
  /// Opening failed or the device went away: reported the first time only, until it opens again.
  void failed(int64_t nowMs, const std::string& why);
  bool available() const { return state_ == State::kAvailable; }

 private:
  enum class State { kUnknown, kAvailable, kMissing };
  std::string device_;
  DeviceReporter reporter_;
  int64_t retryMs_;
  State state_ = State::kUnknown;
  int64_t lastFailureMs_ = 0;
};

}  // namespace longstop::scan
