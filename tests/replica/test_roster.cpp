// The roster as replicated signed events, with three devices: a desk joins the kiosk, a board joins
// through the desk, and the kiosk learns the board (and the board the kiosk) from the desk's events;
// a removal made on the kiosk applies on the desk; a roster event without the site admin key's
// signature changes no roster and is reported. Real nats-servers on loopback, real SQLite files.
#include <catch2/catch.hpp>

#include <atomic>

#include "replica/join_responder.h"
#include "replica/stream_client.h"
#include "service/site_join.h"
#include "service/site_roster.h"
#include "store/event_log.h"
#include "support/site_device.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::Device;
using longstop::test::eventually;
using longstop::test::TempDir;

namespace {

const service::JoinTransport kSend = [](const std::string& url, const std::string& subject,
                                        const std::string& request) -> core::Result<std::string> {
  auto client = replica::connectNats(url, 5000);
  if (!client.ok()) return client.error();
  return client.value()->request(subject, request, 10000);
};

// One data directory taking part: its server, replicator (following the roster and the fold, as
// `site serve` does) and join responder.
struct Member {
  std::filesystem::path dir;
  std::string id;
  int port = 0;
  std::unique_ptr<replica::ServerProcess> server;
  std::unique_ptr<replica::Replicator> replicator;
  std::unique_ptr<replica::JoinResponder> responder;
  core::Instant at;

  Member(std::filesystem::path d, std::string deviceId, int p, core::Instant now)
      : dir(std::move(d)), id(std::move(deviceId)), port(p), at(now) {
    server = std::make_unique<replica::ServerProcess>(
        replica::ServerConfig{dir, "127.0.0.1", port, id, "nats-server"});
    REQUIRE(server->start().ok());
    replicator = std::make_unique<replica::Replicator>(
        replica::ReplicatorConfig{.databasePath = service::Site::databasePath(dir),
                                  .ownUrl = server->url(),
                                  .retryMs = 200,
                                  .afterApply = [own = id](store::Database& db) {
                                    (void)service::followRoster(db);
                                    (void)service::followFold(db, own);
                                  }});
    REQUIRE(replicator->start().ok());
    const auto where = dir;
    const core::Instant when = at;
    responder = std::make_unique<replica::JoinResponder>(
        server->url(), service::joinSubject("B82005", id), [where, when](std::string_view request) {
          core::ManualClock clock(when);
          auto site = service::Site::open(where, clock);
          if (!site.ok()) return std::string("{\"ok\":false,\"reason\":\"cannot open\"}");
          return service::answerJoinRequest(**site, request);
        });
    responder->start();
    REQUIRE(responder->waitAnswering());
  }
  ~Member() {
    responder->stop();
    replicator->stop();
    server->stop();
  }
  std::string listen() const { return "127.0.0.1:" + std::to_string(port); }
  int64_t scalar(const std::string& sql) {
    auto db = store::Database::open(service::Site::databasePath(dir), {.readOnly = true});
    REQUIRE(db.ok());
    auto st = db.value()->prepare(sql);
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    return st->columnInt(0);
  }
};

int freePort() {
  auto p = replica::freePort("127.0.0.1");
  REQUIRE(p.ok());
  return p.value();
}

// Joins a fresh directory through `inviter` (whose admin session makes the code).
std::string joinThrough(service::Site& inviterSite, const service::StaffSession& admin,
                        const std::string& listen, const std::filesystem::path& dir, const std::string& role,
                        int port, const core::Clock& clock) {
  auto inv = service::inviteDevice(inviterSite, admin, listen, role);
  REQUIRE(inv.ok());
  const std::string own = "127.0.0.1:" + std::to_string(port);
  auto joined = service::joinSite(dir, inv->text, {role, "nats://" + own, own}, clock, kSend);
  REQUIRE(joined.ok());
  return joined->deviceId;
}

}  // namespace

TEST_CASE(
    "a board that joins through the desk is learned by the kiosk; a removal on the kiosk applies on the "
    "desk") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk");
  kiosk.startServer();
  kiosk.replicator = std::make_unique<replica::Replicator>(
      replica::ReplicatorConfig{.databasePath = service::Site::databasePath(kiosk.dir),
                                .ownUrl = kiosk.url(),
                                .retryMs = 200,
                                .afterApply = [own = kiosk.id()](store::Database& db) {
                                  (void)service::followRoster(db);
                                  (void)service::followFold(db, own);
                                }});
  REQUIRE(kiosk.replicator->start().ok());
  const std::filesystem::path kioskDir = kiosk.dir;
  const core::Instant now = kiosk.clock.now();
  replica::JoinResponder kioskAnswers(kiosk.url(), service::joinSubject("B82005", kiosk.id()),
                                      [kioskDir, now](std::string_view request) {
                                        core::ManualClock clock(now);
                                        auto site = service::Site::open(kioskDir, clock);
                                        if (!site.ok()) return std::string("{\"ok\":false}");
                                        return service::answerJoinRequest(**site, request);
                                      });
  kioskAnswers.start();
  REQUIRE(kioskAnswers.waitAnswering());
  const std::string kioskListen = "127.0.0.1:" + std::to_string(kiosk.server->config().port);

  // The desk joins the kiosk; the board joins through the desk, made by an administrator there.
  const int deskPort = freePort();
  core::ManualClock deskClock(now);
  const std::string deskId =
      joinThrough(kiosk.site(), *kiosk.admin, kioskListen, tmp / "desk", "desk", deskPort, deskClock);
  Member desk(tmp / "desk", deskId, deskPort, now);
  const int boardPort = freePort();
  std::string boardId;
  {
    auto deskSite = service::Site::open(tmp / "desk", deskClock);
    REQUIRE(deskSite.ok());
    auto deskAdmin = service::recoverySession(**deskSite, kiosk.recoveryCode);
    REQUIRE(deskAdmin.ok());
    core::ManualClock boardClock(now);
    boardId = joinThrough(**deskSite, *deskAdmin.value(), desk.listen(), tmp / "board", "board", boardPort,
                          boardClock);
  }
  Member board(tmp / "board", boardId, boardPort, now);
  kiosk.replicator->wake();

  // The kiosk never met the board, nor the board the kiosk: each learns the other from the desk.
  REQUIRE(eventually([&] {
    return kiosk.scalar("SELECT count(*) FROM peers WHERE device_id = '" + boardId +
                        "' AND role = 'board'") == 1;
  }));
  REQUIRE(eventually([&] {
    return board.scalar("SELECT count(*) FROM peers WHERE device_id = '" + kiosk.id() + "'") == 1;
  }));
  // And so the kiosk's check-in reaches the board from the kiosk's own stream.
  service::WalkInRequest req;
  req.patient.surname = "Quixwellington";
  req.patient.forenames = "Theodora";
  req.patient.dateOfBirth = {1961, 4, 1};
  req.queueId = "walkin";
  REQUIRE(kiosk.kiosk->checkInWalkIn(req, false).ok());
  kiosk.replicator->wake();
  REQUIRE(eventually([&] {
    return board.scalar("SELECT count(*) FROM peer_events WHERE origin = '" + kiosk.id() +
                        "' AND kind = 'checkin'") == 1;
  }));
  // verify on the kiosk accepts the board it learned: the desk's admin-signed invitation vouches for it.
  auto roster = service::checkRoster(kiosk.site().db());
  REQUIRE(roster.ok());
  INFO((roster->empty() ? "" : roster->front()));
  CHECK(roster->empty());

  // A removal made on the kiosk applies on the desk, which never removed anything itself.
  REQUIRE(service::removePeer(kiosk.site(), *kiosk.admin, boardId).ok());
  kiosk.replicator->wake();
  REQUIRE(eventually([&] {
    return desk.scalar("SELECT count(*) FROM peers WHERE device_id = '" + boardId +
                       "' AND removed_ms IS NOT NULL") == 1;
  }));
  CHECK(desk.scalar("SELECT count(*) FROM events WHERE kind = 'peer-removed'") == 0);
}

TEST_CASE("a roster event without the site admin key's signature changes no roster and is reported") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk"), desk(tmp / "desk", "desk");
  test::mesh({&kiosk, &desk});
  for (Device* d : {&kiosk, &desk}) {
    d->startServer();
    d->replicator = std::make_unique<replica::Replicator>(
        replica::ReplicatorConfig{.databasePath = service::Site::databasePath(d->dir),
                                  .ownUrl = d->url(),
                                  .retryMs = 200,
                                  .afterApply = [own = d->id()](store::Database& db) {
                                    (void)service::followRoster(db);
                                    (void)service::followFold(db, own);
                                  }});
    REQUIRE(d->replicator->start().ok());
  }
  // Each device is its own site here (its own admin key), so the desk's admin-signed peer-added for
  // ZZ2A is as good as unsigned to the kiosk, and a plain device-signed one (ZZ3B's) is unsigned
  // outright. The desk's addition of the kiosk itself (test::mesh) names the kiosk: nothing to change
  // there, and not reported.
  REQUIRE(service::addPeer(desk.site(), *desk.admin,
                           {"ZZ2A", std::string(32, '\x07'), "nats://127.0.0.1:1", "kiosk", 0, {}})
              .ok());
  store::JsonObject data;
  data.add("device", "ZZ3B").add("sign_pk", std::string(64, 'a')).add("address", "nats://127.0.0.1:1");
  data.add("role", "desk");
  REQUIRE(desk.site()
              .db()
              .transaction([&]() -> core::Status {
                auto e = desk.site().appendEvent("peer-added", "", data.str());
                return e.ok() ? core::okStatus() : core::Status(e.error());
              })
              .ok());
  desk.replicator->wake();
  const std::string refused = "SELECT count(*) FROM site_refusals WHERE origin = '" + desk.id() +
                              "' AND reason LIKE '%not signed by the site%'";
  REQUIRE(eventually([&] { return kiosk.scalar(refused) == 2; }));
  CHECK(kiosk.scalar("SELECT count(*) FROM peers WHERE device_id IN ('ZZ2A', 'ZZ3B')") == 0);
  // Reported once, however often the roster is followed again.
  REQUIRE(service::followRoster(kiosk.site().db()).ok());
  CHECK(kiosk.scalar(refused) == 2);
  // The desk's own, admin-signed addition did change the desk's roster.
  CHECK(desk.scalar("SELECT count(*) FROM peers WHERE device_id = 'ZZ2A'") == 1);
}
