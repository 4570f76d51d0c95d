#include "app/urgent_alarm.h"

namespace longstop::app {

bool UrgentAlarm::due(const std::vector<std::string>& pending, int64_t nowMs) {
  if (pending.empty()) {
    sounded_.clear();
    lastMs_.reset();
    return false;
  }
  bool fresh = false;
  std::set<std::string> now(pending.begin(), pending.end());
  for (const auto& t : now) fresh |= !sounded_.count(t);
  sounded_ = std::move(now);  // an acknowledged ticket that comes back is fresh again
  // A clock set back counts as time enough: the alarm must never fall silent while one is pending.
  const bool repeat = lastMs_ && (nowMs - *lastMs_ >= kUrgentRepeatMs || nowMs < *lastMs_);
  if (!fresh && !repeat) return false;
  lastMs_ = nowMs;
  return true;
}

}  // namespace longstop::app
