// What the console's tools do: search, add a patient at the desk (an appointment not yet arrived, or a
// walk-in), the paper list, the day summary, and the admin screen for an administrator.
#include "ui/staff/staff_ui.h"
#include "ui/wipe.h"

namespace longstop::ui::staff {

void StaffConsole::on(const intent::OpenSearch&) {
  // A search starts empty: the last one may have been someone else's patient.
  wipe(s_.searchText);
  s_.results.clear();
  s_.screen = StaffScreen::kSearch;
  refresh();
}

void StaffConsole::on(const intent::OpenAdd&) {
  wipe(s_.appointmentId);
  s_.message.clear();
  s_.screen = StaffScreen::kAdd;
  loadDue();
}

void StaffConsole::on(const intent::PickAppointment& in) {
  s_.appointmentId = in.appointmentId;
  s_.message.clear();
}

void StaffConsole::on(const intent::AddAppointment& in) {
  if (s_.appointmentId.empty()) {
    s_.message = "Choose the appointment in the list first.";
    return;
  }
  auto r = services_.addAtDesk(s_.appointmentId, std::nullopt, in.urgent);
  if (r.ok()) {
    wipe(s_.appointmentId);
    s_.screen = StaffScreen::kConsole;
  }
  say(r.ok() ? core::okStatus() : core::Status(r.error()), "Appointment checked in");
  refresh();
  if (const auto* e = r.ok() ? entry(r.value()) : nullptr) showQueue(e->queueId);
}

void StaffConsole::on(const intent::AddWalkIn&) {
  startWalkIn(false);
}

void StaffConsole::on(const intent::SaveList&) {
  auto r = services_.saveList();
  say(r.ok() ? core::okStatus() : core::Status(r.error()), r.ok() ? "List saved to " + r->string() : "");
}

void StaffConsole::on(const intent::OpenSummary&) {
  auto r = services_.daySummary();
  if (r.ok()) {
    s_.summary = std::move(r.value());
    s_.screen = StaffScreen::kSummary;
  } else {
    say(r.error(), "");
  }
}

void StaffConsole::on(const intent::OpenAdmin&) {
  auto who = services_.session();
  if (who && who->admin)
    adminRequest_ = who;
  else
    say(core::unauthorised("Only an administrator can open the admin screen."), "");
}

}  // namespace longstop::ui::staff
