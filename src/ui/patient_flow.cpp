#include "ui/patient_flow.h"

#include <algorithm>

#include "ui/i18n.h"
#include "ui/wipe.h"

namespace longstop::ui {

PatientFlow::PatientFlow(service::KioskServices& services, const core::Clock& clock)
    : services_(services), clock_(clock), guide_(clock) {
  lastActivityMs_ = clock_.now().unixMs;
  shownMinute_ = clock_.now().localMinutes();
}

core::Date PatientFlow::today() const {
  return core::civilFromDays(clock_.now().localDay());
}

void PatientFlow::go(Screen next) {
  if (next == s_.screen) return;
  s_.history.push_back(s_.screen);
  s_.screen = next;
}

void PatientFlow::back() {
  if (s_.history.empty()) {
    s_.screen = Screen::kWelcome;
    return;
  }
  s_.screen = s_.history.back();
  s_.history.pop_back();
}

void PatientFlow::wipePatientData() {
  wipe(s_.details);
  wipe(s_.nhs);
  wipe(s_.walkIn);
  if (s_.pending && s_.pending->walkIn) {
    auto& p = s_.pending->walkIn->patient;
    wipe(p.surname);
    wipe(p.forenames);
    if (p.nhsNumber) wipe(p.nhsNumber->digits);
  }
  s_.pending.reset();
  s_.matched.reset();
  s_.message = {};
}

void PatientFlow::reset(bool keepLargerText) {
  wipePatientData();
  s_.ticket.reset();
  s_.qr.reset();
  s_.printJob = 0;
  s_.history.clear();
  s_.screen = Screen::kWelcome;
  if (!keepLargerText) {
    s_.largerText = false;
    s_.highContrast = false;
    setListen(false);
    setLanguage("en");
  }
  if (speech_) speech_->stop();
  announcedKey_.clear();
  noteActivity();
}

void PatientFlow::apply(WelcomeIntent in) {
  switch (in) {
    case WelcomeIntent::kCheckIn:
      go(Screen::kHasAppointment);
      break;
    case WelcomeIntent::kLanguage:
      s_.languagePage = 0;
      go(Screen::kLanguage);
      break;
    case WelcomeIntent::kToggleLargerText:
      s_.largerText = !s_.largerText;
      break;
    case WelcomeIntent::kToggleHighContrast:
      s_.highContrast = !s_.highContrast;
      break;
    case WelcomeIntent::kToggleListen:
      setListen(!s_.listen);
      break;
    case WelcomeIntent::kNone:
      break;
  }
}

void PatientFlow::apply(const LanguageIntent& in) {
  if (in.kind == LanguageIntent::Kind::kMore) {
    noteActivity();
    s_.languagePage = in.page;
    return;
  }
  if (in.kind == LanguageIntent::Kind::kChoose) setLanguage(in.code);
  if (in.kind != LanguageIntent::Kind::kNone) back();
}

void PatientFlow::apply(HasAppointmentIntent in) {
  switch (in) {
    case HasAppointmentIntent::kBack:
      back();
      break;
    case HasAppointmentIntent::kStartAgain:
      reset(true);
      break;
    case HasAppointmentIntent::kYes:
      go(Screen::kDetails);
      break;
    case HasAppointmentIntent::kWalkIn:
      startWalkIn();
      break;
    case HasAppointmentIntent::kScan:
      go(Screen::kScan);
      break;
    case HasAppointmentIntent::kNone:
      break;
  }
}

void PatientFlow::apply(const DetailsIntent& in) {
  core::Date dob;
  std::optional<core::Sex> sex;
  switch (applyDetails(s_.details, in, today(), &dob, &sex)) {
    case DetailsOutcome::kStay:
      break;
    case DetailsOutcome::kBack:
      back();
      break;
    case DetailsOutcome::kStartAgain:
      reset(true);
      break;
    case DetailsOutcome::kUseNhsNumber:
      go(Screen::kNhsNumber);
      break;
    case DetailsOutcome::kSubmit:
      showMatch(services_.findAppointment({dob, *s_.details.initial, sex}), FoundBy::kDetails);
      break;
  }
}

void PatientFlow::apply(const NhsNumberIntent& in) {
  core::NhsNumber n;
  switch (applyNhsNumber(s_.nhs, in, &n)) {
    case NhsNumberOutcome::kStay:
    case NhsNumberOutcome::kSkip:
      break;
    case NhsNumberOutcome::kBack:
      back();
      break;
    case NhsNumberOutcome::kStartAgain:
      reset(true);
      break;
    case NhsNumberOutcome::kSubmit:
      showMatch(services_.findAppointmentByNhsNumber(n), FoundBy::kNhsNumber);
      break;
  }
}

void PatientFlow::apply(ScanIntent in) {
  if (in == ScanIntent::kBack) back();
  if (in == ScanIntent::kStartAgain) reset(true);
}

void PatientFlow::apply(ConfirmIntent in) {
  switch (in) {
    case ConfirmIntent::kBack:
      back();
      break;
    case ConfirmIntent::kStartAgain:
      reset(true);
      break;
    case ConfirmIntent::kConfirm:
      if (s_.matched) {
        s_.pending = PendingCheckIn{s_.matched->appointmentId, std::nullopt};
        services_.prepareCheckIn();
        go(Screen::kSafety);
      }
      break;
    case ConfirmIntent::kNotMe:
      showMessage(MessageKind::kNotMine);
      break;
    case ConfirmIntent::kNone:
      break;
  }
}

void PatientFlow::apply(MessageIntent in) {
  switch (in) {
    case MessageIntent::kBack:
      back();
      break;
    case MessageIntent::kStartAgain:
      reset(true);
      break;
    case MessageIntent::kUseNhsNumber:
      go(Screen::kNhsNumber);
      break;
    case MessageIntent::kDone:
      reset(false);
      break;
    case MessageIntent::kNone:
      break;
  }
}

void PatientFlow::apply(const WalkInIntent& in) {
  WalkInAnswers answers;
  switch (applyWalkIn(s_.walkIn, in, today(), &answers)) {
    case WalkInOutcome::kStay:
      break;
    case WalkInOutcome::kBack:
      back();
      break;
    case WalkInOutcome::kStartAgain:
      reset(true);
      break;
    case WalkInOutcome::kSubmit:
      s_.pending = PendingCheckIn{"", service::WalkInRequest{std::move(answers.patient), answers.queueId}};
      services_.prepareCheckIn();
      go(Screen::kSafety);
      break;
  }
}

void PatientFlow::apply(SafetyIntent in) {
  switch (in) {
    case SafetyIntent::kBack:
      back();
      break;
    case SafetyIntent::kStartAgain:
      reset(true);
      break;
    case SafetyIntent::kNeedHelp:
      checkIn(true);
      break;
    case SafetyIntent::kNo:
      checkIn(false);
      break;
    case SafetyIntent::kNone:
      break;
  }
}

void PatientFlow::apply(TicketIntent in) {
  if (in == TicketIntent::kDone) reset(false);
}

void PatientFlow::startWalkIn() {
  wipe(s_.walkIn);
  // Carry over a date of birth already given on the appointment path: one less thing to type.
  if (auto dob = dateOfBirth(s_.details.dob, today()); dob.ok()) setDate(s_.walkIn.dob, dob.value());
  go(Screen::kWalkIn);
}

void PatientFlow::showMessage(MessageKind kind) {
  s_.message = {kind, "", "", "", false};
  if (s_.matched) {
    s_.message.time = s_.matched->time;
    s_.message.clinician = s_.matched->clinician;
  }
  go(Screen::kMessage);
}

// Each answer says what happened; only kOne goes on. A patient with an appointment is never sent to
// the walk-in queue from here (that makes a duplicate): reception, or their NHS number, decides.
void PatientFlow::showMatch(const core::Result<service::MatchAnswer>& answer, FoundBy by) {
  using core::MatchOutcome;
  const bool byDetails = by == FoundBy::kDetails;
  const MessageKind notFound = byDetails                   ? MessageKind::kNotFound
                               : by == FoundBy::kNhsNumber ? MessageKind::kNotFoundNhs
                                                           : MessageKind::kNotFoundCode;
  s_.matched.reset();
  if (!answer.ok()) return showMessage(MessageKind::kSorry);
  s_.matched = answer->appointment;
  MessageKind kind = MessageKind::kNotFound;
  switch (answer->outcome) {
    case MatchOutcome::kOne:
      if (s_.matched) return go(Screen::kConfirm);
      kind = notFound;
      break;
    case MatchOutcome::kAlreadyCheckedIn:
      kind = MessageKind::kAlreadyCheckedIn;
      break;
    case MatchOutcome::kNone:
      kind = notFound;
      break;
    case MatchOutcome::kSeveral:
      kind = MessageKind::kSeveral;
      break;
    case MatchOutcome::kTooEarly:
      kind = s_.matched ? MessageKind::kTooEarly : MessageKind::kSeveral;
      break;
    case MatchOutcome::kTooLate:
      kind = s_.matched ? MessageKind::kTooLate : MessageKind::kSeveral;
      break;
    case MatchOutcome::kOtherDay:
      kind = MessageKind::kOtherDay;
      break;
  }
  showMessage(kind);
  s_.message.from = answer->checkInFrom;
  // Typed details that found nothing, or found two people: the NHS number is exact.
  s_.message.offerNhsNumber = byDetails && (kind == MessageKind::kNotFound || kind == MessageKind::kSeveral);
}

void PatientFlow::showTicket(service::Ticket t) {
  wipePatientData();
  s_.history.clear();
  s_.ticket = std::move(t);
  s_.qr.reset();
  s_.printJob = 0;  // a scanned ticket is shown, not printed again
  auto qr = qr::encode(s_.ticket->qrText, qr::Segments::kBytes);
  if (qr.ok()) s_.qr = std::move(qr.value());
  s_.screen = Screen::kTicket;
}

void PatientFlow::checkIn(bool urgent) {
  if (!s_.pending) return reset(false);
  core::Result<service::Ticket> t = s_.pending->walkIn
                                        ? services_.checkInWalkIn(*s_.pending->walkIn, urgent)
                                        : services_.checkInAppointment(s_.pending->appointmentId, urgent);
  wipePatientData();   // the details are in the store (sealed) or refused; either way off this screen
  s_.history.clear();  // no Back from a ticket or from "Sorry"
  if (!t.ok()) {
    s_.message = {MessageKind::kSorry, "", "", "", false};
    s_.screen = Screen::kMessage;
    return;
  }
  s_.ticket = std::move(t.value());
  auto qr = qr::encode(s_.ticket->qrText, qr::Segments::kBytes);
  if (qr.ok()) s_.qr = std::move(qr.value());
  s_.screen = Screen::kTicket;
  // Handed to the printer's own thread: the ticket shows at once, whatever the printer does.
  s_.printJob =
      printing_ && printing_->enabled()
          ? printing_->print(ticketText(*s_.ticket, services_.site().name, clock_.now(), currentLanguage()))
          : 0;
}

}  // namespace longstop::ui
