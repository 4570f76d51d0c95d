#include "ui/fault_screen.h"

#include <algorithm>

#include "ui/chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

// English, as the locked screen: it asks patients only to go to reception, and staff act on it.
void drawFaultScreen(const std::string& reason) {
  const Theme& t = theme();
  const Rect d = displayRect();
  const float width = std::min(d.width() - 2 * t.margin(), t.basePx * 40);
  const float x = d.min.x + (d.width() - width) / 2;
  float y = d.min.y + t.margin() + t.basePx * 2;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  y += textWrapped("Please check in at reception", width, t.heading()) + t.basePx;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  y += textWrapped("This kiosk cannot check patients in just now.", width) + t.basePx * 2;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  textWrapped("For staff: " + reason, width, t.body(), colour::kGreyBorder);
}

}  // namespace longstop::ui
