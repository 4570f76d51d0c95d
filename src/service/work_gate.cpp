#include "service/work_gate.h"

namespace longstop::service {

void WorkGate::park() {
  std::unique_lock lock(mutex_);
  if (open_) return;
  parked_ = true;
  parkedForMs_ = 0;
  const uint64_t seen = releases_;
  released_.wait(lock, [&] { return open_ || releases_ != seen; });
}

bool WorkGate::advance(int64_t ms) {
  std::lock_guard lock(mutex_);
  if (!parked_) return false;
  parkedForMs_ += ms;
  if (parkedForMs_ < paceMs_) return false;
  // Not parked from here on, before the worker even wakes: the script then waits for the next park.
  parked_ = false;
  ++releases_;
  released_.notify_all();
  return true;
}

bool WorkGate::parked() const {
  std::lock_guard lock(mutex_);
  return parked_;
}

void WorkGate::openForGood() {
  std::lock_guard lock(mutex_);
  open_ = true;
  parked_ = false;
  released_.notify_all();
}

}  // namespace longstop::service
