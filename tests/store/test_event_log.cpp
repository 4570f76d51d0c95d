#include <catch2/catch.hpp>

#include "store/database.h"
#include "store/event_log.h"
#include "support/temp_dir.h"
#include "support/test_digest.h"

using namespace longstop;
using longstop::test::TempDir;

namespace {

struct Fixture {
  TempDir dir;
  test::TestDigest digest;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::EventLog> log;

  Fixture() {
    auto opened = store::Database::open(dir / "x.db", {.create = true});
    REQUIRE(opened.ok());
    db = std::move(opened.value());
    log = std::make_unique<store::EventLog>(*db, digest);
    for (int i = 1; i <= 5; ++i) {
      auto s = db->transaction([&]() -> core::Status {
        auto seq = log->append({1000 * i, "checkin", "K7QX-00000" + std::to_string(i), "", "{\"n\":" +
                                std::to_string(i) + "}"});
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
};

}  // namespace

TEST_CASE("an untouched chain verifies") {
  Fixture f;
  auto r = f.log->verify();
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
  auto r = f.log->verify();
  REQUIRE(r.ok());
  CHECK(r->firstBadSeq == 3);
  CHECK(r->reason.find("changed") != std::string::npos);
}

TEST_CASE("a changed time or kind is found too") {
  Fixture f;
  f.tamper("UPDATE events SET at_ms = at_ms + 1 WHERE seq = 4");
  CHECK(f.log->verify()->firstBadSeq == 4);
}

TEST_CASE("a deleted row is found at the row after it") {
  Fixture f;
  f.tamper("DELETE FROM events WHERE seq = 2");
  auto r = f.log->verify();
  REQUIRE(r.ok());
  CHECK(r->firstBadSeq == 3);
  CHECK(r->reason.find("missing") != std::string::npos);
}

TEST_CASE("a row rewritten with a fresh hash still breaks the link to the next row") {
  Fixture f;
  // Recompute row 2's own hash after changing it: row 3 no longer points at it.
  auto st = f.db->prepare("SELECT prev_hash FROM events WHERE seq = 2");
  REQUIRE(st->step().value());
  const std::string prev = st->columnBlob(0);
  store::EventInput changed{2000, "checkin", "K7QX-000002", "", "{\"n\":42}"};
  auto h = f.digest.sha256(store::canonicalEventBytes(prev, 2, changed));
  REQUIRE(f.db->exec("DROP TRIGGER events_no_update").ok());
  auto up = f.db->prepare("UPDATE events SET data = ?, hash = ? WHERE seq = 2");
  up->bind(1, changed.data).bindBlob(2, std::string(h.begin(), h.end()));
  REQUIRE(up->run().ok());
  auto r = f.log->verify();
  CHECK(r->firstBadSeq == 3);
}

TEST_CASE("event data is written as JSON with escapes") {
  store::JsonObject o;
  o.add("a", "x\"y\\z\n").add("n", int64_t{-3}).addBool("b", true);
  CHECK(o.str() == "{\"a\":\"x\\\"y\\\\z\\n\",\"n\":-3,\"b\":true}");
  CHECK(store::jsonEscape(std::string(1, '\x01')) == "\\u0001");
}
