// What the queue console's intents do: call the next patient, show a queue, open a check-in, the
// actions on a list row, acknowledge an urgent alert, and the room screen it leads to.
#include <algorithm>

#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

void StaffConsole::on(const intent::CallNext& in) {
  auto r = services_.callNext(in.queueId, in.clinician);
  refresh();
  if (!r.ok())
    say(r.error(), "");
  else if (!r.value())
    say(core::okStatus(), in.clinician && !in.clinician->empty()
                              ? "Nobody is waiting for " + *in.clinician + "."
                              : "Nobody is waiting in that queue.");
  else
    say(core::okStatus(), calledNotice(*r.value()));
}

void StaffConsole::on(const intent::ShowQueue& in) {
  s_.firstQueue = std::max(0, in.index);
}

void StaffConsole::on(const intent::Open& in) {
  s_.selected = in.recordId;
  s_.message.clear();
  s_.screen = StaffScreen::kPatient;
}

void StaffConsole::on(const intent::RowAction& in) {
  s_.selected = in.recordId;
  act(in.action);
}

void StaffConsole::on(const intent::Acknowledge& in) {
  const auto* e = entry(in.recordId);
  say(services_.acknowledgeAlert(in.recordId), (e ? e->ticket : in.recordId) + ": alert acknowledged");
  refresh();
}

void StaffConsole::on(const intent::PickRoom& in) {
  s_.roomClinician = in.clinician;
  if (!in.queueId.empty()) s_.roomQueue = in.queueId;
  s_.message.clear();
  s_.screen = StaffScreen::kRoom;
}

void StaffConsole::on(const intent::SetRoom& in) {
  say(services_.setRoom(s_.roomClinician, in.room), s_.roomClinician + " calls to " + in.room);
  s_.screen = StaffScreen::kConsole;
  refresh();
}

}  // namespace longstop::ui::staff
