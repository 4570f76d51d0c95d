// A device's nats-server that dies (kill -9 from outside, as a crash or the OOM killer would) is
// started again by its supervisor after a backoff, stepped on the test's clock; replication then
// resumes by itself, and every event reaches the peer once.
#include <catch2/catch.hpp>

#include <signal.h>

#include "replica/supervisor.h"
#include "service/site_check.h"
#include "support/site_device.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::Device;
using longstop::test::eventually;
using longstop::test::TempDir;
using Step = replica::ServerSupervisor::Step;

namespace {

service::WalkInRequest walkIn(int i) {
  service::WalkInRequest req;
  req.patient.surname = "Quixwellington";
  req.patient.forenames = "Theodora";
  req.patient.dateOfBirth = {1961, 4, 1 + i % 28};
  req.queueId = "walkin";
  return req;
}

void checkInSome(Device& d, int n) {
  for (int i = 0; i < n; ++i) {
    REQUIRE(d.kiosk->checkInWalkIn(walkIn(i), false).ok());
    d.clock.advanceMs(1000);
  }
  d.replicator->wake();
}

// kill -9 from outside, and wait until the child is gone (the kernel's doing, not a timer).
void crash(replica::ServerProcess& server) {
  REQUIRE(server.pid() > 0);
  REQUIRE(::kill(server.pid(), SIGKILL) == 0);
  REQUIRE(eventually([&] { return !server.alive(); }));
}

bool allArrived(Device& kiosk, Device& desk) {
  return desk.scalar("SELECT count(*) FROM peer_events WHERE origin = '" + kiosk.id() + "'") ==
         kiosk.scalar("SELECT count(*) FROM events");
}

}  // namespace

TEST_CASE(
    "a server killed with SIGKILL is restarted after a backoff and replication resumes, nothing lost or "
    "repeated") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk"), desk(tmp / "desk", "desk");
  test::mesh({&kiosk, &desk});
  kiosk.start();
  desk.start();
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  auto now = [&] { return clock.now().unixMs; };
  replica::ServerSupervisor supervisor(*kiosk.server, {.firstMs = 250, .maxMs = 4000, .stableMs = 60000});
  CHECK(supervisor.tick(now()) == Step::kRunning);
  checkInSome(kiosk, 10);
  REQUIRE(eventually([&] { return allArrived(kiosk, desk); }));

  crash(*kiosk.server);
  checkInSome(kiosk, 15);  // the kiosk goes on alone
  CHECK(supervisor.tick(now()) == Step::kWaiting);
  REQUIRE(supervisor.nextAttemptMs() == now() + 250);
  clock.advanceMs(249);
  CHECK(supervisor.tick(now()) == Step::kWaiting);
  CHECK_FALSE(kiosk.server->running());
  clock.advanceMs(1);
  REQUIRE(supervisor.tick(now()) == Step::kRestarted);
  CHECK(supervisor.restarts() == 1);
  kiosk.replicator->wake();
  REQUIRE(eventually([&] { return allArrived(kiosk, desk); }));

  // A second death soon after: the wait doubles.
  crash(*kiosk.server);
  checkInSome(kiosk, 5);
  CHECK(supervisor.tick(now()) == Step::kWaiting);
  REQUIRE(supervisor.nextAttemptMs() == now() + 500);
  clock.advanceMs(500);
  REQUIRE(supervisor.tick(now()) == Step::kRestarted);
  kiosk.replicator->wake();
  REQUIRE(eventually([&] { return allArrived(kiosk, desk); }));

  // A server that stays up a minute earns the first wait back.
  clock.advanceMs(60000);
  CHECK(supervisor.tick(now()) == Step::kRunning);
  crash(*kiosk.server);
  CHECK(supervisor.tick(now()) == Step::kWaiting);
  CHECK(supervisor.nextAttemptMs() == now() + 250);
  clock.advanceMs(250);
  REQUIRE(supervisor.tick(now()) == Step::kRestarted);
  checkInSome(kiosk, 3);
  REQUIRE(eventually([&] { return allArrived(kiosk, desk) && kiosk.digest() == desk.digest(); }));
  // Once each: the desk's copy of the kiosk's chain is the kiosk's log, row for row, and verifies.
  CHECK(desk.scalar("SELECT max(origin_seq) FROM peer_events WHERE origin = '" + kiosk.id() + "'") ==
        kiosk.scalar("SELECT max(seq) FROM events"));
  CHECK(desk.scalar("SELECT count(*) FROM site_refusals") == 0);
  auto check = service::checkSite(desk.site().db());
  REQUIRE(check.ok());
  CHECK(check->sound());
}

TEST_CASE(
    "a server that cannot start is tried again with doubling waits up to the ceiling, never in a tight "
    "loop") {
  TempDir tmp;
  replica::ServerProcess server({tmp.path(), "127.0.0.1", 1, "K7QX", "false"});  // exits at once
  replica::ServerSupervisor supervisor(server, {.firstMs = 250, .maxMs = 2000, .stableMs = 60000});
  int64_t now = 1000;
  std::vector<int64_t> waits;
  CHECK(supervisor.tick(now) == Step::kWaiting);
  for (int i = 0; i < 6; ++i) {
    const int64_t at = *supervisor.nextAttemptMs();
    waits.push_back(at - now);
    CHECK(supervisor.tick(at - 1) == Step::kWaiting);
    now = at;
    CHECK(supervisor.tick(now) == Step::kRestartFailed);
    CHECK_FALSE(supervisor.lastError().empty());
  }
  CHECK(waits == std::vector<int64_t>{250, 500, 1000, 2000, 2000, 2000});
  CHECK(supervisor.restarts() == 0);
}
