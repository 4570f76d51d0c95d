// What the kiosk shows when it cannot work at all (its data directory unreadable, its database set
// aside as damaged, the data card read-only): patients are sent to reception, and staff read why. It
// stays up, so the board is not restarted in a loop and the reason stays where staff can see it.
#pragma once

#include <string>

namespace longstop::ui {

/// `reason` is for staff and IT, in English; it must hold no personal data (the service's messages
/// about the data directory name files, never patients).
void drawFaultScreen(const std::string& reason);

}  // namespace longstop::ui
