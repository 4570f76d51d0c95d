#include "ui/screens/confirm.h"

#include <algorithm>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

ConfirmIntent drawConfirm(const ConfirmView& v) {
  const Theme& t = theme();
  Rect area;
  ConfirmIntent intent = ConfirmIntent::kNone;
  Nav nav = drawChrome(tr("We found your appointment"), true, true, &area);
  std::string line =
      fill(tr("Your appointment at {time} with {clinician}"), {{"time", v.time}, {"clinician", v.clinician}});
  ImGui::SetCursorScreenPos(area.min);
  float y = area.min.y + textWrapped(line, area.width(), t.heading()) + t.gap() * 2;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(tr("Is this your appointment?"), area.width()) + t.gap() * 3;
  RowButton buttons[2] = {{tr("Yes, check me in"), int(ButtonStyle::kPrimary)},
                          {tr("No, this is not mine"), int(ButtonStyle::kSecondary)}};
  float w = std::min(area.width(), t.basePx * 14);
  int pressed = drawButtonColumn(buttons, 2, y, area, w, t.target());
  if (pressed == 0) intent = ConfirmIntent::kConfirm;
  if (pressed == 1) intent = ConfirmIntent::kNotMe;
  if (nav == Nav::kBack) intent = ConfirmIntent::kBack;
  if (nav == Nav::kStartAgain) intent = ConfirmIntent::kStartAgain;
  return intent;
}

}  // namespace longstop::ui
