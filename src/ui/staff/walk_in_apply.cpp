// The walk-in questions at the desk: a new patient added (Add patient, New walk-in), or the open
// check-in's details changed (Edit), every answer starting as what is stored.
#include "core/date.h"
#include "ui/staff/staff_ui.h"
#include "ui/wipe.h"

namespace longstop::ui::staff {

void StaffConsole::startWalkIn(bool editing) {
  wipe(s_.walkIn);
  s_.editing = editing;
  if (editing) {
    // Every answer starts as what is stored, so changing one detail keeps the others (the NHS number
    // above all: an empty box there would drop it).
    if (const auto* e = entry(s_.selected); e && e->patient) {
      s_.walkIn.surname = e->patient->surname;
      s_.walkIn.forenames = e->patient->forenames;
      setDate(s_.walkIn.dob, e->patient->dateOfBirth);
      s_.walkIn.sex = e->patient->sex;
      if (e->patient->nhsNumber) s_.walkIn.nhs.digits = e->patient->nhsNumber->digits;
    }
  }
  s_.screen = StaffScreen::kWalkIn;
}

void StaffConsole::applyWalkIn(const WalkInIntent& in) {
  WalkInAnswers answers;
  core::Date today = core::civilFromDays(clock_.now().localDay());
  WalkInOutcome outcome = ui::applyWalkIn(s_.walkIn, in, today, &answers);
  if (s_.editing && outcome == WalkInOutcome::kStay && s_.walkIn.step == WalkInState::Step::kService) {
    // Editing changes who the patient is, not where they wait: no service question, the queue stays.
    const auto* e = entry(s_.selected);
    WalkInIntent keep{WalkInIntent::Kind::kQueue, {}, 0, core::Sex::kUnknown, e ? e->queueId : ""};
    outcome = ui::applyWalkIn(s_.walkIn, keep, today, &answers);
  }
  switch (outcome) {
    case WalkInOutcome::kStay:
      return;
    case WalkInOutcome::kBack:
      if (s_.walkIn.step == WalkInState::Step::kSurname || in.kind == WalkInIntent::Kind::kStartAgain) {
        wipe(s_.walkIn);
        s_.screen = s_.editing ? StaffScreen::kPatient : StaffScreen::kAdd;
      }
      return;
    case WalkInOutcome::kStartAgain:
      wipe(s_.walkIn);
      s_.screen = StaffScreen::kConsole;
      return;
    case WalkInOutcome::kSubmit:
      break;
  }
  wipe(s_.walkIn);
  std::string addedId;
  if (s_.editing) {
    const auto* e = entry(s_.selected);
    std::string ticket = e ? e->ticket : s_.selected;
    say(services_.editDetails(s_.selected, answers.patient), ticket + ": details changed");
  } else {
    auto r =
        services_.addAtDesk(std::nullopt, service::WalkInRequest{answers.patient, answers.queueId}, false);
    say(r.ok() ? core::okStatus() : core::Status(r.error()), "Walk-in added");
    if (r.ok()) addedId = r.value();
  }
  wipe(answers.patient.surname);
  wipe(answers.patient.forenames);
  s_.screen = StaffScreen::kConsole;
  refresh();
  if (const auto* e = entry(addedId)) showQueue(e->queueId);  // the list the new patient joined
}

}  // namespace longstop::ui::staff
