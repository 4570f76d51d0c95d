// The real kiosk on a small real file system (card_full.sh mounts it and names it in
// LONGSTOP_SMALL_CARD): when the card fills, the patient who tries to check in is sent to reception,
// the kiosk stays up showing why, nothing acknowledged is lost, and it takes check-ins again once space
// is made; on a read-only card the same, until the card can be written again. Time is the test's clock.
#include <catch2/catch.hpp>

#include <sys/mount.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "app/kiosk_app.h"
#include "app/script.h"
#include "app/script_runner.h"
#include "service/kiosk.h"
#include "store/database.h"
#include "support/clocks.h"

using namespace longstop;
namespace fs = std::filesystem;

namespace {

fs::path card() {
  const char* c = std::getenv("LONGSTOP_SMALL_CARD");
  REQUIRE(c != nullptr);  // run through card_full.sh
  return c;
}

fs::path shotsDir() {
  const char* d = std::getenv("LONGSTOP_TEST_SHOTS");
  fs::path p = d ? fs::path(d) : fs::temp_directory_path() / "longstop-shots";
  fs::create_directories(p);
  return p;
}

// Fills the card with one file until the file system refuses more.
void fill(const fs::path& file) {
  std::FILE* f = std::fopen(file.c_str(), "wb");
  REQUIRE(f);
  static const std::string block(64 * 1024, '\0');
  while (std::fwrite(block.data(), 1, block.size(), f) == block.size() && std::fflush(f) == 0) {
  }
  std::fclose(f);
}

// Read as every reader of the card reads it (read-only, and without the shared index on a card that
// cannot make one).
int64_t checkinsOnCard(const fs::path& site) {
  auto db = store::Database::open(site / "longstop.db", {.readOnly = true});
  INFO((db.ok() ? std::string() : db.error().message));
  REQUIRE(db.ok());
  auto st = (*db)->prepare("SELECT count(*) FROM checkins");
  REQUIRE(st.ok());
  REQUIRE(st->step().value_or(false));
  return st->columnInt(0);
}

// A walk-in through the patient's screens, as far as the answer: the ticket or the refusal.
constexpr const char* kWalkIn = R"(tap "Check in"
tap "No, I'm a walk-in"
tap "Q"
tap "Next"
tap "R"
tap "Next"
type "30092001"
tap "Next"
tap "Female"
tap "I don't know it"
tap "Walk-in"
tap "No"
)";

struct Kiosk {
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  std::unique_ptr<app::KioskApp> app;
  std::unique_ptr<app::ScriptRunner> runner;

  explicit Kiosk(const fs::path& site) {
    app::AppOptions o;
    o.dataDir = site;
    o.display = {1280, 800, true, false, "", 0};
    auto opened = app::KioskApp::open(o, clock);
    REQUIRE(opened.ok());
    app = std::move(opened.value());
    runner = std::make_unique<app::ScriptRunner>(*app, clock);
  }
  std::string script(const std::string& text) {
    auto parsed = app::parseScript(text);
    REQUIRE_FALSE(parsed.error);
    return runner->run(parsed.commands, "test");
  }
  /// True when the walk-in got a ticket; the kiosk is back on Welcome either way.
  bool walkIn() {
    const std::string failure = script(kWalkIn);
    INFO(failure);
    REQUIRE(failure.empty());
    app->frame();
    const bool ticket = app->widgets().showsText("Your number is");
    if (!ticket) CHECK(app->widgets().showsText("Sorry, please see reception"));
    CHECK_FALSE(app->widgets().showsText("Try again"));
    (void)script("tap \"Done\"\n");
    return ticket;
  }
  void later(int64_t ms) {
    clock.advanceMs(ms);
    (void)app->tick();
    app->frame();
  }
  bool shows(const char* text) {
    app->frame();
    return app->widgets().showsText(text);
  }
};

}  // namespace

TEST_CASE("a card that fills sends patients to reception, keeps every check-in and recovers with space") {
  const fs::path site = card() / "full-site";
  core::ManualClock made{test::localTime(2026, 11, 29, 9, 0)};
  REQUIRE(service::createDemoSite(site, made).ok());
  Kiosk k(site);
  REQUIRE(k.walkIn());
  int64_t acknowledged = 1;

  fill(card() / "filler");
  // SQLite reuses WAL space it already holds: a few more may still fit before one is refused.
  bool refused = false;
  for (int i = 0; i < 40 && !refused; ++i) {
    if (k.walkIn())
      ++acknowledged;
    else
      refused = true;
  }
  REQUIRE(refused);
  k.later(1000);
  REQUIRE(k.app->fault());
  CHECK(k.app->fault()->find("The data card is full") != std::string::npos);
  CHECK(k.shows("Please check in at reception"));
  CHECK(k.shows("The data card is full"));
  CHECK_FALSE(k.shows("Check in"));
  REQUIRE(k.app->screenshot(shotsDir() / "card-full-1280x800.png").ok());
  CHECK(checkinsOnCard(site) == acknowledged);

  // Still full after the retry interval: it stays on the fault, up and untouched by presses.
  k.later(app::kFaultRetryMs);
  CHECK(k.shows("Please check in at reception"));

  fs::remove(card() / "filler");
  k.later(app::kFaultRetryMs);
  CHECK_FALSE(k.app->fault());
  REQUIRE(k.shows("Check in"));
  REQUIRE(k.walkIn());
  ++acknowledged;
  CHECK(checkinsOnCard(site) == acknowledged);
}

TEST_CASE("a kiosk started on a read-only card says so, stays up, and takes check-ins once it is writable") {
  const fs::path site = card() / "ro-site";
  core::ManualClock made{test::localTime(2026, 11, 29, 9, 0)};
  REQUIRE(service::createDemoSite(site, made).ok());
  {
    Kiosk first(site);
    REQUIRE(first.walkIn());
  }
  REQUIRE(mount(nullptr, card().c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0);
  {
    Kiosk k(site);
    REQUIRE(k.app->fault());
    CHECK(k.app->fault()->find("The data card is read-only") != std::string::npos);
    CHECK(k.shows("Please check in at reception"));
    REQUIRE(k.app->screenshot(shotsDir() / "card-read-only-1280x800.png").ok());
    k.later(app::kFaultRetryMs);
    CHECK(k.shows("Please check in at reception"));
    CHECK(checkinsOnCard(site) == 1);

    const int rw = mount(nullptr, card().c_str(), nullptr, MS_REMOUNT, nullptr);
    INFO(std::strerror(errno));
    REQUIRE(rw == 0);
    k.later(app::kFaultRetryMs);
    CHECK_FALSE(k.app->fault());
    REQUIRE(k.walkIn());
  }
  CHECK(checkinsOnCard(site) == 2);
}
