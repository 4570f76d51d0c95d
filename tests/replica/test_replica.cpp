// Devices of one site with real nats-server processes on loopback ports chosen at run time, real
// SQLite files, each test in its own temp directories. Waits are for conditions, with long timeouts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "core/hlc.h"

#include "crypto/primitives.h"
#include "replica/outbox.h"
#include "replica/stream_client.h"
#include "replica/wire.h"
#include "service/site_check.h"
#include "store/site_log.h"
#include "support/site_device.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::Device;
using longstop::test::eventually;
using longstop::test::TempDir;

namespace {

service::WalkInRequest walkIn(int i) {
  service::WalkInRequest req;
  req.patient.surname = i % 2 ? "Quixwellington" : "Abernathy-Roe";
  req.patient.forenames = "Theodora";
  req.patient.dateOfBirth = {1961, 4, 1 + i % 28};
  req.patient.nhsNumber = core::parseNhsNumber("999 000 0042").value();
  req.queueId = "walkin";
  return req;
}

std::vector<std::string> checkInSome(Device& d, int n) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) {
    auto t = d.kiosk->checkInWalkIn(walkIn(i), false);
    REQUIRE(t.ok());
    ids.push_back(t->recordId);
    d.clock.advanceMs(1000);
  }
  if (d.replicator) d.replicator->wake();
  return ids;
}

size_t checkinsKnown(Device& d) {
  auto s = service::foldedState(d.site().db(), d.id());
  return s.ok() ? s->checkins.size() : 0;
}

size_t inState(Device& d, core::CheckinState state) {
  auto s = service::foldedState(d.site().db(), d.id());
  size_t n = 0;
  if (s.ok())
    for (const auto& [id, c] : s->checkins) n += c.state == state;
  return n;
}

bool converged(std::initializer_list<Device*> devices) {
  std::string first;
  int64_t events = -1;
  for (Device* d : devices) {
    auto s = service::foldedState(d->site().db(), d->id());
    if (!s.ok()) return false;
    if (events < 0) events = s->events;
    if (s->events != events) return false;
    const std::string digest = service::stateDigest(s.value());
    if (first.empty()) first = digest;
    if (digest != first) return false;
  }
  return true;
}

void requireSound(Device& d) {
  auto check = service::checkSite(d.site().db());
  REQUIRE(check.ok());
  INFO(d.id() << ": " << (check->problems.empty() ? "" : check->problems.front()));
  CHECK(check->sound());
}

}  // namespace

TEST_CASE("two devices: check-ins on the kiosk, calls at the desk, both hold the same events and state") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk"), desk(tmp / "desk", "desk");
  test::mesh({&kiosk, &desk});
  kiosk.start();
  desk.start();
  const auto ids = checkInSome(kiosk, 20);
  REQUIRE(eventually([&] { return checkinsKnown(desk) == 20; }));
  for (int i = 0; i < 10; ++i)
    REQUIRE(service::siteAction(desk.site(), *desk.admin, ids[i], core::CheckinAction::kCall, "Room 3").ok());
  desk.replicator->wake();
  REQUIRE(eventually([&] { return converged({&kiosk, &desk}); }));
  CHECK(inState(kiosk, core::CheckinState::kCalled) == 10);
  CHECK(inState(kiosk, core::CheckinState::kWaiting) == 10);
  // The kiosk's own table, which its screens and board read, follows the desk's calls.
  CHECK(
      eventually([&] { return kiosk.scalar("SELECT count(*) FROM checkins WHERE state = 'called'") == 10; }));
  CHECK(kiosk.scalar("SELECT count(*) FROM checkins WHERE state = 'called' AND called_ms IS NOT NULL") == 10);
  // A call the fold does not allow is refused at the desk, before anything is written.
  auto again = service::siteAction(desk.site(), *desk.admin, ids[0], core::CheckinAction::kCall, "Room 3");
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == core::ErrorCode::kConflict);
  // Every event arrived once: the kiosk's stream on the desk is the kiosk's own log, row for row.
  CHECK(desk.scalar("SELECT count(*) FROM peer_events WHERE origin = '" + kiosk.id() + "'") ==
        kiosk.scalar("SELECT count(*) FROM events"));
  CHECK(kiosk.scalar("SELECT count(*) FROM peer_events WHERE kind = 'call'") == 10);
  // The sealed details travelled with the check-ins, still sealed.
  CHECK(desk.scalar("SELECT count(*) FROM peer_events WHERE kind = 'checkin' AND sealed IS NOT NULL") == 20);
  CHECK(desk.scalar("SELECT count(*) FROM site_refusals") == 0);
  requireSound(kiosk);
  requireSound(desk);
  kiosk.replicator->stop();
  desk.replicator->stop();
  kiosk.server->stop();
  desk.server->stop();
  // Nothing that names a patient in either device's files: the SQLite file, its WAL, the stream files.
  for (const auto& e : std::filesystem::recursive_directory_iterator(tmp.path())) {
    if (!e.is_regular_file()) continue;
    const std::string bytes = test::readAll(e.path());
    INFO(e.path());
    for (const char* secret : {"Quixwellington", "Abernathy", "Theodora", "9990000042", "999 000 0042"})
      CHECK(bytes.find(secret) == std::string::npos);
  }
}

TEST_CASE(
    "three devices, 300 check-ins: two desks call the same patients while apart; all three agree on who "
    "won") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk"), desk1(tmp / "desk1", "desk"), desk2(tmp / "desk2", "desk");
  test::mesh({&kiosk, &desk1, &desk2});
  kiosk.start();
  desk1.start();
  desk2.start();
  const auto ids = checkInSome(kiosk, 300);
  REQUIRE(eventually([&] { return checkinsKnown(desk1) == 300 && checkinsKnown(desk2) == 300; }));
  // The desks cannot see each other for a while: both call the first five, each its own next five.
  desk1.replicator->stop();
  desk2.replicator->stop();
  for (int i = 0; i < 5; ++i) {
    REQUIRE(
        service::siteAction(desk1.site(), *desk1.admin, ids[i], core::CheckinAction::kCall, "Room 1").ok());
    REQUIRE(
        service::siteAction(desk2.site(), *desk2.admin, ids[i], core::CheckinAction::kCall, "Room 2").ok());
    REQUIRE(service::siteAction(desk1.site(), *desk1.admin, ids[10 + i], core::CheckinAction::kCall).ok());
    REQUIRE(service::siteAction(desk2.site(), *desk2.admin, ids[20 + i], core::CheckinAction::kCall).ok());
  }
  checkInSome(kiosk, 5);
  desk1.startReplicator();
  desk2.startReplicator();
  REQUIRE(eventually([&] { return converged({&kiosk, &desk1, &desk2}); }));
  auto state = service::foldedState(kiosk.site().db(), kiosk.id());
  REQUIRE(state.ok());
  CHECK(state->checkins.size() == 305);
  CHECK(inState(kiosk, core::CheckinState::kCalled) == 15);
  // Each doubly called patient: one call applied, the other kept in the log and listed as a conflict.
  REQUIRE(state->conflicts.size() == 5);
  for (const auto& c : state->conflicts) CHECK(c.kind == "call");
  requireSound(kiosk);
  requireSound(desk1);
  requireSound(desk2);
}

TEST_CASE("a device's server killed and restarted later: every event reaches every device, once") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk"), desk(tmp / "desk", "desk");
  test::mesh({&kiosk, &desk});
  kiosk.start();
  desk.start();
  const auto first = checkInSome(kiosk, 10);
  REQUIRE(eventually([&] { return checkinsKnown(desk) == 10; }));
  desk.server->kill();
  // Both sides go on working alone: the kiosk checks in, the desk calls what it can see.
  const auto second = checkInSome(kiosk, 15);
  for (int i = 0; i < 5; ++i)
    REQUIRE(service::siteAction(desk.site(), *desk.admin, first[i], core::CheckinAction::kCall).ok());
  kiosk.server->kill();  // and the kiosk's too, mid-stream: its stream is filled again from SQLite
  kiosk.startServer();
  desk.startServer();
  REQUIRE(eventually([&] { return converged({&kiosk, &desk}); }));
  CHECK(checkinsKnown(desk) == 25);
  CHECK(inState(kiosk, core::CheckinState::kCalled) == 5);
  CHECK(desk.scalar("SELECT count(*) FROM peer_events") == kiosk.scalar("SELECT count(*) FROM events"));
  CHECK(kiosk.scalar("SELECT count(*) FROM peer_events") == desk.scalar("SELECT count(*) FROM events"));
  CHECK(desk.scalar("SELECT max(origin_seq) FROM peer_events") ==
        kiosk.scalar("SELECT max(seq) FROM events"));
  requireSound(kiosk);
  requireSound(desk);
}

TEST_CASE("two kiosks check in on the same day: every ticket of the site is different, short and speakable") {
  TempDir tmp;
  Device a(tmp / "a"), b(tmp / "b");
  test::mesh({&a, &b});
  // Blocks set today apply from tomorrow: today's numbers already given are never given again.
  REQUIRE(service::setTicketBlock(a.site(), *a.admin, 0, 2).ok());
  REQUIRE(service::setTicketBlock(b.site(), *b.admin, 1, 2).ok());
  auto today = a.kiosk->checkInWalkIn(walkIn(1), false);
  REQUIRE(today.ok());
  CHECK(today->ticketNumber == "W001");
  REQUIRE_FALSE(service::setTicketBlock(a.site(), *a.admin, 2, 2).ok());
  for (Device* d : {&a, &b}) d->clock.advanceMs(24 * 3600 * 1000);
  a.start();
  b.start();
  std::vector<std::string> tickets;
  for (int i = 0; i < 12; ++i) {
    Device& d = i % 3 ? a : b;
    auto t = d.kiosk->checkInWalkIn(walkIn(i), false);
    REQUIRE(t.ok());
    tickets.push_back(t->ticketNumber);
  }
  CHECK(tickets[0] == "W002");  // b's first: slot 1
  CHECK(tickets[1] == "W001");  // a's first of the new day: slot 0
  CHECK(tickets[2] == "W003");
  a.replicator->wake();
  b.replicator->wake();
  REQUIRE(eventually([&] { return converged({&a, &b}); }));
  auto state = service::foldedState(a.site().db(), a.id());
  REQUIRE(state.ok());
  std::set<std::string> seen;
  for (const auto& [id, c] : state->checkins) {
    if (c.arrivedHlc < core::legacyHlc(a.clock.now().unixMs - 3600000)) continue;  // yesterday's
    CHECK(seen.insert(c.ticket).second);
    CHECK(c.ticket.size() == 4);
  }
  CHECK(seen.size() == 12);
  requireSound(a);
  requireSound(b);
}

TEST_CASE(
    "the outbox writes nothing to SQLite (no fsync added to a check-in) and republishes nothing twice") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk");
  kiosk.startServer();
  checkInSome(kiosk, 5);
  // The outbox's own connection refuses every write: publishing must not need one.
  auto db = store::Database::open(service::Site::databasePath(kiosk.dir), {});
  REQUIRE(db.ok());
  REQUIRE((*db)->TEST_refuseWrites().ok());
  auto client = replica::connectNats(kiosk.url(), 5000);
  REQUIRE(client.ok());
  const std::string stream = replica::streamName(kiosk.id());
  const int64_t events = kiosk.scalar("SELECT count(*) FROM events");
  {
    replica::Outbox outbox(**db, **client, "B82005", kiosk.id());
    REQUIRE(outbox.start().ok());
    auto n = outbox.publishPending();
    REQUIRE(n.ok());
    CHECK(n.value() == events);
  }
  // A second outbox (a restart) finds where the first stopped, in the stream itself.
  checkInSome(kiosk, 2);
  replica::Outbox again(**db, **client, "B82005", kiosk.id());
  REQUIRE(again.start().ok());
  CHECK(again.published() == events);
  auto n = again.publishPending();
  REQUIRE(n.ok());
  CHECK(n.value() == kiosk.scalar("SELECT count(*) FROM events") - events);
  auto last = (*client)->lastSeq(stream);
  REQUIRE(last.ok());
  CHECK(static_cast<int64_t>(last.value()) == kiosk.scalar("SELECT count(*) FROM events"));
}
