#include "ui/staff/locked.h"

#include <algorithm>

#include "ui/chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {

// English only, like the other staff screens: it asks the patient for nothing but to go to reception,
// and it is reception who acts on it.
LockedIntent drawLocked(const LockedView& v) {
  const Theme& t = theme();
  Rect d = displayRect();
  float y = d.min.y + t.margin();
  textCentred(v.siteName + "   " + v.clock, d.min.x, d.max.x, y, t.body());
  y += measure("W", t.body()).y + t.basePx * 2;
  textCentred("Please ask at reception", d.min.x, d.max.x, y, t.heading());
  y += measure("W", t.heading()).y + t.basePx;
  const float width = std::min(d.width() - 2 * t.margin(), t.basePx * 40);
  ImGui::SetCursorScreenPos(ImVec2((d.width() - width) / 2, y));
  y += textWrapped(
      "This kiosk has just started and is not ready for check-in yet. A member of staff needs to "
      "start it.",
      width);
  y += t.basePx * 2;
  const char* label = "Staff: start the kiosk";
  const float w = std::min(d.width() - 2 * t.margin(), buttonWidth(label));
  ImGui::SetCursorScreenPos(ImVec2((d.width() - w) / 2, std::min(y, d.max.y - t.margin() - t.target())));
  if (button(label, ImVec2(w, t.target()), ButtonStyle::kSecondary)) return LockedIntent::kStaffStart;
  return LockedIntent::kNone;
}

}  // namespace longstop::ui::staff
