// `site status` for each peer: last seen (the newest event held from it) and events behind (asked of
// the peer's own server), with real servers: behind while this device's replicator is stopped, caught
// up once it runs, unknown (not a guess) when the peer's server does not answer.
#include <catch2/catch.hpp>

#include "replica/site_status.h"
#include "support/site_device.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::Device;
using longstop::test::eventually;
using longstop::test::TempDir;

namespace {

void checkInSome(Device& d, int n) {
  for (int i = 0; i < n; ++i) {
    service::WalkInRequest req;
    req.patient.surname = "Quixwellington";
    req.patient.forenames = "Theodora";
    req.patient.dateOfBirth = {1961, 4, 1 + i % 28};
    req.queueId = "walkin";
    REQUIRE(d.kiosk->checkInWalkIn(req, false).ok());
    d.clock.advanceMs(1000);
  }
  if (d.replicator) d.replicator->wake();
}

replica::PeerStatus statusOf(Device& d, const std::string& peer) {
  auto s = replica::siteStatus(d.site().db(), 2000);
  REQUIRE(s.ok());
  for (const auto& p : s.value())
    if (p.device == peer) return p;
  FAIL("no status for " << peer);
  return {};
}

}  // namespace

TEST_CASE("site status: last seen and events behind for each peer") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk"), desk(tmp / "desk", "desk");
  test::mesh({&kiosk, &desk});
  kiosk.start();
  desk.startServer();  // the desk's replicator not yet running: it falls behind
  checkInSome(kiosk, 7);
  const int64_t kioskEvents = kiosk.scalar("SELECT count(*) FROM events");
  REQUIRE(eventually([&] { return statusOf(desk, kiosk.id()).eventsBehind == kioskEvents; }));
  auto before = statusOf(desk, kiosk.id());
  CHECK(before.reachable);
  CHECK_FALSE(before.lastSeenMs);
  CHECK(before.eventsHeld == 0);

  desk.startReplicator();
  REQUIRE(eventually([&] { return statusOf(desk, kiosk.id()).eventsBehind == 0; }));
  auto after = statusOf(desk, kiosk.id());
  CHECK(after.eventsHeld == kioskEvents);
  REQUIRE(after.lastSeenMs);
  CHECK(*after.lastSeenMs == kiosk.scalar("SELECT max(at_ms) FROM events"));

  kiosk.replicator->stop();
  kiosk.server->stop();
  auto gone = statusOf(desk, kiosk.id());
  CHECK_FALSE(gone.reachable);
  CHECK_FALSE(gone.eventsBehind);
  CHECK_FALSE(gone.unreachableWhy.empty());
  CHECK(gone.lastSeenMs == after.lastSeenMs);  // what it last heard stays
}
