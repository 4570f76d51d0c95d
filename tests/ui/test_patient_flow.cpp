// The patient's way through, driven by intents (no display): what each answer does, which services it
// calls, and that nothing typed survives an idle reset.
#include <catch2/catch.hpp>

#include "support/fake_kiosk_services.h"
#include "ui/patient_flow.h"

using namespace longstop;
using namespace longstop::ui;
using testing::FakeKioskServices;
using DK = DetailsIntent::Kind;
using WK = WalkInIntent::Kind;

namespace {
// 2026-11-29 09:00 UTC.
core::Instant nineOClock() {
  return {(core::daysFromCivil({2026, 11, 29}) * 1440 + 9 * 60) * 60000, 0};
}

KeyPress digit(char c) {
  return {KeyPress::Kind::kChar, static_cast<char32_t>(c)};
}

void typeDate(PatientFlow& f, const char* ddmmyyyy) {
  for (const char* p = ddmmyyyy; *p; ++p) f.apply(DetailsIntent(DK::kKey, digit(*p)));
}

void toSexStep(PatientFlow& f) {
  f.apply(WelcomeIntent::kCheckIn);
  f.apply(HasAppointmentIntent::kYes);
  typeDate(f, "07031984");
  f.apply(DetailsIntent(DK::kNext));
  f.apply(DetailsIntent(DK::kLetter, {}, 0, 'S'));
}
}  // namespace

TEST_CASE("one match: confirm, safety question, ticket; details wiped after the check-in") {
  FakeKioskServices services;
  services.answer = FakeKioskServices::oneMatch();
  core::ManualClock clock(nineOClock());
  PatientFlow f(services, clock);
  toSexStep(f);
  REQUIRE(f.state().details.step == DetailsState::Step::kSex);
  f.apply(DetailsIntent(DK::kSex, {}, 0, 0, core::Sex::kFemale));
  REQUIRE(services.lastQuery);
  CHECK(services.lastQuery->dateOfBirth == core::Date{1984, 3, 7});
  CHECK(services.lastQuery->surnameInitial == 'S');
  CHECK(services.lastQuery->sex == core::Sex::kFemale);
  REQUIRE(f.screen() == Screen::kConfirm);
  f.apply(ConfirmIntent::kConfirm);
  REQUIRE(f.screen() == Screen::kSafety);
  CHECK(services.checkedInAppointments.empty());  // nothing is written before the safety answer
  f.apply(SafetyIntent::kNo);
  REQUIRE(f.screen() == Screen::kTicket);
  CHECK(services.checkedInAppointments == std::vector<std::string>{"D001"});
  CHECK(services.lastUrgent == false);
  CHECK(f.state().details.dob.year.empty());
  REQUIRE(f.state().qr);
  CHECK(f.state().qr->size >= 21);
  f.apply(TicketIntent::kDone);
  CHECK(f.screen() == Screen::kWelcome);
  CHECK_FALSE(f.state().ticket);
}

TEST_CASE("prefer not to say sends no sex; several matches send the patient to reception, not walk-in") {
  FakeKioskServices services;
  core::ManualClock clock(nineOClock());
  PatientFlow f(services, clock);
  toSexStep(f);
  services.answer = {core::MatchOutcome::kSeveral, std::nullopt, {}};
  f.apply(DetailsIntent(DK::kSex, {}, 0, 0, std::nullopt));
  CHECK_FALSE(services.lastQuery->sex.has_value());
  REQUIRE(f.screen() == Screen::kMessage);
  CHECK(f.state().message.kind == MessageKind::kSeveral);
  CHECK(f.state().message.offerNhsNumber);  // the NHS number tells two people apart
  f.apply(MessageIntent::kUseNhsNumber);
  CHECK(f.screen() == Screen::kNhsNumber);
}

TEST_CASE("each kind of 'not found' is its own message, and none of them offers the walk-in queue") {
  struct Case {
    core::MatchOutcome outcome;
    bool byNhs;
    MessageKind kind;
    bool offerNhs;
  };
  const Case cases[] = {
      {core::MatchOutcome::kNone, false, MessageKind::kNotFound, true},
      {core::MatchOutcome::kNone, true, MessageKind::kNotFoundNhs, false},
      {core::MatchOutcome::kSeveral, true, MessageKind::kSeveral, false},
      {core::MatchOutcome::kTooEarly, false, MessageKind::kTooEarly, false},
      {core::MatchOutcome::kTooLate, true, MessageKind::kTooLate, false},
      {core::MatchOutcome::kOtherDay, false, MessageKind::kOtherDay, false},
      {core::MatchOutcome::kOtherDay, true, MessageKind::kOtherDay, false},
  };
  for (const Case& c : cases) {
    FakeKioskServices services;
    core::ManualClock clock(nineOClock());
    PatientFlow f(services, clock);
    services.answer = {c.outcome, std::nullopt, {}};
    if (c.outcome == core::MatchOutcome::kTooEarly || c.outcome == core::MatchOutcome::kTooLate) {
      services.answer.appointment = service::AppointmentView{"D009", "11:30", "Dr Okafor", "GP appointments"};
      services.answer.checkInFrom = "09:30";
    }
    if (c.byNhs) {
      f.apply(WelcomeIntent::kCheckIn);
      f.apply(HasAppointmentIntent::kYes);
      f.apply(DetailsIntent(DK::kUseNhsNumber));
      REQUIRE(f.screen() == Screen::kNhsNumber);
      for (char d : std::string("9990000026"))
        f.apply(NhsNumberIntent(NhsNumberIntent::Kind::kKey, digit(d)));
      f.apply(NhsNumberIntent(NhsNumberIntent::Kind::kNext));
    } else {
      toSexStep(f);
      f.apply(DetailsIntent(DK::kSex, {}, 0, 0, core::Sex::kMale));
    }
    INFO("outcome " << int(c.outcome) << (c.byNhs ? " by NHS number" : " by details"));
    REQUIRE(f.screen() == Screen::kMessage);
    CHECK(f.state().message.kind == c.kind);
    CHECK(f.state().message.offerNhsNumber == c.offerNhs);
    if (c.kind == MessageKind::kTooEarly) {
      CHECK(f.state().message.time == "11:30");
      CHECK(f.state().message.from == "09:30");
    }
    f.apply(MessageIntent::kDone);
    CHECK(f.screen() == Screen::kWelcome);
    CHECK(services.walkIns.empty());
    CHECK(f.state().details.dob.year.empty());  // nothing of theirs stays for the next person
  }
}

TEST_CASE("urgent answer checks in urgently") {
  FakeKioskServices services;
  services.answer = FakeKioskServices::oneMatch();
  core::ManualClock clock(nineOClock());
  PatientFlow f(services, clock);
  toSexStep(f);
  f.apply(DetailsIntent(DK::kSex, {}, 0, 0, core::Sex::kFemale));
  f.apply(ConfirmIntent::kConfirm);
  f.apply(SafetyIntent::kNeedHelp);
  CHECK(services.lastUrgent == true);
  REQUIRE(f.state().ticket);
  CHECK(f.state().ticket->priority == core::Priority::kUrgent);
}

TEST_CASE("a store failure shows only 'Sorry, please see reception', with no way back") {
  FakeKioskServices services;
  services.answer = FakeKioskServices::oneMatch();
  services.failCheckIns = true;
  core::ManualClock clock(nineOClock());
  PatientFlow f(services, clock);
  toSexStep(f);
  f.apply(DetailsIntent(DK::kSex, {}, 0, 0, core::Sex::kFemale));
  f.apply(ConfirmIntent::kConfirm);
  f.apply(SafetyIntent::kNo);
  REQUIRE(f.screen() == Screen::kMessage);
  CHECK(f.state().message.kind == MessageKind::kSorry);
  CHECK(f.state().history.empty());
  CHECK_FALSE(f.state().ticket);
  f.apply(MessageIntent::kDone);
  CHECK(f.screen() == Screen::kWelcome);
}

TEST_CASE("Back retraces the steps, Start again wipes and goes to Welcome") {
  FakeKioskServices services;
  core::ManualClock clock(nineOClock());
  PatientFlow f(services, clock);
  toSexStep(f);
  f.apply(DetailsIntent(DK::kBack));
  CHECK(f.state().details.step == DetailsState::Step::kInitial);
  f.apply(DetailsIntent(DK::kBack));
  CHECK(f.state().details.step == DetailsState::Step::kDateOfBirth);
  CHECK(f.state().details.dob.year == "1984");
  f.apply(DetailsIntent(DK::kBack));
  CHECK(f.screen() == Screen::kHasAppointment);
  f.apply(HasAppointmentIntent::kYes);
  f.apply(DetailsIntent(DK::kStartAgain));
  CHECK(f.screen() == Screen::kWelcome);
  CHECK(f.state().details.dob.year.empty());
  CHECK(f.state().history.empty());
}

TEST_CASE("idle reset: countdown in the last 10 s, then every field is wiped") {
  FakeKioskServices services;
  core::ManualClock clock(nineOClock());
  PatientFlow f(services, clock);
  f.apply(WelcomeIntent::kCheckIn);
  f.apply(HasAppointmentIntent::kWalkIn);
  f.onText("Zebedee");
  CHECK(f.state().walkIn.surname == "Zebedee");
  clock.advanceMs(34000);
  CHECK_FALSE(f.tick());
  CHECK_FALSE(f.countdownSeconds());
  clock.advanceMs(2000);
  CHECK(f.tick());
  CHECK(f.countdownSeconds() == 9);
  f.noteActivity();  // a touch
  CHECK_FALSE(f.countdownSeconds());
  clock.advanceMs(45000);
  CHECK(f.tick());
  CHECK(f.screen() == Screen::kWelcome);
  CHECK(f.state().walkIn.surname.empty());
  CHECK_FALSE(f.countdownSeconds());
}

TEST_CASE("the event loop sleeps until the next thing to show") {
  FakeKioskServices services;
  core::ManualClock clock(nineOClock());
  PatientFlow f(services, clock);
  CHECK(f.msUntilNextTick() == 60000);  // Welcome: only the clock's minute
  f.apply(WelcomeIntent::kCheckIn);
  CHECK(f.msUntilNextTick() == 35000);  // until the countdown starts
  clock.advanceMs(36500);
  CHECK(f.msUntilNextTick() == 500);  // each countdown second
}

TEST_CASE("walk-in: names from the keyboard, optional NHS number, queue, then the safety question") {
  FakeKioskServices services;
  core::ManualClock clock(nineOClock());
  PatientFlow f(services, clock);
  f.apply(WelcomeIntent::kCheckIn);
  f.apply(HasAppointmentIntent::kWalkIn);
  for (char c : std::string("OBRIEN")) f.apply(WalkInIntent(WK::kKey, {KeyPress::Kind::kChar, char32_t(c)}));
  CHECK(f.state().walkIn.surname == "Obrien");
  f.apply(WalkInIntent(WK::kNext));
  f.onText("Zoë");
  f.apply(WalkInIntent(WK::kNext));
  f.onText("30092001");
  f.apply(WalkInIntent(WK::kNext));
  f.apply(WalkInIntent(WK::kSex, {}, 0, core::Sex::kFemale));
  REQUIRE(f.state().walkIn.step == WalkInState::Step::kNhsNumber);
  f.onText("9990000035");
  f.apply(WalkInIntent(WK::kNext));
  CHECK(f.state().walkIn.step == WalkInState::Step::kNhsNumber);  // wrong check digit
  CHECK_FALSE(f.state().walkIn.nhs.message.empty());
  f.apply(WalkInIntent(WK::kSkip));
  f.apply(WalkInIntent(WK::kQueue, {}, 0, core::Sex::kUnknown, "walkin"));
  REQUIRE(f.screen() == Screen::kSafety);
  f.apply(SafetyIntent::kNo);
  REQUIRE(services.walkIns.size() == 1);
  const auto& p = services.walkIns[0].patient;
  CHECK(p.surname == "Obrien");
  CHECK(p.forenames == "Zoë");
  CHECK(p.dateOfBirth == core::Date{2001, 9, 30});
  CHECK(p.sex == core::Sex::kFemale);
  CHECK_FALSE(p.nhsNumber);
  CHECK_FALSE(p.nhsNumberTraced);
  CHECK(services.walkIns[0].queueId == "walkin");
}

TEST_CASE("scanned codes: NHS number looks up, anything else is not recognised") {
  FakeKioskServices services;
  services.answer = FakeKioskServices::oneMatch();
  core::ManualClock clock(nineOClock());
  PatientFlow f(services, clock);
  f.onScan("LSX9:whatever");
  CHECK(f.screen() == Screen::kMessage);
  CHECK(f.state().message.kind == MessageKind::kUnrecognisedCode);
  f.onScan("999 000 0018");
  CHECK(f.screen() == Screen::kConfirm);
  REQUIRE(services.lastNhsNumber);
  CHECK(services.lastNhsNumber->digits == "9990000018");
}
