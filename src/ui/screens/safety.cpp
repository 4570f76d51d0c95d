#include "ui/screens/safety.h"

#include <algorithm>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

SafetyIntent drawSafety() {
  const Theme& t = theme();
  Rect area;
  SafetyIntent intent = SafetyIntent::kNone;
  Nav nav = drawChrome(tr("Before we finish: one important question"), true, true, &area);
  ImGui::SetCursorScreenPos(area.min);
  float y =
      area.min.y +
      textWrapped(tr("Do you have chest pain, severe difficulty breathing, heavy bleeding, or signs of a "
                     "stroke? Tell reception now."),
                  area.width(), t.heading()) +
      t.gap() * 3;
  RowButton buttons[2] = {{tr("Yes, I need help now"), int(ButtonStyle::kUrgent)},
                          {tr("No"), int(ButtonStyle::kPrimary)}};
  int pressed = drawButtonRow(buttons, 2, y, area, std::min(t.target() * 1.2f, area.max.y - y));
  if (pressed == 0) intent = SafetyIntent::kNeedHelp;
  if (pressed == 1) intent = SafetyIntent::kNo;
  if (nav == Nav::kBack) intent = SafetyIntent::kBack;
  if (nav == Nav::kStartAgain) intent = SafetyIntent::kStartAgain;
  return intent;
}

}  // namespace longstop::ui
