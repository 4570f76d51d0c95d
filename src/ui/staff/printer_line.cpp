#include "ui/staff/printer_line.h"

#include <cmath>

#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"

namespace longstop::ui::staff {

float drawPrinterLine(const std::string& line, const Rect& area, float y) {
  if (line.empty()) return 0;
  const Theme& t = theme();
  // A yellow band like the idle warning: it asks for a person, it is not an emergency.
  const float h = drawBanner(line, area.min.x, area.max.x, y, colour::kYellow, colour::kText);
  return h + t.gap();
}

void applyReprint(StaffConsole& console, TicketPrinting* printing, StaffState& s) {
  const service::ConsoleEntry* e = console.entry(s.selected);
  const std::string ticket = e ? e->ticket : s.selected;
  const core::Status done = printing ? printing->reprint(s.selected)
                                     : core::Status(core::invalidInput("This kiosk has no ticket printer."));
  if (done.ok()) {
    s.message.clear();
    s.notice = ticket + ": the ticket is being reprinted";
  } else {
    s.notice.clear();
    s.message = done.error().message;
  }
  s.screen = StaffScreen::kConsole;
}

}  // namespace longstop::ui::staff
