#include "ui/screens/confirm.h"

#include <algorithm>
#include <cmath>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

ConfirmIntent drawConfirm(const ConfirmView& v) {
  const Theme& t = theme();
  const Rect d = displayRect();
  // On a short screen the answers give up height (never below a fingertip) and the spacing closes up,
  // so the appointment, the question and both answers stand on one screen with larger text.
  const bool shortScreen = d.height() < 600;
  const float h = shortScreen ? std::max(kMinButtonPx, t.target() * 0.8f) : t.target();
  const float space = shortScreen ? t.gap() : t.gap() * 2;
  RowButton buttons[2] = {{tr("Yes, check me in"), int(ButtonStyle::kPrimary)},
                          {tr("No, this is not mine"), int(ButtonStyle::kSecondary)}};
  float w = std::min(d.width() - 2 * t.margin(), t.basePx * 14);
  for (const RowButton& b : buttons)
    w = std::min(d.width() - 2 * t.margin(), std::max(w, buttonWidth(b.label)));
  const float answersH =
      buttonHeightFor(buttons[0].label, w, h) + buttonHeightFor(buttons[1].label, w, h) + t.gap() * 2;
  const char* isThis = tr("Is this your appointment?");
  const float isThisH = measureWrapped(isThis, d.width() - 2 * t.margin()).y;
  Rect area;
  ConfirmIntent intent = ConfirmIntent::kNone;
  Nav nav = drawChrome(tr("We found your appointment"), true, true, &area,
                       answersH + isThisH + space * 3 + t.body()->FontSize);
  std::string line =
      fill(tr("Your appointment at {time} with {clinician}"), {{"time", v.time}, {"clinician", v.clinician}});
  // The appointment in the heading font when it leaves room for the rest, else in the body font; what
  // still does not fit scrolls under a finger, and the answers stay where they are.
  const float room = area.height() - answersH - isThisH - space * 3;
  ImFont* font = measureWrapped(line, area.width(), t.heading()).y <= room ? t.heading() : t.body();
  ImGui::SetCursorScreenPos(area.min);
  float y = area.min.y + scrollingText(line, ImVec2(area.width(), room), "confirm-appointment", font) + space;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(isThis, area.width()) + space * 2;
  int pressed = drawButtonColumn(buttons, 2, std::floor(y), area, w, h);
  if (pressed == 0) intent = ConfirmIntent::kConfirm;
  if (pressed == 1) intent = ConfirmIntent::kNotMe;
  if (nav == Nav::kBack) intent = ConfirmIntent::kBack;
  if (nav == Nav::kStartAgain) intent = ConfirmIntent::kStartAgain;
  return intent;
}

}  // namespace longstop::ui
