// A reception desk device (KioskApp headless with `desk`, as `longstop` runs for `device.role` desk,
// replicating by itself) and a kiosk device on real nats-servers: the desk opens on staff sign-in,
// never Welcome; after sign-in it lists the kiosk's urgent check-in by ticket with "details on
// <kiosk>" (it does not hold the kiosk's keys), raises the red banner and sounds the alarm; F2 (a real
// SDL key event) calls the patient and the call reaches the kiosk's own table; the foot of the screen
// shows the site's health and the shortcuts. Time is the desk's manual clock; waits are on conditions.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <utility>

#include "app/kiosk_app.h"
#include "replica/stream_client.h"
#include "service/settings.h"
#include "service/staff_desk.h"
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

struct DeskSite {
  fs::path dir;
  std::string id, signKey, url;
  service::DemoCard card;
};

DeskSite makeDeskSite(const fs::path& dir, core::ManualClock& clock, test::Device& kiosk) {
  auto made = service::Site::create(dir, {"B82005", "Riverside", {}}, clock);
  REQUIRE(made.ok());
  auto card = service::addDemoCard(dir, clock, made->recoveryCode);
  REQUIRE(card.ok());
  auto k = service::openKiosk(dir, clock);
  REQUIRE(k.ok());
  service::Site& site = k.value()->siteData();
  auto admin = service::recoverySession(site, made->recoveryCode);
  REQUIRE(admin.ok());
  auto port = replica::freePort("127.0.0.1");
  REQUIRE(port.ok());
  const std::string listen = "127.0.0.1:" + std::to_string(port.value());
  REQUIRE(service::setSetting(site, *admin.value(), "site.listen", listen).ok());
  REQUIRE(service::setSetting(site, *admin.value(), "device.role", "desk").ok());
  REQUIRE(service::addPeer(site, *admin.value(),
                           {kiosk.id(), kiosk.site().signPublicKey(), kiosk.url(), "kiosk", 0, {}})
              .ok());
  return {dir, site.info().deviceId, site.signPublicKey(), "nats://" + listen, card.value()};
}

void pressKey(app::KioskApp& app, SDL_Keycode key) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = key;
  e.key.state = SDL_PRESSED;
  REQUIRE(SDL_PushEvent(&e) == 1);
  app.TEST_pumpEvents();
}

}  // namespace

TEST_CASE("a desk device signs in, sees a kiosk's urgent check-in, calls it with F2, and the kiosk follows") {
  test::TempDir tmp;
  test::Device kiosk(tmp / "kiosk");
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 30)};
  const DeskSite d = makeDeskSite(tmp / "desk", clock, kiosk);
  REQUIRE(service::addPeer(kiosk.site(), *kiosk.admin, {d.id, d.signKey, d.url, "desk", 0, {}}).ok());
  kiosk.start();

  app::AppOptions o;
  o.dataDir = d.dir;
  const std::pair<int, int> size = GENERATE(std::pair{1280, 800}, std::pair{800, 480});
  const int w = size.first, h = size.second;
  o.display = {w, h, true, false, "", 0};
  o.desk = true;
  auto opened = app::KioskApp::open(o, clock);
  REQUIRE(opened.ok());
  app::KioskApp& desk = *opened.value();
  auto step = [&] {
    clock.advanceMs(250);
    (void)desk.tick();
    desk.frame();
  };

  // Staff sign-in where a kiosk shows Welcome.
  desk.frame();
  CHECK(desk.staff().active());
  CHECK(desk.widgets().showsText("Staff sign-in"));
  CHECK_FALSE(desk.widgets().showsText("Check in"));
  desk.onScan(d.card.cardText);
  desk.onText(d.card.pin);
  desk.onKey(ui::Key::kEnter);
  desk.frame();
  REQUIRE(desk.staff().signedIn());
  REQUIRE(desk.staff().screen() == ui::staff::StaffScreen::kConsole);

  service::WalkInRequest req;
  req.patient.surname = "Quixwellington";
  req.patient.forenames = "Theodora";
  req.patient.dateOfBirth = {1961, 4, 1};
  req.queueId = "walkin";
  auto ticket = kiosk.kiosk->checkInWalkIn(req, /*urgent=*/true);
  REQUIRE(ticket.ok());
  kiosk.replicator->wake();
  const std::string banner = "URGENT: " + ticket->ticketNumber + " (details on " + kiosk.id() + ")";
  REQUIRE(eventually([&] {
    step();
    return desk.widgets().showsText(banner + " said they need help now");
  }));
  CHECK_FALSE(desk.widgets().showsText("Quixwellington"));
  REQUIRE(eventually([&] {
    step();
    return desk.urgentAlarms() > 0;
  }));
  REQUIRE(eventually([&] {
    step();
    return desk.widgets().showsText("Site: 1 of 1 device reached \xC2\xB7 last heard 09:3");
  }));
  CHECK(desk.widgets().showsText(ui::staff::kShortcutsText));
  REQUIRE(
      desk.screenshot(shotsDir() / ("desk-console-" + std::to_string(w) + "x" + std::to_string(h) + ".png"))
          .ok());

  pressKey(desk, SDLK_F2);
  desk.frame();
  const std::string calledOnKiosk =
      "SELECT count(*) FROM checkins WHERE state = 'called' AND record_id = '" + ticket->recordId + "'";
  REQUIRE(eventually([&] {
    step();
    return kiosk.scalar(calledOnKiosk) == 1;
  }));
  CHECK(kiosk.scalar("SELECT count(*) FROM peer_events WHERE kind = 'call' AND origin = '" + d.id + "'") ==
        1);
  CHECK(kiosk.scalar("SELECT count(*) FROM site_refusals") == 0);
  // The desk's own list shows the call; the alert stays until acknowledged, and F4 marks the patient seen.
  REQUIRE(eventually([&] {
    step();
    const auto* e = desk.staff().entry(ticket->recordId);
    return e && e->state == core::CheckinState::kCalled;
  }));
  pressKey(desk, SDLK_F4);
  REQUIRE(eventually([&] {
    step();
    return kiosk.scalar("SELECT count(*) FROM checkins WHERE state = 'seen'") == 1;
  }));
}
