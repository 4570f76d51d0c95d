// How many taps each patient path takes from Welcome to the ticket, counted one a press (a keypad key
// is a press). Printed for the record (docs/decisions.md); each path is walked to a real ticket, so a
// path that grew a step would be counted here. The bounds are the counts measured when they were
// written down (docs/decisions.md): a path may get shorter, never longer unnoticed.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "support/fake_kiosk_services.h"
#include "support/patient_screens.h"
#include "ui/patient_flow.h"

using namespace longstop;
using namespace longstop::ui;
using testing::FakeKioskServices;
using DK = DetailsIntent::Kind;
using WK = WalkInIntent::Kind;
using NK = NhsNumberIntent::Kind;

namespace {
KeyPress key(char c) {
  return {KeyPress::Kind::kChar, char32_t(c)};
}

// Presses on the patient's screens, counted.
struct Taps {
  PatientFlow& f;
  int n = 0;
  template <typename Intent>
  void tap(const Intent& in) {
    ++n;
    f.apply(in);
  }
};

int report(const char* path, int taps) {
  std::printf("taps: %s %d\n", path, taps);
  return taps;
}
}  // namespace

TEST_CASE("taps from Welcome to the ticket, for each way in") {
  core::ManualClock clock(testing::nineOClock());

  SECTION("appointment by date of birth, initial and sex") {
    FakeKioskServices services;
    services.answer = FakeKioskServices::oneMatch();
    PatientFlow f(services, clock);
    Taps t{f};
    t.tap(WelcomeIntent::kCheckIn);
    t.tap(HasAppointmentIntent::kYes);
    for (char c : std::string("07031984")) t.tap(DetailsIntent(DK::kKey, key(c)));
    t.tap(DetailsIntent(DK::kNext));
    t.tap(DetailsIntent(DK::kLetter, {}, 0, 'S'));
    t.tap(DetailsIntent(DK::kSex, {}, 0, 0, core::Sex::kFemale));
    t.tap(ConfirmIntent::kConfirm);
    t.tap(SafetyIntent::kNo);
    REQUIRE(f.screen() == Screen::kTicket);
    CHECK(report("details", t.n) <= 15);
  }

  SECTION("appointment by NHS number") {
    FakeKioskServices services;
    services.answer = FakeKioskServices::oneMatch();
    PatientFlow f(services, clock);
    Taps t{f};
    t.tap(WelcomeIntent::kCheckIn);
    t.tap(HasAppointmentIntent::kYes);
    t.tap(DetailsIntent(DK::kUseNhsNumber));
    for (char c : std::string("9990000018")) t.tap(NhsNumberIntent(NK::kKey, key(c)));
    t.tap(NhsNumberIntent(NK::kNext));
    t.tap(ConfirmIntent::kConfirm);
    t.tap(SafetyIntent::kNo);
    REQUIRE(f.screen() == Screen::kTicket);
    CHECK(report("nhs-number", t.n) <= 16);
  }

  SECTION("an NHS number scanned on Welcome") {
    FakeKioskServices services;
    services.answer = FakeKioskServices::oneMatch();
    PatientFlow f(services, clock);
    Taps t{f};
    f.onScan("9990000018");  // a scan is not a tap
    t.tap(ConfirmIntent::kConfirm);
    t.tap(SafetyIntent::kNo);
    REQUIRE(f.screen() == Screen::kTicket);
    CHECK(report("code", t.n) <= 2);
  }

  SECTION("walk-in") {
    FakeKioskServices services;
    PatientFlow f(services, clock);
    Taps t{f};
    t.tap(WelcomeIntent::kCheckIn);
    t.tap(HasAppointmentIntent::kWalkIn);
    for (char c : std::string("NOWAK")) t.tap(WalkInIntent(WK::kKey, key(c)));
    t.tap(WalkInIntent(WK::kNext));
    for (char c : std::string("PIOTR")) t.tap(WalkInIntent(WK::kKey, key(c)));
    t.tap(WalkInIntent(WK::kNext));
    for (char c : std::string("15061991")) t.tap(WalkInIntent(WK::kKey, key(c)));
    t.tap(WalkInIntent(WK::kNext));
    t.tap(WalkInIntent(WK::kSex, {}, 0, core::Sex::kMale));
    t.tap(WalkInIntent(WK::kSkip));
    t.tap(WalkInIntent(WK::kQueue, {}, 0, core::Sex::kUnknown, "walkin"));
    t.tap(SafetyIntent::kNo);
    REQUIRE(f.screen() == Screen::kTicket);
    REQUIRE(services.walkIns.size() == 1);
    CHECK(services.walkIns[0].patient.surname == "Nowak");
    CHECK(report("walk-in", t.n) <= 27);
  }
}
