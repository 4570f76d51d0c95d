// When the urgent alarm sounds. Until a desk device exists, a patient's "Yes, I need help now" is heard
// by whoever is nearest, signed in or not: on the board and on the kiosk, at once, then again and again
// until a member of staff acknowledges the alert on the console. Pure logic on the app's clock, so the
// repeat is tested by stepping a clock.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace longstop::app {

/// How often an unacknowledged urgent alert sounds again (see docs/decisions.md).
constexpr int64_t kUrgentRepeatMs = 15'000;

class UrgentAlarm {
 public:
  /// Given the tickets whose urgent alert is not yet acknowledged, true when the alarm should sound
  /// now: at once for a ticket not sounded before, then every kUrgentRepeatMs while any is pending.
  bool due(const std::vector<std::string>& pending, int64_t nowMs);

 private:
  std::set<std::string> sounded_;  // tickets already announced since they became pending
  std::optional<int64_t> lastMs_;  // when it last sounded; none while nothing is pending
};

}  // namespace longstop::app
