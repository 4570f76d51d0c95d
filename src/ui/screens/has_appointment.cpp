#include "ui/screens/has_appointment.h"

#include <algorithm>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

HasAppointmentIntent drawHasAppointment(bool offerScan) {
  const Theme& t = theme();
  Rect area;
  HasAppointmentIntent intent = HasAppointmentIntent::kNone;
  Nav nav = drawChrome(tr("Do you have an appointment today?"), true, true, &area);
  if (nav == Nav::kBack) intent = HasAppointmentIntent::kBack;
  if (nav == Nav::kStartAgain) intent = HasAppointmentIntent::kStartAgain;
  RowButton buttons[3] = {{tr("Yes, I have an appointment"), int(ButtonStyle::kPrimary)},
                          {tr("No, I'm a walk-in"), int(ButtonStyle::kPrimary)},
                          {tr("I have a code to scan"), int(ButtonStyle::kSecondary)}};
  const int count = offerScan ? 3 : 2;
  float h = std::min(t.target() * 1.2f, (area.height() - t.gap() * 4) / 3);
  float w = std::min(area.width(), t.basePx * 18);
  switch (drawButtonColumn(buttons, count, area.min.y, area, w, h)) {
    case 0:
      intent = HasAppointmentIntent::kYes;
      break;
    case 1:
      intent = HasAppointmentIntent::kWalkIn;
      break;
    case 2:
      intent = HasAppointmentIntent::kScan;
      break;
    default:
      break;
  }
  return intent;
}

}  // namespace longstop::ui
