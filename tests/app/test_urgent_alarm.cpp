// The urgent alarm: heard at once, again every kUrgentRepeatMs on the app's clock while the alert is not
// acknowledged, and not after; on the calling board (and its picture) and on the kiosk.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "app/board_app.h"
#include "app/kiosk_app.h"
#include "app/script.h"
#include "app/script_runner.h"
#include "app/urgent_alarm.h"
#include "service/kiosk.h"
#include "service/queue_actions.h"
#include "service/queue_view.h"
#include "service/staff.h"
#include "service/staff_desk.h"
#include "support/temp_dir.h"

using namespace longstop;

namespace {
// 2026-11-29 09:00 UTC.
constexpr int64_t kStartMs = 1795942800000;

// Where pictures are written for a person to look at (the build dir's tests/shots under meson).
std::filesystem::path shotsDir() {
  const char* d = std::getenv("LONGSTOP_TEST_SHOTS");
  std::filesystem::path p =
      d ? std::filesystem::path(d) : std::filesystem::temp_directory_path() / "longstop-shots";
  std::filesystem::create_directories(p);
  return p;
}

// A demo site with one urgent check-in (A001) and a signed-in member of staff to acknowledge it.
struct UrgentSite {
  test::TempDir dir;
  core::ManualClock clock{core::Instant{kStartMs, 0}};
  std::unique_ptr<service::Kiosk> kiosk;
  std::unique_ptr<service::StaffSession> session;
  std::string recordId;

  UrgentSite() {
    auto recovery = service::createDemoSite(dir / "site", clock);
    REQUIRE(recovery.ok());
    auto card = service::addDemoCard(dir / "site", clock, recovery.value());
    REQUIRE(card.ok());
    auto k = service::openKiosk(dir / "site", clock);
    REQUIRE(k.ok());
    kiosk = std::move(k.value());
    auto s = service::signIn(kiosk->siteData(), card->cardText, card->pin);
    REQUIRE(s.ok());
    session = std::move(s.value());
    auto t = kiosk->checkInAppointment("D001", true);
    REQUIRE(t.ok());
    recordId = t->recordId;
  }
  void acknowledge() { REQUIRE(service::acknowledgeAlert(kiosk->siteData(), *session, recordId).ok()); }
};
}  // namespace

TEST_CASE("the alarm sounds at once, repeats on the clock, and stops when acknowledged") {
  app::UrgentAlarm a;
  const std::vector<std::string> one{"A001"};
  CHECK_FALSE(a.due({}, 0));
  CHECK(a.due(one, 1000));
  CHECK_FALSE(a.due(one, 1000 + app::kUrgentRepeatMs - 1));
  CHECK(a.due(one, 1000 + app::kUrgentRepeatMs));
  // A second urgent patient is heard at once, not at the next repeat.
  CHECK(a.due({"A001", "N002"}, 1000 + app::kUrgentRepeatMs + 10));
  CHECK_FALSE(a.due({"A001", "N002"}, 1000 + app::kUrgentRepeatMs + 20));
  // Acknowledged: silent.
  CHECK_FALSE(a.due({}, 1000 + 3 * app::kUrgentRepeatMs));
  CHECK_FALSE(a.due({}, 1000 + 9 * app::kUrgentRepeatMs));
  // A clock set back never silences a pending alert for good.
  CHECK(a.due(one, 500000));
  CHECK(a.due(one, 400000));
}

TEST_CASE("the board shows \"Urgent: see reception\" with the ticket and sounds until acknowledged") {
  UrgentSite site;
  app::DisplayOptions d{1280, 800, true, false, "", 0};
  auto opened = app::BoardApp::open(site.dir / "site", d, site.clock, false);
  REQUIRE(opened.ok());
  app::BoardApp& board = *opened.value();
  // open() read the feed once: the alarm has sounded.
  CHECK(board.urgentAlarms() == 1);
  board.frame();
  CHECK(board.widgets().showsText("Urgent: see reception  A001"));
  CHECK_FALSE(board.widgets().showsText("Smith"));
  REQUIRE(board.screenshot(shotsDir() / "board-urgent-1280x800.png").ok());
  // Polled as the board does, every 250 ms on the test's clock.
  auto pollFor = [&](int64_t ms) {
    for (int64_t t = 0; t < ms; t += app::kBoardPollMs) {
      site.clock.advanceMs(app::kBoardPollMs);
      (void)board.poll();
    }
  };
  pollFor(app::kUrgentRepeatMs - app::kBoardPollMs);
  CHECK(board.urgentAlarms() == 1);
  pollFor(app::kBoardPollMs);
  CHECK(board.urgentAlarms() == 2);
  pollFor(app::kUrgentRepeatMs);
  CHECK(board.urgentAlarms() == 3);
  site.acknowledge();
  pollFor(5 * app::kUrgentRepeatMs);
  CHECK(board.urgentAlarms() == 3);
  board.frame();
  CHECK_FALSE(board.widgets().showsText("Urgent"));
}

TEST_CASE("the board's urgent band at 800x480") {
  UrgentSite site;
  app::DisplayOptions d{800, 480, true, false, "", 0};
  auto opened = app::BoardApp::open(site.dir / "site", d, site.clock, false);
  REQUIRE(opened.ok());
  REQUIRE(opened.value()->screenshot(shotsDir() / "board-urgent-800x480.png").ok());
  opened.value()->frame();
  CHECK(opened.value()->widgets().showsText("Urgent: see reception  A001"));
}

TEST_CASE("the kiosk sounds the alarm too, on the same repeat, until acknowledged") {
  UrgentSite site;
  app::AppOptions o;
  o.dataDir = site.dir / "site";
  o.display = {1280, 800, true, false, "", 0};
  auto opened = app::KioskApp::open(o, site.clock);
  REQUIRE(opened.ok());
  app::KioskApp& kiosk = *opened.value();
  app::ScriptRunner runner(kiosk, site.clock);
  auto wait = [&](const char* text) {
    auto parsed = app::parseScript(text);
    REQUIRE_FALSE(parsed.error);
    REQUIRE(runner.run(parsed.commands, "wait").empty());
  };
  (void)kiosk.tick();
  CHECK(kiosk.urgentAlarms() == 1);
  wait("wait 14s\n");
  CHECK(kiosk.urgentAlarms() == 1);
  wait("wait 1s\n");
  CHECK(kiosk.urgentAlarms() == 2);
  site.acknowledge();
  wait("wait 1min\n");
  CHECK(kiosk.urgentAlarms() == 2);
}
