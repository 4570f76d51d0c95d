// Joining a site with a one-time code: `inviteDevice` on a device of the site, `joinSite` on a fresh
// data directory, the exchange over the inviter's own nats-server (a JoinResponder answering with
// answerJoinRequest). Afterwards the new device holds the site's keys under the site's credentials,
// both rosters name each other, check-ins replicate both ways and each side opens the other's sealed
// details. A replayed, expired, mistyped-beyond-its-check or wrong-role code is refused with a
// sentence and changes nothing on either side. Real nats-servers on loopback, real SQLite files.
#include <catch2/catch.hpp>

#include <atomic>

#include "core/patient.h"
#include "replica/join_responder.h"
#include "replica/stream_client.h"
#include "service/settings.h"
#include "service/site_check.h"
#include "service/site_join.h"
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

// The inviter's answering side, as `site serve` wires it: a Site of its own for each request, on a
// clock the test moves (read on libnats's thread, so an atomic).
struct Answering {
  std::atomic<int64_t> nowMs;
  std::unique_ptr<replica::JoinResponder> responder;
  Answering(Device& inviter) : nowMs(inviter.clock.now().unixMs) {
    const std::filesystem::path dir = inviter.dir;
    const core::Instant start = inviter.clock.now();
    responder = std::make_unique<replica::JoinResponder>(
        inviter.url(), service::joinSubject(inviter.site().info().odsCode, inviter.id()),
        [this, dir, start](std::string_view request) {
          core::Instant at = start;
          at.unixMs = nowMs.load();
          core::ManualClock clock(at);
          auto site = service::Site::open(dir, clock);
          if (!site.ok()) return std::string("{\"ok\":false,\"reason\":\"cannot open\"}");
          return service::answerJoinRequest(**site, request);
        });
    responder->start();
    REQUIRE(responder->waitAnswering());
  }
};

std::string listenOf(Device& d) {
  return "127.0.0.1:" + std::to_string(d.server->config().port);
}

int64_t scalarIn(const std::filesystem::path& dir, const std::string& sql) {
  auto db = store::Database::open(service::Site::databasePath(dir), {.readOnly = true});
  REQUIRE(db.ok());
  auto st = db.value()->prepare(sql);
  REQUIRE(st.ok());
  REQUIRE(st->step().value());
  return st->columnInt(0);
}

bool emptyDir(const std::filesystem::path& dir) {
  std::error_code ec;
  return !std::filesystem::exists(dir) || std::filesystem::is_empty(dir, ec);
}

// The surname in the sealed details of a check-in another device made, opened with `who`'s keys.
std::string surnameOf(Device& d, const service::StaffSession& who, const std::string& recordId) {
  auto state = service::foldedState(d.site().db(), d.id());
  REQUIRE(state.ok());
  auto it = state->checkins.find(recordId);
  REQUIRE(it != state->checkins.end());
  const auto colon = it->second.details.find(':');
  auto st = d.site().db().prepare("SELECT sealed FROM peer_events WHERE origin = ? AND origin_seq = ?");
  REQUIRE(st.ok());
  st->bind(1, it->second.details.substr(0, colon)).bind(2, std::stoll(it->second.details.substr(colon + 1)));
  REQUIRE(st->step().value());
  auto plain = d.site().open(who.secrets(), st->columnBlob(0));
  REQUIRE(plain.ok());
  auto details = core::parseDetails(plain.value());
  REQUIRE(details.ok());
  return details->surname;
}

}  // namespace

TEST_CASE("a fresh device joins with a code: keys, staff, settings and roster, then both ways replicate") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk");
  kiosk.startServer();
  auto card = service::addStaff(kiosk.site(), *kiosk.admin, "Rita Reception", service::StaffRole::kReception,
                                "24681357");
  REQUIRE(card.ok());
  REQUIRE(service::setSetting(kiosk.site(), *kiosk.admin, "kiosk.idle_timeout_s", "60").ok());
  REQUIRE(service::setSetting(kiosk.site(), *kiosk.admin, "site.listen", listenOf(kiosk)).ok());
  Answering answering(kiosk);
  auto inv = service::inviteDevice(kiosk.site(), *kiosk.admin, listenOf(kiosk), "desk");
  REQUIRE(inv.ok());
  CHECK(inv->text.rfind("LSJ1:B82005:" + kiosk.id() + ":127.0.0.1:", 0) == 0);
  CHECK(inv->expiresMs == kiosk.clock.now().unixMs + 10 * 60 * 1000);

  const auto deskDir = tmp / "desk";
  auto deskPort = replica::freePort("127.0.0.1");
  REQUIRE(deskPort.ok());
  const std::string deskListen = "127.0.0.1:" + std::to_string(deskPort.value());
  core::ManualClock deskClock(kiosk.clock.now());
  auto joined =
      service::joinSite(deskDir, inv->text, {"desk", "nats://" + deskListen, deskListen}, deskClock, kSend);
  REQUIRE(joined.ok());
  CHECK(joined->inviter == kiosk.id());
  CHECK(joined->role == "desk");
  CHECK(joined->credentials == 2);  // the recovery code and Rita's card
  CHECK(joined->deviceId != kiosk.id());

  // The inviter's roster names the new device with the key it brought, vouched for by the invitation.
  CHECK(kiosk.scalar("SELECT count(*) FROM peers WHERE device_id = '" + joined->deviceId +
                     "' AND role = 'desk'") == 1);
  auto kioskCheck = service::checkSite(kiosk.site().db());
  REQUIRE(kioskCheck.ok());
  INFO((kioskCheck->problems.empty() ? "" : kioskCheck->problems.front()));
  CHECK(kioskCheck->sound());

  // The new device: the site's settings and queues, its role, the inviter in its roster, sound.
  auto desk = service::openKiosk(deskDir, deskClock);
  REQUIRE(desk.ok());
  service::Site& deskSite = (*desk)->siteData();
  CHECK(deskSite.info().odsCode == "B82005");
  CHECK(deskSite.info().deviceId == joined->deviceId);
  CHECK(deskSite.info().idleTimeoutSeconds == 60);
  CHECK(deskSite.info().queues.size() == kiosk.site().info().queues.size());
  CHECK(service::getSetting(deskSite, "device.role").value() == "desk");
  CHECK(service::getSetting(deskSite, "site.listen").value() == deskListen);
  CHECK(deskSite.recordsPublicKey() == kiosk.site().recordsPublicKey());
  CHECK(deskSite.adminPublicKey() == kiosk.site().adminPublicKey());
  CHECK(deskSite.signPublicKey() != kiosk.site().signPublicKey());
  CHECK(scalarIn(deskDir, "SELECT count(*) FROM peers WHERE device_id = '" + kiosk.id() + "'") == 1);
  auto deskCheck = service::checkSite(deskSite.db());
  REQUIRE(deskCheck.ok());
  INFO((deskCheck->problems.empty() ? "" : deskCheck->problems.front()));
  CHECK(deskCheck->sound());
  // Rita signs in on the desk with her own card and PIN, and so does the recovery code.
  auto rita = service::signIn(deskSite, card->cardText, "24681357");
  REQUIRE(rita.ok());
  auto deskAdmin = service::recoverySession(deskSite, kiosk.recoveryCode);
  REQUIRE(deskAdmin.ok());
  CHECK(deskAdmin.value()->isAdmin());

  // Both serve and pull: a walk-in on the desk is read by name on the kiosk, and one on the kiosk on the
  // desk.
  replica::ServerProcess deskServer(
      {deskDir, "127.0.0.1", deskPort.value(), joined->deviceId, "nats-server"});
  REQUIRE(deskServer.start().ok());
  replica::Replicator deskReplicator({.databasePath = service::Site::databasePath(deskDir),
                                      .ownUrl = deskServer.url(),
                                      .retryMs = 200,
                                      .afterApply = {}});
  REQUIRE(deskReplicator.start().ok());
  kiosk.startReplicator();
  service::WalkInRequest req;
  req.patient.surname = "Quixwellington";
  req.patient.forenames = "Theodora";
  req.patient.dateOfBirth = {1961, 4, 1};
  req.queueId = "walkin";
  auto onDesk = (*desk)->checkInWalkIn(req, false);
  REQUIRE(onDesk.ok());
  req.patient.surname = "Abernethy-Pole";
  auto onKiosk = kiosk.kiosk->checkInWalkIn(req, false);
  REQUIRE(onKiosk.ok());
  deskReplicator.wake();
  kiosk.replicator->wake();
  REQUIRE(eventually([&] {
    return kiosk.scalar("SELECT count(*) FROM peer_events WHERE origin = '" + joined->deviceId +
                        "' AND kind = 'checkin'") == 1;
  }));
  REQUIRE(eventually([&] {
    return scalarIn(deskDir, "SELECT count(*) FROM peer_events WHERE origin = '" + kiosk.id() +
                                 "' AND kind = 'checkin'") == 1;
  }));
  CHECK(surnameOf(kiosk, *kiosk.admin, onDesk->recordId) == "Quixwellington");
  CHECK(kiosk.scalar("SELECT count(*) FROM site_refusals") == 0);
  deskReplicator.stop();
  kiosk.replicator->stop();
  auto st = deskSite.db().prepare("SELECT sealed FROM peer_events WHERE kind = 'checkin'");
  REQUIRE(st.ok());
  REQUIRE(st->step().value());
  auto plain = deskSite.open(rita.value()->secrets(), st->columnBlob(0));
  REQUIRE(plain.ok());
  CHECK(core::parseDetails(plain.value())->surname == "Abernethy-Pole");
  deskServer.stop();
}

TEST_CASE("a used, expired, wrong or wrong-role join code is refused with a sentence and changes nothing") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk");
  kiosk.startServer();
  Answering answering(kiosk);
  const service::JoinRequestSetup board{"board", "nats://127.0.0.1:1", "127.0.0.1:1"};
  auto unchanged = [&](const std::filesystem::path& dir, int64_t events, int64_t peers) {
    CHECK(emptyDir(dir));
    CHECK(kiosk.scalar("SELECT count(*) FROM events") == events);
    CHECK(kiosk.scalar("SELECT count(*) FROM peers") == peers);
  };

  SECTION("used once, refused the second time") {
    auto inv = service::inviteDevice(kiosk.site(), *kiosk.admin, listenOf(kiosk), "");
    REQUIRE(inv.ok());
    core::ManualClock c(kiosk.clock.now());
    REQUIRE(service::joinSite(tmp / "first", inv->text, board, c, kSend).ok());
    const int64_t events = kiosk.scalar("SELECT count(*) FROM events");
    auto again = service::joinSite(tmp / "second", inv->text, board, c, kSend);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("This join code was already used (by device ") == 0);
    CHECK(again.error().message.find("A join code works once") != std::string::npos);
    unchanged(tmp / "second", events, 1);
    // A board keeps no credentials and is locked once joined.
    CHECK(scalarIn(tmp / "first", "SELECT count(*) FROM credentials") == 0);
  }
  SECTION("expired after ten minutes by the inviter's clock") {
    auto inv = service::inviteDevice(kiosk.site(), *kiosk.admin, listenOf(kiosk), "");
    REQUIRE(inv.ok());
    const int64_t events = kiosk.scalar("SELECT count(*) FROM events");
    answering.nowMs += 10 * 60 * 1000;
    core::ManualClock c(kiosk.clock.now());
    auto late = service::joinSite(tmp / "late", inv->text, board, c, kSend);
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().message.find("This join code expired at 09:10 UTC") == 0);
    unchanged(tmp / "late", events, 0);
  }
  SECTION("a secret the inviter never made (the check made to match)") {
    auto inv = service::inviteDevice(kiosk.site(), *kiosk.admin, listenOf(kiosk), "");
    REQUIRE(inv.ok());
    const int64_t events = kiosk.scalar("SELECT count(*) FROM events");
    core::JoinCode forged = inv->code;
    forged.secret[3] = forged.secret[3] == 'A' ? 'B' : 'A';
    core::ManualClock c(kiosk.clock.now());
    auto wrong = service::joinSite(tmp / "wrong", core::formatJoinCode(forged), board, c, kSend);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().message.find("made no such join code") != std::string::npos);
    unchanged(tmp / "wrong", events, 0);
    // The real code still works afterwards: a wrong attempt used nothing up.
    REQUIRE(service::joinSite(tmp / "right", inv->text, board, c, kSend).ok());
  }
  SECTION("a code for a desk is not used by a kiosk") {
    auto inv = service::inviteDevice(kiosk.site(), *kiosk.admin, listenOf(kiosk), "desk");
    REQUIRE(inv.ok());
    const int64_t events = kiosk.scalar("SELECT count(*) FROM events");
    core::ManualClock c(kiosk.clock.now());
    auto other = service::joinSite(tmp / "other", inv->text, {"kiosk", "nats://127.0.0.1:1", ""}, c, kSend);
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().message.find("This join code is for a desk (reception desk)") == 0);
    unchanged(tmp / "other", events, 0);
  }
  SECTION("a reply from another key than the code's fingerprint is refused on the joiner") {
    auto inv = service::inviteDevice(kiosk.site(), *kiosk.admin, listenOf(kiosk), "");
    REQUIRE(inv.ok());
    core::JoinCode pinned = inv->code;
    pinned.fingerprint = "AAAAAAAAAAAAAAAA";
    core::ManualClock c(kiosk.clock.now());
    auto forged = service::joinSite(tmp / "pinned", core::formatJoinCode(pinned), board, c, kSend);
    REQUIRE_FALSE(forged.ok());
    CHECK(forged.error().message.find("did not come from the device that showed the join code") !=
          std::string::npos);
    CHECK(emptyDir(tmp / "pinned"));
  }
  SECTION("nobody answering is said as such") {
    auto inv = service::inviteDevice(kiosk.site(), *kiosk.admin, listenOf(kiosk), "");
    REQUIRE(inv.ok());
    answering.responder->stop();
    core::ManualClock c(kiosk.clock.now());
    auto none = service::joinSite(tmp / "none", inv->text, board, c, kSend);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.find("Could not reach device " + kiosk.id()) == 0);
    CHECK(emptyDir(tmp / "none"));
  }
}

TEST_CASE("garbage on the join subject gets a refusal and changes nothing") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk");
  kiosk.startServer();
  Answering answering(kiosk);
  auto inv = service::inviteDevice(kiosk.site(), *kiosk.admin, listenOf(kiosk), "");
  REQUIRE(inv.ok());
  const int64_t events = kiosk.scalar("SELECT count(*) FROM events");
  auto client = replica::connectNats(kiosk.url(), 5000);
  REQUIRE(client.ok());
  const std::string subject = service::joinSubject("B82005", kiosk.id());
  for (const std::string& bad :
       {std::string("not json"), std::string("{}"), std::string("[1,2]"),
        std::string("{\"v\":1,\"invite\":5}"), std::string("{\"v\":1,\"invite\":\"zz\"}"),
        std::string(200000, '{'),
        std::string("{\"v\":1,\"invite\":\"00000000000000000000000000000000\",\"device\":\"K7QX\"}"),
        std::string("{\"v\":2,\"invite\":\"00000000000000000000000000000000\"}")}) {
    auto reply = client.value()->request(subject, bad, 10000);
    REQUIRE(reply.ok());
    INFO(reply.value());
    CHECK(reply.value().find("\"ok\":false") != std::string::npos);
    CHECK(reply.value().find("\"reason\":\"") != std::string::npos);
  }
  CHECK(kiosk.scalar("SELECT count(*) FROM events") == events);
  CHECK(kiosk.scalar("SELECT count(*) FROM peers") == 0);
}
