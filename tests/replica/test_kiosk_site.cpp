// The kiosk program (KioskApp, headless with SDL's offscreen driver) takes part in its site by itself:
// with a peer in its roster and `site.listen` set, it starts its own nats-server and replicator on
// threads of their own, stepped on the kiosk's clock; a check-in made on it reaches the peer; closing
// it stops its server. A site of one starts nothing. Real nats-servers on loopback, real SQLite files.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/kiosk_app.h"
#include "replica/stream_client.h"
#include "service/settings.h"
#include "support/site_device.h"
#include "support/temp_dir.h"

using namespace longstop;
namespace fs = std::filesystem;
using test::eventually;

namespace {

std::unique_ptr<app::KioskApp> openKioskOn(const fs::path& data, const core::Clock& clock) {
  app::AppOptions o;
  o.dataDir = data;
  o.display = {1280, 800, true, false, "", 0};
  auto opened = app::KioskApp::open(o, clock);
  REQUIRE(opened.ok());
  return std::move(opened.value());
}

service::WalkInRequest walkIn() {
  service::WalkInRequest req;
  req.patient.surname = "Quixwellington";
  req.patient.forenames = "Theodora";
  req.patient.dateOfBirth = {1961, 4, 1};
  req.queueId = "walkin";
  return req;
}

struct KioskSite {
  fs::path dir;
  std::string id, signKey, url;
};

// A kiosk's data directory whose roster names `peer` and whose server is to listen on a free port.
KioskSite makeKioskSite(const fs::path& dir, core::ManualClock& clock, test::Device* peer) {
  auto made = service::Site::create(dir, {"B82005", "Riverside", {}}, clock);
  REQUIRE(made.ok());
  auto kiosk = service::openKiosk(dir, clock);
  REQUIRE(kiosk.ok());
  service::Site& site = kiosk.value()->siteData();
  auto admin = service::recoverySession(site, made->recoveryCode);
  REQUIRE(admin.ok());
  auto port = replica::freePort("127.0.0.1");
  REQUIRE(port.ok());
  const std::string listen = "127.0.0.1:" + std::to_string(port.value());
  REQUIRE(service::setSetting(site, *admin.value(), "site.listen", listen).ok());
  if (peer)
    REQUIRE(service::addPeer(site, *admin.value(),
                             {peer->id(), peer->site().signPublicKey(), peer->url(), "desk", 0, {}})
                .ok());
  return {dir, site.info().deviceId, site.signPublicKey(), "nats://" + listen};
}

// Steps the kiosk on its own clock, a quarter of a second a tick, until `done` (the threads it runs
// do the work between ticks; the condition is awaited, never a time).
bool stepUntil(app::KioskApp& app, core::ManualClock& clock, const std::function<bool()>& done) {
  return eventually([&] {
    clock.advanceMs(250);
    (void)app.tick();
    return done();
  });
}

}  // namespace

TEST_CASE("a kiosk with a peer replicates by itself: its check-in reaches the peer's database") {
  test::TempDir tmp;
  test::Device desk(tmp / "desk", "desk");
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  const KioskSite k = makeKioskSite(tmp / "kiosk", clock, &desk);
  REQUIRE(service::addPeer(desk.site(), *desk.admin, {k.id, k.signKey, k.url, "kiosk", 0, {}}).ok());
  desk.start();

  auto app = openKioskOn(k.dir, clock);
  app->frame();
  REQUIRE(stepUntil(*app, clock, [&] {
    auto* r = app->siteReplication() ? app->siteReplication()->runner() : nullptr;
    return r && r->status().serverRunning;
  }));
  auto ticket = app->kiosk().checkInWalkIn(walkIn(), false);
  REQUIRE(ticket.ok());
  app->frame();
  const std::string fromKiosk = "SELECT count(*) FROM peer_events WHERE origin = '" + k.id + "'";
  REQUIRE(stepUntil(*app, clock, [&] {
    return desk.scalar(fromKiosk + " AND kind = 'checkin' AND record_id = '" + ticket->recordId + "'") == 1;
  }));
  // The desk holds the kiosk's whole log, once, and a call at the desk comes back to the kiosk's table.
  auto kioskEvents = [&] {
    auto db = store::Database::open(service::Site::databasePath(k.dir), {.readOnly = true});
    REQUIRE(db.ok());
    auto st = db.value()->prepare("SELECT count(*) FROM events");
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    return st->columnInt(0);
  };
  REQUIRE(stepUntil(*app, clock, [&] { return desk.scalar(fromKiosk) == kioskEvents(); }));
  REQUIRE(
      service::siteAction(desk.site(), *desk.admin, ticket->recordId, core::CheckinAction::kCall, "Room 3")
          .ok());
  desk.replicator->wake();
  CHECK(stepUntil(*app, clock, [&] {
    auto v = app->kiosk().siteData().db().prepare("SELECT count(*) FROM checkins WHERE state = 'called'");
    return v.ok() && v->step().value() && v->columnInt(0) == 1;
  }));
  CHECK(desk.scalar("SELECT count(*) FROM site_refusals") == 0);

  // Closing the kiosk stops its replicator and its server: nothing answers on its address after.
  app.reset();
  CHECK_FALSE(replica::connectNats(k.url, 500).ok());
}

TEST_CASE("a kiosk that is a site of one starts no server") {
  test::TempDir tmp;
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  const KioskSite k = makeKioskSite(tmp / "kiosk", clock, nullptr);
  auto app = openKioskOn(k.dir, clock);
  for (int i = 0; i < 20; ++i) {
    clock.advanceMs(250);
    (void)app->tick();
  }
  REQUIRE(app->siteReplication());
  CHECK(app->siteReplication()->runner() == nullptr);
  CHECK_FALSE(fs::exists(k.dir / "nats"));
  CHECK_FALSE(replica::connectNats(k.url, 200).ok());
}

TEST_CASE("site.listen takes an IPv4 address and port, or none, and refuses anything else") {
  test::TempDir tmp;
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  auto made = service::Site::create(tmp / "k", {"B82005", "Riverside", {}}, clock);
  REQUIRE(made.ok());
  auto kiosk = service::openKiosk(tmp / "k", clock);
  REQUIRE(kiosk.ok());
  service::Site& site = kiosk.value()->siteData();
  auto admin = service::recoverySession(site, made->recoveryCode);
  REQUIRE(admin.ok());
  for (const char* bad : {"", "4222", "localhost:4222", "10.0.0.2", "10.0.0.2:0", "10.0.0.2:65536",
                          "10.0.0:4222", "10.0.0.2:42x2", ":4222", "10.0.0.2:4222 "}) {
    INFO("'" << bad << "'");
    auto s = service::setSetting(site, *admin.value(), "site.listen", bad);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message.find("IPv4 address and a port") != std::string::npos);
    CHECK_FALSE(replica::parseListen(bad).ok());
  }
  CHECK(service::getSetting(site, "site.listen").value() == "none");
  REQUIRE(service::setSetting(site, *admin.value(), "site.listen", "10.0.0.2:4222").ok());
  CHECK(replica::parseListen("10.0.0.2:4222").value() == std::make_pair(std::string("10.0.0.2"), 4222));
  REQUIRE(service::setSetting(site, *admin.value(), "site.listen", "none").ok());
}
