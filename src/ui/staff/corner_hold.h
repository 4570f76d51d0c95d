// The deliberate gesture that opens staff sign-in from Welcome: a press held for 3 seconds on the
// top-left corner. Nothing a patient taps opens a staff screen; a tap there does nothing.
#pragma once

#include <cstdint>
#include <optional>

namespace longstop::ui::staff {

inline constexpr int64_t kCornerHoldMs = 3000;

struct CornerHold {
  std::optional<int64_t> since;  // when the current press began (unix ms), if one is held
};

/// Draws the invisible corner (recorded as "hold-corner" for scripts) over whatever is on screen;
/// returns true once when a press has been held kCornerHoldMs by the clock `nowMs`.
bool drawCornerHold(int64_t nowMs, CornerHold& hold);

}  // namespace longstop::ui::staff
