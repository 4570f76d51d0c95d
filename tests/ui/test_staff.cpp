// The staff screens' logic, driven by intents with a fake StaffServices (no display).
#include <catch2/catch.hpp>

#include "support/clocks.h"
#include "support/fake_staff_services.h"
#include "ui/staff/patient.h"
#include "ui/staff/sign_in.h"
#include "ui/staff/staff_ui.h"

using namespace longstop;
using ui::staff::StaffScreen;
namespace intent = ui::staff::intent;

namespace {
intent::TypeKey key(char c) {
  return {{ui::KeyPress::Kind::kChar, static_cast<char32_t>(c)}};
}

struct Fixture {
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  testing::FakeStaffServices services;
  ui::staff::StaffConsole console{services, clock};

  void signIn() {
    console.open("LSS1:S7K2QX:ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    for (char c : std::string("24681012")) console.apply(key(c));
    console.apply(intent::SignIn{});
    REQUIRE(console.screen() == StaffScreen::kConsole);
  }
};
}  // namespace

TEST_CASE("staff sign-in: card then PIN; the PIN is wiped after every attempt") {
  Fixture f;
  f.console.open();
  CHECK(f.console.screen() == StaffScreen::kCard);
  f.console.onText("LSS1:S7K2QX:ABC");
  f.console.apply(intent::Next{});
  CHECK(f.console.screen() == StaffScreen::kPin);
  for (char c : std::string("111111")) f.console.apply(key(c));
  f.console.apply(intent::SignIn{});
  CHECK(f.console.state().pin.empty());
  CHECK(f.console.state().message.find("Wrong PIN") != std::string::npos);
  CHECK(f.console.screen() == StaffScreen::kPin);  // try again with the same card
  f.console.onText("24681012");
  f.console.apply(intent::SignIn{});
  CHECK(f.console.screen() == StaffScreen::kConsole);
  CHECK(f.console.state().cardText.empty());
  CHECK(f.services.lastCard == "LSS1:S7K2QX:ABC");
}

TEST_CASE("staff sign-in refuses a short PIN without asking, and a revoked card goes back to the card") {
  Fixture f;
  f.console.open("LSS1:S7K2QX:ABC");
  f.console.onText("1234");
  f.console.apply(intent::SignIn{});
  CHECK(f.console.state().message == "Your PIN has at least 6 digits.");
  CHECK(f.services.lastCard.empty());
  f.services.revoked = true;
  f.console.onText("56");
  f.console.apply(intent::SignIn{});
  CHECK(f.console.screen() == StaffScreen::kCard);
  CHECK(f.console.state().message.find("revoked") != std::string::npos);
}

TEST_CASE("what sign-in does next follows the kind of refusal, not its words") {
  // A wrong PIN said without the word "PIN" (reworded, or in another language) keeps the card.
  Fixture f;
  f.services.wrongPinWords = "That number is not right. 4 tries left.";
  f.console.open("LSS1:S7K2QX:ABC");
  f.console.onText("111111");
  f.console.apply(intent::SignIn{});
  CHECK(f.console.state().message == "That number is not right. 4 tries left.");
  CHECK(f.console.screen() == StaffScreen::kPin);
  CHECK(f.console.state().cardText == "LSS1:S7K2QX:ABC");
  // The disk refusing says nothing about the card: it is kept, and the PIN is asked again.
  f.services.signInFault = core::storageError("The data card is full. Free some space and try again.");
  f.console.onText("24681012");
  f.console.apply(intent::SignIn{});
  CHECK(f.console.state().message.find("data card is full") != std::string::npos);
  CHECK(f.console.screen() == StaffScreen::kPin);
  CHECK(f.console.state().pin.empty());
  CHECK(f.console.state().cardText == "LSS1:S7K2QX:ABC");
  // A revoked card said without "revoked" still sends them back to scan another card.
  f.services.signInFault.reset();
  f.services.revoked = true;
  f.console.onText("24681012");
  f.console.apply(intent::SignIn{});
  CHECK(f.console.screen() == StaffScreen::kCard);
  CHECK(f.console.state().cardText.empty());
}

TEST_CASE("a PIN is shown masked and the card mostly hidden") {
  CHECK(ui::staff::maskedCard("LSS1:S7K2QX:ABCDEF") == "LSS1:S7K2QX ****");
  CHECK(ui::staff::maskedCard("S7K2QXABC") == "S7K2QX ****");
  CHECK(ui::staff::maskedCard("S7K2") == "S7K2");
}

TEST_CASE("an unfinished sign-in closes after a minute; a session signs out when idle") {
  Fixture f;
  f.console.open();
  f.clock.advanceMs(61'000);
  CHECK(f.console.tick());
  CHECK_FALSE(f.console.active());
  f.signIn();
  f.services.idle = true;
  CHECK(f.console.tick());
  CHECK_FALSE(f.console.active());
  CHECK(f.services.signOuts == std::vector<std::string>{"idle"});
}

TEST_CASE("console intents reach the services with the open record") {
  Fixture f;
  f.services.entries = {testing::FakeStaffServices::entry("T-1", "A001", "gp", true),
                        testing::FakeStaffServices::entry("T-2", "W001", "walkin")};
  f.services.alerts = {"T-1"};
  f.signIn();
  CHECK(f.console.state().alerts.size() == 1);
  f.console.apply(intent::Acknowledge{"T-1"});
  CHECK(f.services.acknowledged == std::vector<std::string>{"T-1"});
  CHECK(f.console.state().alerts.empty());

  f.console.apply(intent::CallNext{"gp", std::nullopt});
  CHECK(f.console.state().notice == "A001 called to Room 3");
  f.console.apply(intent::CallNext{"gp", "Dr Patel"});
  CHECK(f.services.calledClinicians == std::vector<std::string>{"(anyone)", "Dr Patel"});
  CHECK(f.console.state().notice == "A001 called to Room 3 for Dr Patel");

  f.console.apply(intent::Open{"T-2"});
  CHECK(f.console.screen() == StaffScreen::kPatient);
  f.console.apply(intent::Act{core::CheckinAction::kPark});
  f.console.apply(intent::Open{"T-2"});
  f.console.apply(intent::PickTransfer{});
  CHECK(f.console.screen() == StaffScreen::kTransfer);
  f.console.apply(intent::TransferTo{"gp"});
  f.console.apply(intent::Open{"T-2"});
  f.console.apply(intent::PickCancel{});
  f.console.apply(intent::CancelWith{"Patient asked"});
  REQUIRE(f.services.actions.size() == 3);
  CHECK(std::get<1>(f.services.actions[0]) == core::CheckinAction::kPark);
  CHECK(std::get<1>(f.services.actions[1]) == core::CheckinAction::kTransfer);
  CHECK(std::get<2>(f.services.actions[1]) == "gp");
  CHECK(std::get<1>(f.services.actions[2]) == core::CheckinAction::kCancel);
  CHECK(std::get<2>(f.services.actions[2]) == "Patient asked");
  CHECK(f.console.screen() == StaffScreen::kConsole);

  f.console.apply(intent::Open{"T-1"});
  f.console.apply(intent::MergeWith{"T-2", false});
  CHECK(f.services.merges == std::vector<std::pair<std::string, std::string>>{{"T-1", "T-2"}});
}

TEST_CASE("merging offers to keep the appointment over the walk-in first, and either can stay") {
  using testing::FakeStaffServices;
  auto appointment = FakeStaffServices::entry("T-1", "A001", "gp");
  appointment.appointmentTime = "09:10";
  appointment.clinician = "Dr Patel";
  auto walkIn = FakeStaffServices::entry("T-2", "W001", "walkin");
  // Opened from the walk-in, the first (default) choice keeps the appointment; so from the appointment.
  for (const auto& [open, other] : {std::pair{walkIn, appointment}, std::pair{appointment, walkIn}}) {
    const auto choices = ui::staff::mergeChoices(open, other);
    CHECK(choices[0].keep->ticket == "A001");
    CHECK(choices[0].fold->ticket == "W001");
    CHECK(choices[1].keep->ticket == "W001");
    CHECK(ui::staff::mergeLabel(choices[0]) == "Keep A001, merge W001 into it");
  }
  // Two walk-ins: the open one is offered as the one that stays.
  auto other = FakeStaffServices::entry("T-3", "W002", "walkin");
  CHECK(ui::staff::mergeChoices(walkIn, other)[0].keep->ticket == "W001");

  // Staff choose: from the walk-in, keeping the appointment folds the open walk-in into it.
  Fixture f;
  f.services.entries = {appointment, walkIn};
  f.signIn();
  f.console.apply(intent::Open{"T-2"});
  f.console.apply(intent::MergeWith{"T-1", true});
  CHECK(f.services.merges == std::vector<std::pair<std::string, std::string>>{{"T-1", "T-2"}});
}

TEST_CASE("a refused action stays on the patient and says why") {
  Fixture f;
  f.services.entries = {testing::FakeStaffServices::entry("T-1", "A001", "gp")};
  f.signIn();
  f.services.refuseActions = true;
  f.console.apply(intent::Open{"T-1"});
  f.console.apply(intent::Act{core::CheckinAction::kSeen});
  CHECK(f.console.screen() == StaffScreen::kPatient);
  CHECK(f.console.state().message == "Not allowed now.");
}

TEST_CASE("add at the desk: an appointment ID typed, urgent or not") {
  Fixture f;
  f.signIn();
  f.console.apply(intent::OpenAdd{});
  f.console.onText("D004");
  f.console.apply(intent::AddAppointment{true});
  CHECK(f.services.added == std::vector<std::string>{"D004!"});
  CHECK(f.console.screen() == StaffScreen::kConsole);
}

TEST_CASE("the actions offered follow the check-in's state") {
  using A = core::CheckinAction;
  CHECK(ui::staff::actionsFor(core::CheckinState::kWaiting) ==
        std::vector<A>{A::kCall, A::kPark, A::kTransfer, A::kLeft, A::kCancel});
  CHECK(ui::staff::actionsFor(core::CheckinState::kCalled) ==
        std::vector<A>{A::kSeen, A::kRecall, A::kNoShow, A::kLeft});
  CHECK(ui::staff::actionsFor(core::CheckinState::kSeen).empty());
}

TEST_CASE("sign out wipes and closes; a scanned card while closed opens the PIN") {
  Fixture f;
  f.signIn();
  f.console.apply(intent::SignOut{});
  CHECK_FALSE(f.console.active());
  CHECK(f.services.signOuts == std::vector<std::string>{"sign-out"});
  f.console.onScan("LSS1:S7K2QX:ABC");
  CHECK(f.console.screen() == StaffScreen::kPin);
}

TEST_CASE("only an administrator's console opens the admin screen") {
  Fixture f;
  f.signIn();
  f.console.apply(intent::OpenAdmin{});
  CHECK_FALSE(f.console.takeAdminRequest().has_value());
  CHECK(f.console.state().message.find("Only an administrator") != std::string::npos);
  f.services.admin = true;
  f.console.apply(intent::OpenAdmin{});
  auto who = f.console.takeAdminRequest();
  REQUIRE(who.has_value());
  CHECK(who->id == "S7K2QX");
  CHECK_FALSE(f.console.takeAdminRequest().has_value());  // taken once
}

TEST_CASE("every kind of staff intent is routed, and each leads from one patient's screen where it should") {
  using core::CheckinAction;
  using ui::staff::StaffIntent;
  // Every alternative of StaffIntent, with its payload, and the screen it leaves when pressed on W001's
  // own screen. A new kind of intent fails here until it is given a row.
  const std::vector<std::pair<StaffIntent, StaffScreen>> rows = {
      {intent::Close{}, StaffScreen::kClosed},
      {intent::Back{}, StaffScreen::kConsole},
      {intent::SignOut{}, StaffScreen::kClosed},
      {intent::StaySignedIn{}, StaffScreen::kPatient},
      {key('7'), StaffScreen::kPatient},  // the patient's screen has nothing to type into
      {intent::Next{}, StaffScreen::kPatient},
      {intent::SignIn{}, StaffScreen::kPatient},
      {intent::CallNext{"gp", std::nullopt}, StaffScreen::kPatient},
      {intent::ShowQueue{1}, StaffScreen::kPatient},
      {intent::Open{"T-1"}, StaffScreen::kPatient},
      {intent::RowAction{"T-1", CheckinAction::kSeen}, StaffScreen::kConsole},
      {intent::Acknowledge{"T-1"}, StaffScreen::kPatient},
      {intent::PickRoom{"", "gp"}, StaffScreen::kRoom},
      {intent::SetRoom{"Room 4"}, StaffScreen::kConsole},
      {intent::Act{CheckinAction::kPark}, StaffScreen::kConsole},
      {intent::PickTransfer{}, StaffScreen::kTransfer},
      {intent::TransferTo{"gp"}, StaffScreen::kConsole},
      {intent::PickCancel{}, StaffScreen::kCancel},
      {intent::CancelWith{"Duplicate"}, StaffScreen::kConsole},
      {intent::PickMerge{}, StaffScreen::kMerge},
      {intent::MergeWith{"T-1", true}, StaffScreen::kConsole},
      {intent::Edit{}, StaffScreen::kWalkIn},
      {intent::Reprint{}, StaffScreen::kConsole},  // no printer here: said on the list
      {intent::OpenSearch{}, StaffScreen::kSearch},
      {intent::OpenAdd{}, StaffScreen::kAdd},
      {intent::PickAppointment{"APT-1"}, StaffScreen::kPatient},
      {intent::AddAppointment{true}, StaffScreen::kPatient},  // nothing picked yet: refused in words
      {intent::AddWalkIn{}, StaffScreen::kWalkIn},
      {intent::SaveList{}, StaffScreen::kPatient},
      {intent::OpenSummary{}, StaffScreen::kSummary},
      {intent::OpenAdmin{}, StaffScreen::kPatient},  // not an administrator: refused in words
      {intent::OpenExport{}, StaffScreen::kExport},
      {intent::MakeBatch{}, StaffScreen::kPatient},
      {intent::CopyToUsb{}, StaffScreen::kPatient},
      {intent::ShowQr{}, StaffScreen::kQrStream},
      {intent::StopQr{}, StaffScreen::kExport},
  };
  std::vector<int> kinds(std::variant_size_v<StaffIntent>, 0);
  for (const auto& [in, screen] : rows) ++kinds[in.index()];
  CHECK(kinds[0] == 0);  // "nothing pressed" is not a row
  for (size_t i = 1; i < kinds.size(); ++i) {
    INFO("StaffIntent alternative " << i);
    CHECK(kinds[i] == 1);
  }
  for (const auto& [in, screen] : rows) {
    Fixture f;
    f.services.entries = {testing::FakeStaffServices::entry("T-1", "A001", "gp", true),
                          testing::FakeStaffServices::entry("T-2", "W001", "walkin")};
    f.signIn();
    f.console.apply(intent::Open{"T-2"});
    REQUIRE(f.console.screen() == StaffScreen::kPatient);
    f.console.apply(in);
    INFO("StaffIntent alternative " << in.index());
    CHECK(f.console.screen() == screen);
  }
}
