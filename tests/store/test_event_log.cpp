#include <catch2/catch.hpp>

#include "crypto/primitives.h"
#include "store/database.h"
#include "store/event_log.h"
#include "support/temp_dir.h"
#include "support/test_digest.h"

using namespace longstop;
using longstop::test::TempDir;

namespace {

// The real Ed25519, as the kiosk's device key signs.
struct KeySigner final : core::Signer, core::SignatureCheck {
  crypto::SignKeyPair keys = crypto::makeSignKeyPair();
  std::string sign(std::string_view m) const override { return crypto::sign(keys.secretKey, m); }
  bool verify(std::string_view pk, std::string_view m, std::string_view sig) const override {
    return crypto::verifySignature(pk, m, sig);
  }
};

struct Fixture {
  TempDir dir;
  test::TestDigest digest;
  KeySigner signer;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::EventLog> log;

  Fixture() {
    REQUIRE(crypto::initialise());
    auto opened = store::Database::open(dir / "x.db", {.create = true});
    REQUIRE(opened.ok());
    db = std::move(opened.value());
    log = std::make_unique<store::EventLog>(*db, digest);
    log->setSigner(&signer);
    for (int i = 1; i <= 5; ++i) {
      auto s = db->transaction([&]() -> core::Status {
        auto seq = log->append(
            {1000 * i, "checkin", "K7QX-00000" + std::to_string(i), "", "{\"n\":" + std::to_string(i) + "}"});
        return seq.ok() ? core::okStatus() : core::Status(seq.error());
      });
      REQUIRE(s.ok());
    }
  }
  // Changes a row the way an attacker with the SD card would: around the append-only triggers.
  void tamper(const std::string& sql) {
    REQUIRE(db->exec("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;").ok());
    REQUIRE(db->exec(sql).ok());
  }
  core::Result<store::VerifyReport> verify() { return log->verify(signer.keys.publicKey, signer); }
  // Rewrites row `seq`'s data and recomputes every hash after it, as a thief who knows SHA-256 would.
  void rewriteAndRechain(int64_t seq, const std::string& data) {
    REQUIRE(db->exec("DROP TRIGGER events_no_update").ok());
    auto st = db->prepare(
        "SELECT seq, at_ms, kind, record_id, staff_id, data, prev_hash, hlc FROM events WHERE seq >= ? ORDER "
        "BY seq");
    st->bind(1, seq);
    std::string prev;
    for (bool first = true; st->step().value(); first = false) {
      store::EventInput e{st->columnInt(1),  st->columnText(2), st->columnText(3),
                          st->columnText(4), st->columnText(5), st->columnInt(7)};
      if (first) {
        prev = st->columnBlob(6);
        e.data = data;
      }
      auto h = digest.sha256(store::canonicalEventBytes(prev, st->columnInt(0), e));
      const std::string hash(h.begin(), h.end());
      auto up = db->prepare("UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE seq = ?");
      up->bind(1, e.data).bindBlob(2, prev).bindBlob(3, hash).bind(4, st->columnInt(0));
      REQUIRE(up->run().ok());
      prev = hash;
    }
    auto head = db->prepare("UPDATE log_head SET hash = ?");
    head->bindBlob(1, prev);
    REQUIRE(head->run().ok());
  }
};

}  // namespace

TEST_CASE("an untouched chain verifies") {
  Fixture f;
  auto r = f.verify();
  REQUIRE(r.ok());
  CHECK(r->sound());
  CHECK(r->rows == 5);
}

TEST_CASE("the event log refuses updates and deletes") {
  Fixture f;
  CHECK_FALSE(f.db->exec("UPDATE events SET data = '{}' WHERE seq = 2").ok());
  CHECK_FALSE(f.db->exec("DELETE FROM events WHERE seq = 5").ok());
}

TEST_CASE("a changed field is found at its row") {
  Fixture f;
  f.tamper("UPDATE events SET data = '{\"n\":99}' WHERE seq = 3");
  auto r = f.verify();
  REQUIRE(r.ok());
  CHECK(r->firstBadSeq == 3);
  CHECK(r->reason.find("changed") != std::string::npos);
}

TEST_CASE("a changed time or kind is found too") {
  Fixture f;
  f.tamper("UPDATE events SET at_ms = at_ms + 1 WHERE seq = 4");
  CHECK(f.verify()->firstBadSeq == 4);
}

TEST_CASE("a deleted row is found at the row after it") {
  Fixture f;
  f.tamper("DELETE FROM events WHERE seq = 2");
  auto r = f.verify();
  REQUIRE(r.ok());
  CHECK(r->firstBadSeq == 3);
  CHECK(r->reason.find("missing") != std::string::npos);
}

TEST_CASE("a row rewritten with a fresh hash fails its signature and breaks the link to the next row") {
  Fixture f;
  // Recompute row 2's own hash after changing it: row 3 no longer points at it.
  auto st = f.db->prepare("SELECT prev_hash, hlc FROM events WHERE seq = 2");
  REQUIRE(st->step().value());
  const std::string prev = st->columnBlob(0);
  store::EventInput changed{2000, "checkin", "K7QX-000002", "", "{\"n\":42}", st->columnInt(1)};
  auto h = f.digest.sha256(store::canonicalEventBytes(prev, 2, changed));
  REQUIRE(f.db->exec("DROP TRIGGER events_no_update").ok());
  auto up = f.db->prepare("UPDATE events SET data = ?, hash = ? WHERE seq = 2");
  up->bind(1, changed.data).bindBlob(2, std::string(h.begin(), h.end()));
  REQUIRE(up->run().ok());
  auto r = f.verify();
  CHECK(r->firstBadSeq == 2);
  CHECK(r->reason.find("signature") != std::string::npos);
  // Even with a signature check that accepts anything, the chain alone still finds it.
  struct AcceptAll final : core::SignatureCheck {
    bool verify(std::string_view, std::string_view, std::string_view) const override { return true; }
  } acceptAll;
  CHECK(f.log->verify(f.signer.keys.publicKey, acceptAll)->firstBadSeq == 3);
}

TEST_CASE("every row is signed with the device key, and the log's signed end is its newest row") {
  Fixture f;
  auto r = f.verify();
  REQUIRE(r.ok());
  CHECK(r->signedRows == 5);
  auto head = f.db->prepare("SELECT seq FROM log_head");
  REQUIRE(head->step().value());
  CHECK(head->columnInt(0) == 5);
}

TEST_CASE("a locked log refuses to append") {
  Fixture f;
  f.log->setSigner(nullptr);
  auto s = f.log->append({9000, "checkin", "K7QX-000009", "", "{}"});
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == core::ErrorCode::kUnauthorised);
}

TEST_CASE("a row rewritten with the whole chain recomputed fails its signature") {
  Fixture f;
  f.rewriteAndRechain(2, "{\"n\":42}");
  auto r = f.verify();
  REQUIRE(r.ok());
  CHECK(r->firstBadSeq == 2);
  CHECK(r->reason.find("signature") != std::string::npos);
}

TEST_CASE("a deleted tail is found by the log's signed end") {
  Fixture f;
  f.tamper("DELETE FROM events WHERE seq >= 4");
  auto r = f.verify();
  REQUIRE(r.ok());
  CHECK_FALSE(r->sound());
  CHECK(r->reason.find("newest 2 events are missing") != std::string::npos);
}

TEST_CASE("a deleted tail with its signed end removed too is found") {
  Fixture f;
  f.tamper("DELETE FROM events WHERE seq >= 4; DELETE FROM log_head;");
  auto r = f.verify();
  REQUIRE(r.ok());
  CHECK_FALSE(r->sound());
  CHECK(r->reason.find("where the log ends is missing") != std::string::npos);
}

TEST_CASE("a signed end moved back by hand fails its signature") {
  Fixture f;
  f.tamper("DELETE FROM events WHERE seq >= 4");
  auto third = f.db->prepare("SELECT hash FROM events WHERE seq = 3");
  REQUIRE(third->step().value());
  auto head = f.db->prepare("UPDATE log_head SET seq = 3, hash = ?");
  head->bindBlob(1, third->columnBlob(0));
  REQUIRE(head->run().ok());
  auto r = f.verify();
  REQUIRE(r.ok());
  CHECK(r->reason.find("not signed by this device") != std::string::npos);
}

TEST_CASE("a whole log re-signed with another key fails under the device's key") {
  Fixture f;
  KeySigner other;
  f.log->setSigner(&other);
  REQUIRE(f.db->transaction([&]() -> core::Status {
                auto seq = f.log->append({7000, "recipient-set", "", "", "{}"});
                return seq.ok() ? core::okStatus() : core::Status(seq.error());
              })
              .ok());
  auto r = f.verify();
  REQUIRE(r.ok());
  CHECK(r->firstBadSeq == 6);
  CHECK(r->reason.find("not this device's") != std::string::npos);
}

TEST_CASE("a signature stripped from a row after signing began is found") {
  Fixture f;
  f.tamper("UPDATE events SET sig = NULL WHERE seq = 4");
  auto r = f.verify();
  REQUIRE(r.ok());
  CHECK(r->firstBadSeq == 4);
  CHECK(r->reason.find("no signature") != std::string::npos);
}

TEST_CASE("event data is written as JSON with escapes") {
  store::JsonObject o;
  o.add("a", "x\"y\\z\n").add("n", int64_t{-3}).addBool("b", true);
  CHECK(o.str() == "{\"a\":\"x\\\"y\\\\z\\n\",\"n\":-3,\"b\":true}");
  CHECK(store::jsonEscape(std::string(1, '\x01')) == "\\u0001");
}
