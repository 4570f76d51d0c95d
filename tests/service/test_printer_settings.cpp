// The ticket printer's settings: printer.device takes a device, a network printer (tcp:HOST:PORT) or
// none; printer.paper takes 58 or 80. Anything else is refused with a sentence and changes nothing.
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
  std::string refusal(const std::string& key, const std::string& value) {
    auto s = service::setSetting(*site, *admin, key, value);
    return s.ok() ? std::string() : s.error().message;
  }
};
}  // namespace

TEST_CASE("printer.device takes a device, a network printer or none") {
  Fixture f;
  CHECK(service::getSetting(*f.site, "printer.device").value() == "none");
  for (const char* v :
       {"/dev/usb/lp0", "tcp:192.168.1.50:9100", "tcp:printer-2.local:9100", "tcp:10.0.0.9:1", "none"}) {
    INFO(v);
    REQUIRE(f.refusal("printer.device", v).empty());
    CHECK(service::getSetting(*f.site, "printer.device").value() == v);
  }
}

TEST_CASE("a printer.device that is no printer is refused with a sentence, and nothing changes") {
  Fixture f;
  REQUIRE(f.refusal("printer.device", "tcp:192.168.1.50:9100").empty());
  for (const char* v :
       {"tcp:192.168.1.50", "tcp::9100", "tcp:host:0", "tcp:host:65536", "tcp:host:91x0", "tcp:ho st:9100",
        "tcp:a;b:9100", "tcp:", "/etc/passwd", "/dev/../etc/passwd", "lp0", ""}) {
    INFO(v);
    const std::string why = f.refusal("printer.device", v);
    REQUIRE_FALSE(why.empty());
    CHECK(why.find("tcp:HOST:PORT") != std::string::npos);
  }
  CHECK(f.refusal("printer.device", "tcp:host:0") ==
        "'tcp:host:0' is not a network printer: write tcp:HOST:PORT, e.g. tcp:192.168.1.50:9100.");
  CHECK(service::getSetting(*f.site, "printer.device").value() == "tcp:192.168.1.50:9100");
}

TEST_CASE("printer.paper is 58 or 80 millimetres, 80 unless set") {
  Fixture f;
  CHECK(service::getSetting(*f.site, "printer.paper").value() == "80");
  REQUIRE(f.refusal("printer.paper", "58").empty());
  CHECK(service::getSetting(*f.site, "printer.paper").value() == "58");
  for (const char* v : {"57", "80mm", "384", "", " 80", "58.0"}) {
    INFO(v);
    CHECK(f.refusal("printer.paper", v) ==
          "'" + std::string(v) + "' is not a paper width: give 58 or 80 (millimetres).");
  }
  CHECK(service::getSetting(*f.site, "printer.paper").value() == "58");
  // A settings file with a bad width is refused whole, its line named.
  auto file =
      service::importSettings(*f.site, *f.admin, "printer.device = tcp:10.0.0.9:9100\nprinter.paper = 76\n");
  REQUIRE_FALSE(file.ok());
  CHECK(file.error().message.find("2") != std::string::npos);
  CHECK(service::getSetting(*f.site, "printer.device").value() == "none");
}
