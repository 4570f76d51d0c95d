// Keeps a tap meant for one screen from landing on the next. A double tap, or a finger still on the glass
// when the screen changes, would otherwise press whatever appears under it: "Yes, check me in" twice is
// an urgent check-in, "Done" twice turns on larger text for the next person. The gate stands between the
// pointer and ImGui: for a short settle time after a screen change it passes no new press, and a press
// that began before the change is taken away from ImGui until the finger lifts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/display.h"

namespace longstop::app {

/// How long after a screen change a new press is ignored (see docs/decisions.md for the figure).
constexpr int64_t kTouchSettleMs = 500;

class TouchGate {
 public:
  /// What ImGui may see this frame of the pointer `raw`, at `nowMs` on the app's clock. A refused press
  /// shows as no pointer at all (nothing hovered, nothing held), so its release presses nothing.
  Pointer filter(const Pointer& raw, int64_t nowMs);
  /// After a frame is drawn: `screen` names what shows (a new name is a screen change at `nowMs`).
  void noteScreen(std::string_view screen, int64_t nowMs);
  /// Milliseconds before a new press would be passed on (0 when it would be now).
  int64_t msUntilSettled(int64_t nowMs) const;

 private:
  std::string screen_;
  std::optional<int64_t> changedAtMs_;  // the last screen change; none yet: settled
  bool down_ = false;                   // the raw pointer was down in the last frame
  bool refused_ = false;                // the press under way is kept from ImGui until it ends
};

}  // namespace longstop::app
