// The setup wizard's "Print a test page", beside "Check again" on the devices step once the printer
// is found: drawn and sent from one place, so the wizard's own files change by a line.
#pragma once

#include <string>

#include "ui/chrome.h"
#include "ui/test_page.h"
#include "ui/widgets.h"

namespace longstop::ui::setup {

/// Draws the button at the right of `area` at `y` and the job's sentence under it; a press sends the
/// test page to `device` on 58 mm paper (which prints whole on an 80 mm roll too: setup has not asked
/// for the paper yet).
void drawDevicesTestPage(const Rect& area, float y, const std::string& device, TicketPrinting* printing,
                         TestPageState& state);

}  // namespace longstop::ui::setup
