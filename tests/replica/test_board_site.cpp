// A board device of a site (BoardApp headless on SDL's offscreen driver, replicating by itself as
// `longstop` does for `device.role` board) shows a call made on a desk's data directory, reached over
// real nats-servers on loopback, and announces it; when the desk's server goes, the board says since
// when it has not been updated rather than show the queue as live. Time is the board's manual clock;
// every wait is on a condition.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <utility>

#include "app/board_app.h"
#include "core/date.h"
#include "replica/stream_client.h"
#include "service/settings.h"
#include "support/site_device.h"
#include "support/temp_dir.h"

using namespace longstop;
namespace fs = std::filesystem;
using test::eventually;

namespace {

fs::path shotsDir() {
  const char* d = std::getenv("LONGSTOP_TEST_SHOTS");
  fs::path p = d ? fs::path(d) : fs::temp_directory_path() / "longstop-shots";
  fs::create_directories(p);
  return p;
}

// A board's data directory: its role board, listening on a free port, its roster naming `desk`.
fs::path makeBoardSite(const fs::path& dir, core::ManualClock& clock, test::Device& desk) {
  auto made = service::Site::create(dir, {"B82005", "Riverside", {}}, clock);
  REQUIRE(made.ok());
  auto kiosk = service::openKiosk(dir, clock);
  REQUIRE(kiosk.ok());
  service::Site& site = kiosk.value()->siteData();
  auto admin = service::recoverySession(site, made->recoveryCode);
  REQUIRE(admin.ok());
  auto port = replica::freePort("127.0.0.1");
  REQUIRE(port.ok());
  REQUIRE(
      service::setSetting(site, *admin.value(), "site.listen", "127.0.0.1:" + std::to_string(port.value()))
          .ok());
  REQUIRE(service::setSetting(site, *admin.value(), "device.role", "board").ok());
  REQUIRE(service::addPeer(site, *admin.value(),
                           {desk.id(), desk.site().signPublicKey(), desk.url(), "desk", 0, {}})
              .ok());
  return dir;
}

service::WalkInRequest walkIn() {
  service::WalkInRequest req;
  req.patient.surname = "Quixwellington";
  req.patient.forenames = "Theodora";
  req.patient.dateOfBirth = {1961, 4, 1};
  req.queueId = "walkin";
  return req;
}

bool connectedTo(const app::BoardApp& board, const std::string& peer) {
  const auto* r = board.siteReplication() ? board.siteReplication()->runner() : nullptr;
  if (!r) return false;
  for (const auto& l : r->status().links)
    if (l.peer == peer && l.connected) return true;
  return false;
}

}  // namespace

TEST_CASE("a board device shows and announces a desk's call, and says when it stops hearing the site") {
  test::TempDir tmp;
  test::Device desk(tmp / "desk", "desk");
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 40)};
  const fs::path boardDir = makeBoardSite(tmp / "board", clock, desk);
  desk.start();

  const std::pair<int, int> size = GENERATE(std::pair{1280, 800}, std::pair{800, 480});
  const int w = size.first, h = size.second;
  auto opened = app::BoardApp::open(boardDir, {w, h, true, false, "", 0}, clock, /*sound=*/false,
                                    /*replicate=*/true);
  REQUIRE(opened.ok());
  app::BoardApp& board = *opened.value();
  auto step = [&] {
    clock.advanceMs(app::kBoardPollMs);
    if (board.poll()) board.frame();
  };
  REQUIRE(eventually([&] { return step(), connectedTo(board, desk.id()); }));

  auto ticket = desk.kiosk->checkInWalkIn(walkIn(), false);
  REQUIRE(ticket.ok());
  REQUIRE(
      service::siteAction(desk.site(), *desk.admin, ticket->recordId, core::CheckinAction::kCall, "Room 3")
          .ok());
  desk.replicator->wake();
  REQUIRE(eventually([&] {
    step();
    return !board.view().calls.empty();
  }));
  board.frame();
  CHECK(board.view().calls.front().ticket == ticket->ticketNumber);
  CHECK(board.view().calls.front().room == "Room 3");
  CHECK(board.widgets().showsText(ticket->ticketNumber));  // the room beneath it when both do not fit
  CHECK(board.widgets().showsText("Room 3"));
  CHECK(board.announcedCalls() == 1);
  CHECK_FALSE(board.widgets().showsText("Quixwellington"));
  CHECK_FALSE(board.widgets().showsText("Theodora"));
  CHECK_FALSE(board.widgets().showsText("Not updated since"));

  // The desk's server stops: once the board's puller has found it gone, a minute on the board's clock
  // later the board says since when it has heard nothing, and still shows what it holds.
  desk.replicator->stop();
  desk.server->stop();
  REQUIRE(eventually([&] { return step(), !connectedTo(board, desk.id()); }));
  REQUIRE(board.lastHeardMs());
  const int64_t heard = *board.lastHeardMs();
  const std::string since =
      core::formatClockTime(core::Instant{heard, clock.now().utcOffsetMinutes}.localMinutes());
  clock.set(core::Instant{heard + app::kBoardStaleMs - 1000, clock.now().utcOffsetMinutes});
  (void)board.poll();
  board.frame();
  CHECK_FALSE(board.widgets().showsText("Not updated since"));
  clock.advanceMs(1000);
  (void)board.poll();
  board.frame();
  CHECK(board.widgets().showsText("Not updated since " + since));
  REQUIRE(board
              .screenshot(shotsDir() /
                          ("board-not-updated-" + std::to_string(w) + "x" + std::to_string(h) + ".png"))
              .ok());
  CHECK(board.widgets().showsText(ticket->ticketNumber));  // the room beneath it when both do not fit
  CHECK(board.widgets().showsText("Room 3"));

  // The desk comes back: the line goes once its server answers again.
  desk.start();
  REQUIRE(eventually([&] {
    step();
    return board.view().notUpdatedSince.empty();
  }));
  board.frame();
  CHECK_FALSE(board.widgets().showsText("Not updated since"));
}
