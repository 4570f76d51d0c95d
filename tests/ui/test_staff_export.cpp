// The export screen's logic with a fake StaffServices: the refusal without a key, the bar following work
// that runs elsewhere, the copy only to a stick that is there and "safe to remove" only after it
// succeeded, the QR stream moving on with the clock, and a scanned acknowledgement.
#include <catch2/catch.hpp>

#include "support/clocks.h"
#include "support/fake_staff_services.h"
#include "ui/staff/staff_ui.h"

using namespace longstop;
using ui::staff::StaffScreen;
namespace intent = ui::staff::intent;

namespace {

struct Fixture {
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  testing::FakeStaffServices services;
  ui::staff::StaffConsole console{services, clock};

  Fixture() {
    console.open("LSS1:S7K2QX:ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    console.onText("24681012");
    console.apply(intent::SignIn{});
    REQUIRE(console.screen() == StaffScreen::kConsole);
  }
  void makeBatch() {
    console.apply(intent::MakeBatch{});
    CHECK(console.tick());  // the work's result taken
    CHECK_FALSE(services.workRunning);
  }
};
}  // namespace

TEST_CASE("export: without a recipient key nothing is made and the screen says why") {
  Fixture f;
  f.services.unexported = 3;
  f.console.apply(intent::OpenExport{});
  REQUIRE(f.console.screen() == StaffScreen::kExport);
  REQUIRE(f.console.state().exp.status);
  CHECK(f.console.state().exp.status->unexported == 3);
  CHECK(f.console.state().exp.status->recipientKeyId.empty());
  f.makeBatch();
  CHECK(f.console.state().message == "No recipient key is set.");
  CHECK(f.services.lastSeq == 0);
}

TEST_CASE("export: make, then copy only to a stick that is plugged in; safe to remove only after the copy") {
  Fixture f;
  f.services.unexported = 2;
  f.services.recipientKeyId = "0123456789abcdef";
  f.console.apply(intent::OpenExport{});
  f.makeBatch();
  REQUIRE(f.console.state().exp.made);
  CHECK(f.console.state().exp.made->seq == 1);
  CHECK(f.console.state().exp.task.find("Batch 1 made (4 KB)") == 0);
  CHECK(f.console.state().exp.status->unexported == 0);

  f.console.apply(intent::CopyToUsb{});
  CHECK(f.console.state().message.find("No USB stick is plugged in") == 0);
  CHECK(f.services.copies.empty());

  f.services.media = {"/media/usb"};
  f.services.failCopy = true;
  f.console.apply(intent::CopyToUsb{});
  CHECK(f.services.copies.size() == 1);
  CHECK_FALSE(f.console.state().exp.safeToRemove);  // not yet copied
  CHECK(f.console.tick());
  CHECK_FALSE(f.console.state().exp.safeToRemove);
  CHECK(f.console.state().message.find("could not be copied") != std::string::npos);
  CHECK(f.console.state().exp.task.empty());

  f.services.failCopy = false;
  f.console.apply(intent::CopyToUsb{});
  CHECK(f.console.tick());
  CHECK(f.services.copies.back() == std::make_pair(int64_t{1}, std::filesystem::path("/media/usb")));
  CHECK(f.console.state().exp.safeToRemove);
  CHECK(f.console.state().exp.finished);
}

TEST_CASE(
    "export: while the work runs elsewhere the bar follows it, nothing else starts, and the session stays") {
  Fixture f;
  f.services.unexported = 40;
  f.services.recipientKeyId = "0123456789abcdef";
  f.services.holdWork = true;
  f.console.apply(intent::OpenExport{});
  f.console.apply(intent::MakeBatch{});
  const auto& e = f.console.state().exp;
  CHECK(e.task == "Making the batch");
  CHECK(e.stage == "Starting");
  CHECK(f.console.msUntilNextTick() == ui::staff::kWorkPollMs);

  f.services.progressNow = {12, 40, "Opening records"};
  f.clock.advanceMs(ui::staff::kWorkPollMs);
  CHECK(f.console.tick());
  CHECK(e.stage == "Opening records");
  CHECK(e.done == 12);
  CHECK(e.total == 40);
  CHECK_FALSE(e.finished);
  f.clock.advanceMs(ui::staff::kWorkPollMs);
  CHECK_FALSE(f.console.tick());  // nothing new: no frame wanted

  // A second press of anything that starts work is ignored while this runs.
  f.console.apply(intent::MakeBatch{});
  f.services.media = {"/media/usb"};
  f.console.apply(intent::CopyToUsb{});
  CHECK(f.services.workStarted == 1);
  CHECK(f.services.copies.empty());

  // Work under way is activity: a slow batch does not sign the person out halfway.
  const int touched = f.services.touches;
  f.services.progressNow = {5000, 20000, "Writing"};
  f.clock.advanceMs(ui::staff::kWorkPollMs);
  CHECK(f.console.tick());
  CHECK(f.services.touches > touched);
  CHECK(e.stage == "Writing");
  CHECK(e.done == 5000);

  // Away from the Export screen the work no longer keeps the session awake (a hung copy must not keep
  // the list of names open for ever); coming back keeps the bar of the work under way.
  f.console.apply(intent::Back{});
  const int away = f.services.touches;
  f.services.progressNow = {6000, 20000, "Writing"};
  f.clock.advanceMs(ui::staff::kWorkPollMs);
  CHECK(f.console.tick());
  CHECK(f.services.touches == away);
  f.console.apply(intent::OpenExport{});
  CHECK(f.console.state().exp.task == "Making the batch");
  CHECK(f.console.state().exp.working == ui::staff::ExportState::Work::kMake);

  f.services.holdWork = false;
  f.clock.advanceMs(ui::staff::kWorkPollMs);
  CHECK(f.console.tick());
  REQUIRE(f.console.state().exp.made);
  CHECK(f.console.state().exp.made->records == 40);
  CHECK(f.console.state().exp.finished);
  CHECK(f.console.state().exp.working == ui::staff::ExportState::Work::kNone);
  CHECK(f.console.msUntilNextTick() > ui::staff::kWorkPollMs);
}

TEST_CASE("export: work from an earlier session still finishing is shown, then said to have finished") {
  Fixture f;
  f.services.recipientKeyId = "0123456789abcdef";
  f.services.workRunning = true;  // started before this sign-in; its result is not this session's
  f.services.holdWork = true;
  f.services.progressNow = {7, 10, "Opening records"};
  f.console.apply(intent::OpenExport{});
  const auto& e = f.console.state().exp;
  CHECK(e.working == ui::staff::ExportState::Work::kEarlier);
  CHECK(e.task == "An export started earlier is finishing");
  CHECK(e.done == 7);
  f.services.workRunning = false;  // it ends; nothing is handed over
  f.clock.advanceMs(ui::staff::kWorkPollMs);
  CHECK(f.console.tick());
  CHECK(e.working == ui::staff::ExportState::Work::kNone);
  CHECK(e.task.empty());
  CHECK(f.console.state().notice == "The export started earlier has finished.");
}

TEST_CASE("export: work that ends between two looks is taken as finished, never lost") {
  Fixture f;
  f.services.unexported = 3;
  f.services.recipientKeyId = "0123456789abcdef";
  f.services.holdWork = true;
  f.services.endsAfterTakeLooks = true;
  f.console.apply(intent::OpenExport{});
  f.console.apply(intent::MakeBatch{});
  (void)f.console.tick();  // the work ends just after this poll looked for a result
  CHECK(f.console.state().exp.working == ui::staff::ExportState::Work::kMake);
  f.clock.advanceMs(ui::staff::kWorkPollMs);
  CHECK(f.console.tick());
  REQUIRE(f.console.state().exp.made);
  CHECK(f.console.state().exp.made->records == 3);
  CHECK(f.console.state().exp.task.find("Batch 1 made") == 0);
}

TEST_CASE("export: the QR stream moves on with the clock, round and round, until Stop") {
  Fixture f;
  f.services.lastSeq = 4;  // a batch made earlier
  f.console.apply(intent::OpenExport{});
  f.console.apply(intent::ShowQr{});
  REQUIRE(f.console.screen() == StaffScreen::kQrStream);
  CHECK(f.console.state().exp.streamSeq == 4);
  CHECK(f.console.state().exp.frame == 0);
  CHECK(f.console.msUntilNextTick() == ui::staff::kQrFrameMs);
  f.clock.advanceMs(ui::staff::kQrFrameMs);
  CHECK(f.console.tick());
  CHECK(f.console.state().exp.frame == 1);
  f.clock.advanceMs(ui::staff::kQrFrameMs);
  CHECK(f.console.tick());
  CHECK(f.console.state().exp.frame == 0);
  CHECK(f.console.state().exp.rounds == 1);
  // The stream holds the session awake for its first rounds only (a long one would outlast the idle
  // sign-out), then lets it lapse.
  const int touched = f.services.touches;
  f.clock.advanceMs(ui::staff::kQrFrameMs);
  CHECK(f.console.tick());
  CHECK(f.services.touches == touched + 1);
  while (f.console.state().exp.rounds < ui::staff::kQrRoundsHeld) {
    f.clock.advanceMs(ui::staff::kQrFrameMs);
    REQUIRE(f.console.tick());
  }
  const int held = f.services.touches;
  for (int i = 0; i < 4; ++i) {
    f.clock.advanceMs(ui::staff::kQrFrameMs);
    CHECK(f.console.tick());
  }
  CHECK(f.services.touches == held);
  f.console.onKey(ui::Key::kEscape);
  CHECK(f.console.screen() == StaffScreen::kExport);
  CHECK(f.console.state().exp.frames.empty());
}

TEST_CASE(
    "export: a scanned acknowledgement marks the batch received; twice is harmless; a bad one is refused") {
  Fixture f;
  f.services.lastSeq = 3;
  f.console.onScan("LSK1:B82005:K7QX:3:0011223344556677:sig");
  CHECK(f.console.screen() == StaffScreen::kExport);
  CHECK(f.console.state().notice ==
        "Batch 3 received \u2014 its personal data will be deleted after 30 days.");
  f.console.onScan("LSK1:B82005:K7QX:3:0011223344556677:sig");
  CHECK(f.console.state().notice == "Batch 3 was already marked received. Nothing has changed.");
  f.services.acks.clear();
  f.console.onScan("LSR1:abc:def");
  CHECK(f.services.acks.empty());
  CHECK(f.console.state().message.find("admin screen") != std::string::npos);
}
