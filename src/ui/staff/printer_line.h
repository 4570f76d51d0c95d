// The ticket printer on the reception screens: the console's one line when the printer needs someone
// ("Printer: paper out — load a new roll"), and the patient's Reprint.
#pragma once

#include <string>

#include "ui/chrome.h"
#include "ui/staff/staff_ui.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {

inline constexpr const char* kReprintLabel = "Reprint ticket";

/// Draws `line` (when not empty) across `area` at `y` in amber; returns the height it took.
float drawPrinterLine(const std::string& line, const Rect& area, float y);

/// Reprints the open check-in's ticket and says so (or why not), back on the console.
void applyReprint(StaffConsole& console, TicketPrinting* printing, StaffState& s);

}  // namespace longstop::ui::staff
