#include "app/touch_gate.h"

#include <cfloat>

namespace longstop::app {

Pointer TouchGate::filter(const Pointer& raw, int64_t nowMs) {
  const bool pressStarts = raw.down && !down_;
  down_ = raw.down;
  if (pressStarts) refused_ = msUntilSettled(nowMs) > 0;
  if (!refused_) return raw;
  if (!raw.down) refused_ = false;  // the refused press ends here, out of ImGui's sight
  return Pointer{ImVec2(-FLT_MAX, -FLT_MAX), false};
}

void TouchGate::noteScreen(std::string_view screen, int64_t nowMs) {
  if (screen == screen_) return;
  const bool first = screen_.empty();
  screen_ = std::string(screen);
  if (first) return;  // the first screen drawn is not a change under anyone's finger
  changedAtMs_ = nowMs;
  // A press that began on the screen before belongs to it: its release must not press this one.
  if (down_) refused_ = true;
}

int64_t TouchGate::msUntilSettled(int64_t nowMs) const {
  if (!changedAtMs_) return 0;
  const int64_t since = nowMs - *changedAtMs_;
  // The wall clock set back (a member of staff corrects it) must not freeze the screen until it
  // catches up: time that runs backwards counts as settled.
  if (since < 0 || since >= kTouchSettleMs) return 0;
  return kTouchSettleMs - since;
}

}  // namespace longstop::app
