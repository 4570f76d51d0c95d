// The queue console: an unmissable red banner for each urgent alert (acknowledge to clear it), then
// every queue with its active check-ins (urgent first, then arrival) and a "Call next" button; a row's
// ticket opens that patient. The tools (search, add, save list, summary, sign out) are in the bar.
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
  const std::vector<std::string>& alerts;  // record IDs
  const std::string& notice;
  const std::string& message;
  bool admin = false;  // an administrator: the bar also offers the admin screen
};

StaffIntent drawConsole(const ConsoleView& v);

/// One row of a list: the ticket as a button (opens the patient), then name, appointment, wait, flags.
/// Returns true when the ticket was pressed.
bool drawEntryRow(const service::ConsoleEntry& e, ImVec2 pos, float width, float rowH, bool showQueue);

/// "urgent", "possible duplicate", "alert" as one text.
std::string flagsText(const service::ConsoleEntry& e);
/// "Surname, Forenames" or "(no details)".
std::string nameText(const service::ConsoleEntry& e);

}  // namespace longstop::ui::staff
