// One check-in opened from the console: its details and the actions its state allows; and the three
// pickers that follow some of them (which queue to transfer to, why cancel, which duplicate to merge).
#pragma once

#include <vector>

#include "service/staff_services.h"
#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

/// The actions offered for a check-in in `state` (the state machine refuses the rest anyway).
std::vector<core::CheckinAction> actionsFor(core::CheckinState state);

StaffIntent drawPatient(const service::ConsoleEntry& e, bool canMerge);
StaffIntent drawTransfer(const service::ConsoleEntry& e, const std::vector<core::QueueDef>& queues);
StaffIntent drawCancel(const service::ConsoleEntry& e);
/// `others`: the other possible duplicates, to fold into `e`.
StaffIntent drawMerge(const service::ConsoleEntry& e, const std::vector<const service::ConsoleEntry*>& others);

}  // namespace longstop::ui::staff
