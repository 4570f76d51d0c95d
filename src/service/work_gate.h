// Test only: makes export work step on a scripted test's clock instead of the wall clock. The worker
// parks after each progress report; the script lets it go on once `paceMs` of the script's own time have
// passed, then waits for it to park again (or finish) before it looks at the screen. What a script sees
// after a `wait` is then the same however busy the machine is.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace longstop::service {

class WorkGate {
 public:
  explicit WorkGate(int64_t paceMs) : paceMs_(paceMs) {}

  /// Worker thread: parks until the script's clock releases it, or the gate is opened for good.
  void park();
  /// Script thread: `ms` of script time passed; releases a worker parked for `paceMs` or more, and
  /// says whether it did (parked() may already be true again by the time the caller looks).
  bool advance(int64_t ms);
  /// Script thread: whether the worker is parked now (and so will not change what the screen shows).
  bool parked() const;
  /// Never parks again and releases a parked worker, so the worker's thread can be joined.
  void openForGood();

 private:
  const int64_t paceMs_;  // constant after construction

  mutable std::mutex mutex_;
  std::condition_variable released_;
  bool parked_ = false;      // guarded by mutex_
  bool open_ = false;        // guarded by mutex_
  int64_t parkedForMs_ = 0;  // guarded by mutex_: script time since the worker parked
  uint64_t releases_ = 0;    // guarded by mutex_
};

}  // namespace longstop::service
