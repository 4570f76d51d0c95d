// `site remove`: an administrator removes a device (lost, stolen, retired) from a device's roster. What
// it wrote before stays; what it writes after is refused by the puller, recorded and counted in site
// status, whatever stamps it puts on it. The removal is admin-signed, and undoing it behind the log's
// back is found by verify. Real nats-servers on loopback, real SQLite files.
#include <catch2/catch.hpp>

#include "replica/site_status.h"
#include "service/site_check.h"
#include "support/site_device.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::Device;
using longstop::test::eventually;
using longstop::test::TempDir;

namespace {

std::vector<std::string> checkInSome(Device& d, int n) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) {
    service::WalkInRequest req;
    req.patient.surname = "Quixwellington";
    req.patient.forenames = "Theodora";
    req.patient.dateOfBirth = {1961, 4, 1 + i % 28};
    req.queueId = "walkin";
    auto t = d.kiosk->checkInWalkIn(req, false);
    REQUIRE(t.ok());
    ids.push_back(t->recordId);
    d.clock.advanceMs(1000);
  }
  if (d.replicator) d.replicator->wake();
  return ids;
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

TEST_CASE("a removed device's events after its removal are refused and reported; those before stay") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk"), desk(tmp / "desk", "desk");
  test::mesh({&kiosk, &desk});
  kiosk.start();
  desk.start();
  const auto ids = checkInSome(kiosk, 3);
  const std::string held = "SELECT count(*) FROM peer_events WHERE origin = '" + kiosk.id() + "'";
  const int64_t before = kiosk.scalar("SELECT count(*) FROM events");
  REQUIRE(eventually([&] { return desk.scalar(held) == before; }));

  REQUIRE(service::removePeer(desk.site(), *desk.admin, kiosk.id()).ok());
  // The kiosk goes on writing, its clock set an hour back as a thief's might be: all of it is refused.
  kiosk.clock.advanceMs(-3600 * 1000);
  checkInSome(kiosk, 2);
  const int64_t after = kiosk.scalar("SELECT count(*) FROM events");
  REQUIRE(after > before);
  const std::string refusals = "SELECT count(*) FROM site_refusals WHERE origin = '" + kiosk.id() +
                               "' AND reason LIKE '%was removed from the site%'";
  REQUIRE(eventually([&] { return desk.scalar(refusals) == after - before; }));
  CHECK(desk.scalar(held) == before);
  CHECK(desk.scalar("SELECT count(*) FROM peer_events WHERE origin = '" + kiosk.id() +
                    "' AND kind = 'checkin'") == 3);
  const auto st = statusOf(desk, kiosk.id());
  CHECK(st.removed);
  CHECK(st.refused == after - before);
  CHECK(st.eventsHeld == before);
  // The kiosk, which did not remove the desk, still takes the desk's events.
  REQUIRE(service::siteAction(desk.site(), *desk.admin, ids[0], core::CheckinAction::kCall, "Room 1").ok());
  desk.replicator->wake();
  CHECK(eventually([&] {
    return kiosk.scalar("SELECT count(*) FROM peer_events WHERE origin = '" + desk.id() +
                        "' AND kind = 'call'") == 1;
  }));
  // The removal is signed: verify is content; undone behind the log's back, verify says so.
  auto check = service::checkSite(desk.site().db());
  REQUIRE(check.ok());
  INFO((check->problems.empty() ? "" : check->problems.front()));
  CHECK(check->sound());
  desk.replicator->stop();
  REQUIRE(desk.site()
              .db()
              .exec("UPDATE peers SET removed_ms = NULL WHERE device_id = '" + kiosk.id() + "'")
              .ok());
  auto roster = service::checkRoster(desk.site().db());
  REQUIRE(roster.ok());
  REQUIRE(roster->size() == 1);
  CHECK(roster->front().find("removal was undone outside Longstop") != std::string::npos);
}

TEST_CASE("site remove refuses an unknown device and a second removal; a planted removal is found") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk"), desk(tmp / "desk", "desk");
  desk.trust(kiosk);
  auto unknown = service::removePeer(desk.site(), *desk.admin, "ZZZZ");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().code == core::ErrorCode::kNotFound);
  REQUIRE(service::removePeer(desk.site(), *desk.admin, kiosk.id()).ok());
  auto again = service::removePeer(desk.site(), *desk.admin, kiosk.id());
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == core::ErrorCode::kConflict);
  CHECK(desk.scalar("SELECT count(*) FROM events WHERE kind = 'peer-removed'") == 1);
  // A removal planted in the table, with no administrator's signature, is found by verify.
  Device other(tmp / "other");
  other.trust(kiosk);
  REQUIRE(
      other.site().db().exec("UPDATE peers SET removed_ms = 1 WHERE device_id = '" + kiosk.id() + "'").ok());
  auto roster = service::checkRoster(other.site().db());
  REQUIRE(roster.ok());
  REQUIRE(roster->size() == 1);
  CHECK(roster->front().find("marked removed without an administrator's signature") != std::string::npos);
}
