// `kiosk.staff_screens` decides whether the corner hold opens the staff screens on a kiosk: off (or
// auto once the roster has a desk) keeps names out of the waiting room. The hold is real SDL mouse
// events taken by the kiosk's own event path on the offscreen driver, held for longer than the corner
// needs on the test's clock.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <memory>
#include <string>

#include "app/kiosk_app.h"
#include "service/kiosk.h"
#include "service/settings.h"
#include "service/site_roster.h"
#include "support/temp_dir.h"

using namespace longstop;

namespace {

constexpr int64_t kStartMs = 1795942800000;  // 2026-11-29 09:00 UTC

struct Kiosk {
  test::TempDir dir;
  core::ManualClock clock{core::Instant{kStartMs, 0}};
  std::unique_ptr<app::KioskApp> app;

  /// A demo site with `staffScreens` set (empty: the default) and, when `deskPeer`, a desk in its roster.
  Kiosk(const std::string& staffScreens, bool deskPeer) {
    auto code = service::createDemoSite(dir / "site", clock);
    REQUIRE(code.ok());
    {
      auto k = service::openKiosk(dir / "site", clock);
      REQUIRE(k.ok());
      service::Site& site = k.value()->siteData();
      auto admin = service::recoverySession(site, code.value());
      REQUIRE(admin.ok());
      if (!staffScreens.empty())
        REQUIRE(service::setSetting(site, *admin.value(), "kiosk.staff_screens", staffScreens).ok());
      if (deskPeer) {
        // A real device's ID and key: the roster takes nothing else.
        auto desk = service::Site::create(dir / "desk", {"B82005", "Riverside", {}}, clock);
        REQUIRE(desk.ok());
        auto d = service::openKiosk(dir / "desk", clock);
        REQUIRE(d.ok());
        service::Site& ds = d.value()->siteData();
        REQUIRE(
            service::addPeer(site, *admin.value(),
                             {ds.info().deviceId, ds.signPublicKey(), "nats://127.0.0.1:4999", "desk", 0, {}})
                .ok());
      }
    }
    app::AppOptions o;
    o.dataDir = dir / "site";
    o.display = {1280, 800, true, false, "", 0};
    auto opened = app::KioskApp::open(o, clock);
    REQUIRE(opened.ok());
    app = std::move(opened.value());
  }

  void mouse(int x, int y, bool down) {
    SDL_Event e{};
    e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    REQUIRE(SDL_PushEvent(&e) == 1);
    app->TEST_pumpEvents();
  }

  /// Presses the top-left corner of Welcome and keeps it down for five seconds of the kiosk's clock,
  /// drawing a frame every quarter second as the kiosk's loop does while a press is held, then lifts.
  void holdCorner() {
    clock.advanceMs(2000);  // Welcome has settled
    app->frame();
    mouse(8, 8, true);
    for (int i = 0; i < 20; ++i) {
      clock.advanceMs(250);
      (void)app->tick();
      app->frame();
    }
    mouse(8, 8, false);
    app->frame();
  }
};

}  // namespace

TEST_CASE("with kiosk.staff_screens off, the corner hold does not open the staff screens") {
  Kiosk k("off", false);
  CHECK_FALSE(k.app->staffScreensAllowed());
  k.holdCorner();
  CHECK_FALSE(k.app->staff().active());
  CHECK(k.app->flow().screen() == ui::Screen::kWelcome);
  CHECK_FALSE(k.app->widgets().showsText("Staff sign-in"));
}

TEST_CASE("auto turns the staff screens off once the roster has a desk") {
  Kiosk k("", true);
  CHECK_FALSE(k.app->staffScreensAllowed());
  k.holdCorner();
  CHECK_FALSE(k.app->staff().active());
}

TEST_CASE("auto with no desk, and on with one, open the staff screens on the corner hold") {
  const bool desk = GENERATE(false, true);
  INFO(desk);
  Kiosk k(desk ? "on" : "", desk);
  CHECK(k.app->staffScreensAllowed());
  k.holdCorner();
  CHECK(k.app->staff().active());
}
