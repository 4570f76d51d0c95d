// The queue console: an unmissable red banner for each urgent alert (acknowledge to clear it), a
// warning before the idle sign-out, then the queues: one at a time (a tab for each, with its waiting
// count) or side by side as the width allows. Above each queue's list, always in view however long it
// is, a "Call next" button for each clinician working today ("Call next for Dr Patel → Room 3") and one
// for the patients without a clinician; below them the list, which scrolls by dragging.
#pragma once

#include <string>
#include <vector>

#include "service/staff_services.h"
#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

struct ConsoleView {
  const std::string& staffName;
  const std::vector<core::QueueDef>& queues;
  const std::vector<service::ConsoleEntry>& entries;
  const std::vector<service::CallPoint>& points;
  const std::vector<std::string>& alerts;  // record IDs
  const std::string& notice;
  const std::string& message;
  bool admin = false;        // an administrator: the bar also offers the admin screen
  int firstQueue = 0;        // the queue shown first when not all fit side by side
  int idleSecondsLeft = -1;  // from 0: the sign-out warning shows, with "Stay signed in"
  std::string printerFault;  // one line when the ticket printer needs someone (printer_line.h)
};

StaffIntent drawConsole(const ConsoleView& v);

/// How many queues fit side by side in `width`.
int queuesSideBySide(float width, size_t queues);

/// "Call next for Dr Patel → Room 3", or "Call next walk-in → Reception desk" for a queue's patients
/// without a clinician.
std::string callLabel(const service::CallPoint& p, const std::vector<core::QueueDef>& queues);
/// "Stay signed in" and the warning above it.
inline constexpr const char* kStaySignedIn = "Stay signed in";
std::string idleWarning(int secondsLeft);

/// "Surname, Forenames" or "(no details)".
std::string nameText(const service::ConsoleEntry& e);

}  // namespace longstop::ui::staff
