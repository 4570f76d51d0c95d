// What one check-in's intents do: its actions, transfer, cancel, merge with a duplicate, a reprinted
// ticket, and Edit (the walk-in questions, walk_in_apply.cpp).
#include "ui/staff/printer_line.h"
#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

void StaffConsole::on(const intent::Act& in) {
  act(in.action);
}

void StaffConsole::on(const intent::PickTransfer&) {
  s_.screen = StaffScreen::kTransfer;
}

void StaffConsole::on(const intent::TransferTo& in) {
  act(core::CheckinAction::kTransfer, {"", in.queueId, ""});
}

void StaffConsole::on(const intent::PickCancel&) {
  s_.screen = StaffScreen::kCancel;
}

void StaffConsole::on(const intent::CancelWith& in) {
  act(core::CheckinAction::kCancel, {"", "", in.reason});
}

void StaffConsole::on(const intent::PickMerge&) {
  s_.screen = StaffScreen::kMerge;
}

void StaffConsole::on(const intent::MergeWith& in) {
  const std::string keepId = in.keepOther ? in.otherId : s_.selected;
  const std::string dupId = in.keepOther ? s_.selected : in.otherId;
  const auto* keep = entry(keepId);
  const auto* dup = entry(dupId);
  std::string done = (dup ? dup->ticket : dupId) + " merged into " + (keep ? keep->ticket : keepId);
  auto st = services_.merge(keepId, dupId);
  say(st, done);
  if (st.ok()) s_.screen = StaffScreen::kConsole;
  refresh();
}

void StaffConsole::on(const intent::Edit&) {
  startWalkIn(true);
}

void StaffConsole::on(const intent::Reprint&) {
  applyReprint(*this, printing_, s_);
}

}  // namespace longstop::ui::staff
