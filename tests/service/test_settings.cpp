#include <catch2/catch.hpp>

#include "service/settings.h"
#include "service/site.h"
#include "service/staff.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;

namespace {
struct Fixture {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  std::unique_ptr<service::Site> site;
  std::unique_ptr<service::StaffSession> admin;
  Fixture() {
    auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
    REQUIRE(init.ok());
    site = std::move(service::Site::open(dir / "site", clock).value());
    admin = std::move(service::recoverySession(*site, init->recoveryCode).value());
  }
};
}  // namespace

TEST_CASE("settings read their defaults and take valid values") {
  Fixture f;
  CHECK(service::getSetting(*f.site, "kiosk.idle_timeout_s").value() == "45");
  CHECK(service::getSetting(*f.site, "screen.rotation").value() == "0");
  REQUIRE(service::setSetting(*f.site, *f.admin, "kiosk.idle_timeout_s", "60").ok());
  CHECK(f.site->info().idleTimeoutSeconds == 60);
  REQUIRE(service::setSetting(*f.site, *f.admin, "site.name", "Meddygfa'r Bont").ok());
  CHECK(f.site->info().name == "Meddygfa'r Bont");
  REQUIRE(service::setSetting(*f.site, *f.admin, "queue.bloods", "B | Blood tests | Room 5").ok());
  CHECK(f.site->info().queues.back().id == "bloods");
  CHECK(service::getSetting(*f.site, "queue.bloods").value() == "B | Blood tests | Room 5");
}

TEST_CASE("bad keys and values are refused and change nothing") {
  Fixture f;
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "kiosk.idle_timeout", "60").ok());
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "kiosk.idle_timeout_s", "5").ok());
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "kiosk.idle_timeout_s", "60s").ok());
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "screen.rotation", "45").ok());
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "screen.size", "big").ok());
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "site.ods", "b82005").ok());
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "camera.device", "/etc/passwd").ok());
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "walkin.queue", "nowhere").ok());
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "queue.x", "AB | X | Y").ok());
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "queue.x", "A | X").ok());
  CHECK(service::getSetting(*f.site, "kiosk.idle_timeout_s").value() == "45");
  CHECK(f.site->info().queues.size() == 3);
}

TEST_CASE("a settings file applies whole, or not at all with the line named") {
  Fixture f;
  const std::string good =
      "# Riverside kiosk 2\n"
      "site.name = Riverside (kiosk 2)\n"
      "queue.bloods = B | Blood tests | Room 5\n"
      "walkin.queue = bloods\n"
      "match.before_min = 90\n";
  auto n = service::importSettings(*f.site, *f.admin, good);
  REQUIRE(n.ok());
  CHECK(n.value() == 4);
  CHECK(f.site->info().walkInQueueId == "bloods");
  CHECK(f.site->info().matchWindow.minutesBefore == 90);

  const std::string bad =
      "site.name = Changed\n"
      "match.after_min = 30\n"
      "kiosk.idle_timeout_s = never\n";
  auto r = service::importSettings(*f.site, *f.admin, bad);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("line 3") == 0);
  CHECK(f.site->info().name == "Riverside (kiosk 2)");
  CHECK(service::getSetting(*f.site, "match.after_min").value() == "60");
}

TEST_CASE("a device's role and whether a kiosk opens staff screens take only their words") {
  Fixture f;
  CHECK(service::getSetting(*f.site, "device.role").value() == "kiosk");
  CHECK(service::getSetting(*f.site, "kiosk.staff_screens").value() == "auto");
  for (const char* role : {"desk", "board", "kiosk"}) {
    REQUIRE(service::setSetting(*f.site, *f.admin, "device.role", role).ok());
    CHECK(service::getSetting(*f.site, "device.role").value() == role);
  }
  auto bad = service::setSetting(*f.site, *f.admin, "device.role", "Desk");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "'Desk' is not one of kiosk, desk or board.");
  CHECK_FALSE(service::setSetting(*f.site, *f.admin, "kiosk.staff_screens", "yes").ok());
  REQUIRE(service::setSetting(*f.site, *f.admin, "kiosk.staff_screens", "off").ok());
  CHECK(service::getSetting(*f.site, "kiosk.staff_screens").value() == "off");
  CHECK(service::getSetting(*f.site, "device.role").value() == "kiosk");
}
