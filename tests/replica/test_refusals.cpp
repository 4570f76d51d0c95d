// What a device refuses from a peer's stream, each recorded and never applied: bytes that are not an
// event, an oversized message, an unsigned or badly signed event, one from a device not in the roster,
// one that breaks its origin's chain, sealed details that are not the ones the event names.
#include <catch2/catch.hpp>

#include "crypto/primitives.h"
#include "replica/apply.h"
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

store::SiteEvent lastOwnEvent(Device& d) {
  auto all = store::ownEventsAfter(d.site().db(), d.id(), 0, 100000);
  REQUIRE(all.ok());
  REQUIRE_FALSE(all->empty());
  return all->back();
}

// The event after `prev` in its origin's chain, hashed and signed with `signKey` (the origin's, or not).
store::SiteEvent nextEvent(const store::SiteEvent& prev, const crypto::SecretBytes& signKey,
                           const std::string& kind) {
  store::SiteEvent e = prev;
  e.originSeq = prev.originSeq + 1;
  e.prevHash = prev.hash;
  e.event.kind = kind;
  e.event.hlc = prev.event.hlc + 1;
  e.event.data = "{}";
  e.sealed.reset();
  const auto h = crypto::sha256(store::canonicalEventBytes(e.prevHash, e.originSeq, e.event));
  e.hash.assign(h.begin(), h.end());
  e.sig = crypto::sign(signKey, store::eventSignedBytes(e.hash));
  return e;
}

service::WalkInRequest walkIn(const char* surname, const char* forenames) {
  service::WalkInRequest req;
  req.patient.surname = surname;
  req.patient.forenames = forenames;
  req.patient.dateOfBirth = {1961, 4, 30};
  req.queueId = "walkin";
  return req;
}

std::vector<std::string> refusals(Device& d) {
  auto r = store::listRefusals(d.site().db());
  REQUIRE(r.ok());
  std::vector<std::string> out;
  for (const auto& x : r.value()) out.push_back(x.reason);
  return out;
}

bool anyContains(const std::vector<std::string>& v, const std::string& what) {
  for (const auto& s : v)
    if (s.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("messages planted on a device's subject are refused and reported; its real events still arrive") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk"), desk(tmp / "desk", "desk");
  test::mesh({&kiosk, &desk});
  kiosk.start();
  REQUIRE(kiosk.kiosk->checkInWalkIn(walkIn("Quixwellington", "Theodora"), false).ok());
  kiosk.replicator->wake();
  auto client = replica::connectNats(kiosk.url(), 5000);
  REQUIRE(client.ok());
  const std::string subject = replica::eventSubject("B82005", kiosk.id());
  const std::string stream = replica::streamName(kiosk.id());
  REQUIRE(eventually([&] {
    auto last = (*client)->lastSeq(stream);
    return last.ok() && static_cast<int64_t>(last.value()) == kiosk.scalar("SELECT count(*) FROM events");
  }));
  const store::SiteEvent head = lastOwnEvent(kiosk);
  const crypto::SecretBytes& kioskKey = kiosk.admin->secrets().signSecretKey;
  const crypto::SecretBytes otherKey = crypto::makeSignKeyPair().secretKey;

  auto plant = [&](const std::string& bytes) { REQUIRE((*client)->publishRaw(subject, bytes).ok()); };
  plant("not json at all");
  plant("{\"v\":1,\"origin\":\"K7QX\"}");
  plant(std::string(100 * 1024, '{'));  // over the 64 KiB an event may be
  store::SiteEvent unsignedEvent = nextEvent(head, kioskKey, "call");
  unsignedEvent.sig.clear();
  plant(replica::encodeEvent(unsignedEvent));
  plant(replica::encodeEvent(nextEvent(head, otherKey, "call")));  // signed, not by the kiosk
  store::SiteEvent stranger = nextEvent(head, otherKey, "call");
  stranger.origin = "ZZZZ";  // a device not in the roster
  plant(replica::encodeEvent(stranger));
  store::SiteEvent gap = nextEvent(nextEvent(head, kioskKey, "seen"), kioskKey, "call");  // skips one
  plant(replica::encodeEvent(gap));
  store::SiteEvent forgedSeal = nextEvent(head, kioskKey, "checkin");
  forgedSeal.sealed = std::string("not the sealed details its data names");
  plant(replica::encodeEvent(forgedSeal));
  // An oversized message is refused by the server itself (the stream takes at most 1 MiB).
  auto huge = (*client)->publish(subject, "huge", std::string(2 * 1024 * 1024, 'x'));
  CHECK_FALSE(huge.ok());

  desk.start();
  // A real event after the planted ones still arrives.
  REQUIRE(kiosk.kiosk->checkInWalkIn(walkIn("Abernathy", "Rhys"), false).ok());
  kiosk.replicator->wake();
  REQUIRE(eventually([&] {
    return desk.scalar("SELECT count(*) FROM peer_events") == kiosk.scalar("SELECT count(*) FROM events");
  }));
  const auto why = refusals(desk);
  CHECK(why.size() == 8);
  CHECK(anyContains(why, "not a Longstop event"));
  CHECK(anyContains(why, "not a well-formed event"));
  CHECK(anyContains(why, "over the limit"));
  CHECK(anyContains(why, "it is not signed"));
  CHECK(anyContains(why, "its signature is not its origin's"));
  CHECK(anyContains(why, "names device ZZZZ"));
  CHECK(anyContains(why, "a gap or a repeat"));
  CHECK(anyContains(why, "sealed details are not the ones"));
  CHECK(desk.scalar("SELECT count(*) FROM peer_events WHERE kind = 'call'") == 0);
  auto check = service::checkSite(desk.site().db());
  REQUIRE(check.ok());
  CHECK(check->sound());
}

TEST_CASE("verify checks every origin's stored chain: a changed peer event or a planted peer is reported") {
  TempDir tmp;
  Device kiosk(tmp / "kiosk"), desk(tmp / "desk", "desk");
  test::mesh({&kiosk, &desk});
  kiosk.start();
  desk.start();
  REQUIRE(kiosk.kiosk->checkInWalkIn(walkIn("Quixwellington", "Theodora"), false).ok());
  kiosk.replicator->wake();
  REQUIRE(eventually([&] {
    return desk.scalar("SELECT count(*) FROM peer_events") == kiosk.scalar("SELECT count(*) FROM events");
  }));
  desk.replicator->stop();
  auto sound = service::checkSite(desk.site().db());
  REQUIRE(sound.ok());
  REQUIRE(sound->sound());
  store::Database& db = desk.site().db();
  SECTION("a peer's event rewritten in the desk's file") {
    REQUIRE(db.exec("DROP TRIGGER peer_events_no_update").ok());
    REQUIRE(db.exec("UPDATE peer_events SET data = '{\"ticket\":\"W999\"}' WHERE kind = 'checkin'").ok());
    auto check = service::checkSite(db);
    REQUIRE(check.ok());
    CHECK_FALSE(check->sound());
    CHECK(anyContains(check->problems, "its contents do not match its hash"));
  }
  SECTION("a peer planted in the roster table") {
    const auto planted = crypto::makeSignKeyPair();
    REQUIRE(store::insertPeer(db, {"ZZZZ", planted.publicKey, "nats://127.0.0.1:1", "desk", 0, {}}).ok());
    auto check = service::checkSite(db);
    REQUIRE(check.ok());
    CHECK(anyContains(check->problems, "Device ZZZZ is in the roster without an administrator's signature"));
  }
  SECTION("a peer's event deleted from the middle of its chain") {
    REQUIRE(db.exec("DROP TRIGGER peer_events_no_delete").ok());
    REQUIRE(db.exec("DELETE FROM peer_events WHERE origin_seq = 2").ok());
    auto check = service::checkSite(db);
    REQUIRE(check.ok());
    CHECK(anyContains(check->problems, "a gap or a repeat"));
  }
  SECTION("a reception card cannot add a peer") {
    service::StaffMember who;
    who.id = "S1";
    who.role = service::StaffRole::kReception;
    service::StaffSession notAdmin(who, desk.admin->secrets().copy(), 0);
    auto r = service::addPeer(desk.site(), notAdmin,
                              {"ZZZZ", crypto::makeSignKeyPair().publicKey, "nats://x", "desk", 0, {}});
    CHECK_FALSE(r.ok());
  }
}
