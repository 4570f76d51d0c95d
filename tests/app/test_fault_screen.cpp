// A kiosk whose site cannot be opened never offers first-boot setup over it and never exits: it sends
// patients to reception and tells staff why, for as long as it runs.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "app/kiosk_app.h"
#include "service/kiosk.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;
namespace fs = std::filesystem;

namespace {
fs::path shotsDir() {
  const char* d = std::getenv("LONGSTOP_TEST_SHOTS");
  fs::path p = d ? fs::path(d) : fs::temp_directory_path() / "longstop-shots";
  fs::create_directories(p);
  return p;
}

std::unique_ptr<app::KioskApp> openKioskOn(const fs::path& data, const core::Clock& clock, int w = 1280,
                                           int h = 800) {
  app::AppOptions o;
  o.dataDir = data;
  o.display = {w, h, true, false, "", 0};
  auto opened = app::KioskApp::open(o, clock);
  REQUIRE(opened.ok());
  return std::move(opened.value());
}
}  // namespace

TEST_CASE("a site whose database was set aside shows the fault, not the setup wizard, and takes no input") {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  const fs::path data = dir / "site";
  REQUIRE(service::createDemoSite(data, clock).ok());
  fs::rename(data / "longstop.db", data / "longstop.db.damaged-1");

  auto app = openKioskOn(data, clock);
  CHECK_FALSE(app->inSetup());
  REQUIRE(app->fault());
  CHECK(app->fault()->find("damaged-1") != std::string::npos);
  app->frame();
  CHECK(app->widgets().showsText("Please check in at reception"));
  CHECK_FALSE(app->widgets().showsText("Set up this kiosk"));
  REQUIRE(app->screenshot(shotsDir() / "fault-1280x800.png").ok());

  // A press, typing and a scan change nothing and start nothing; time passing keeps it there.
  app->onText("1");
  app->onScan("LSQ1:whatever");
  app->frame(app::Pointer{{640, 400}, true});
  app->frame(app::Pointer{{640, 400}, false});
  clock.advanceMs(10 * 60 * 1000);
  (void)app->tick();
  app->frame();
  CHECK(app->widgets().showsText("Please check in at reception"));
  CHECK_FALSE(fs::exists(data / "longstop.db"));
}

TEST_CASE("a data directory that is not a directory shows the fault at 800x480 too") {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  test::writeAll(dir / "not-a-dir", "x");
  auto app = openKioskOn(dir / "not-a-dir", clock, 800, 480);
  REQUIRE(app->fault());
  app->frame();
  CHECK(app->widgets().showsText("Please check in at reception"));
  REQUIRE(app->screenshot(shotsDir() / "fault-800x480.png").ok());
}

TEST_CASE("an empty data directory still gets first-boot setup") {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  fs::create_directories(dir / "site" / "lost+found");
  auto app = openKioskOn(dir / "site", clock);
  CHECK(app->inSetup());
  CHECK_FALSE(app->fault());
}

TEST_CASE("a fault that passes gives way to Welcome on the app's clock, without a restart") {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  const fs::path data = dir / "site";
  test::writeAll(data, "a file where the data directory should be");
  auto app = openKioskOn(data, clock);
  REQUIRE(app->fault());
  (void)app->tick();  // looks at once, finds the same fault
  fs::remove(data);
  REQUIRE(service::createDemoSite(data, clock).ok());
  clock.advanceMs(app::kFaultRetryMs - 1);
  CHECK_FALSE(app->tick());
  CHECK(app->fault());
  clock.advanceMs(1);
  CHECK(app->tick());
  CHECK_FALSE(app->fault());
  CHECK_FALSE(app->inSetup());
  app->frame();
  CHECK_FALSE(app->widgets().showsText("Please check in at reception"));
  CHECK(app->widgets().showsText("Check in"));
}
