#include "scan/device_watch.h"

namespace longstop::scan {

DeviceWatch::DeviceWatch(std::string device, DeviceReporter reporter, int64_t retryMs)
    : device_(std::move(device)), reporter_(std::move(reporter)), retryMs_(retryMs) {}

bool DeviceWatch::shouldTry(int64_t nowMs) const {
  return state_ != State::kMissing || nowMs - lastFailureMs_ >= retryMs_;
}

void DeviceWatch::opened(int64_t /*nowMs*/) {
  if (state_ != State::kAvailable && reporter_) reporter_({device_, true, device_ + " is working."});
  state_ = State::kAvailable;
}

void DeviceWatch::failed(int64_t nowMs, const std::string& why) {
  lastFailureMs_ = nowMs;
  if (state_ != State::kMissing && reporter_) reporter_({device_, false, why});
  state_ = State::kMissing;
}

}  // namespace longstop::scan
