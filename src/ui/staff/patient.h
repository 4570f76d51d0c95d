// One check-in opened from the console: its details and the actions its state allows; and the three
// pickers that follow some of them (which queue to transfer to, why cancel, which duplicate to merge).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "service/staff_services.h"
#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

/// The actions offered for a check-in in `state` (the state machine refuses the rest anyway).
std::vector<core::CheckinAction> actionsFor(core::CheckinState state);

/// `canReprint`: a ticket printer is set, so "Reprint ticket" is offered.
StaffIntent drawPatient(const service::ConsoleEntry& e, bool canMerge, bool canReprint = false);
StaffIntent drawTransfer(const service::ConsoleEntry& e, const std::vector<core::QueueDef>& queues);
StaffIntent drawCancel(const service::ConsoleEntry& e);
/// One way to merge two check-ins of the same person: `keep` stays, `fold` is cancelled into it.
struct MergeChoice {
  const service::ConsoleEntry* keep;
  const service::ConsoleEntry* fold;
};
/// The two ways to merge `open` and `other`, the one to offer first (styled as the way forward) first:
/// an appointment is kept over a walk-in (folding the appointment away would cancel the booking and
/// leave the patient in the walk-in queue); between two of a kind, the open one is kept.
std::array<MergeChoice, 2> mergeChoices(const service::ConsoleEntry& open,
                                        const service::ConsoleEntry& other);
/// The label of the button that makes choice `c`.
std::string mergeLabel(const MergeChoice& c);
/// `others`: the other possible duplicates. Each is shown beside `e`, with both ways to merge them.
StaffIntent drawMerge(const service::ConsoleEntry& e,
                      const std::vector<const service::ConsoleEntry*>& others);

}  // namespace longstop::ui::staff
