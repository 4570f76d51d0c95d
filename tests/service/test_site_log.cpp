// Schema 6: a single-device database from before sites migrates without a row rewritten or re-signed,
// verify still passes on it, and new rows carry a clock stamp that never goes below what was seen.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "core/hlc.h"
#include "crypto/primitives.h"
#include "service/kiosk.h"
#include "service/site.h"
#include "service/site_check.h"
#include "service/site_state.h"
#include "service/staff.h"
#include "store/event_log.h"
#include "store/schema.h"
#include "store/site_log.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::TempDir;

namespace {

service::WalkInRequest walkIn(const char* surname) {
  service::WalkInRequest req;
  req.patient.surname = surname;
  req.patient.forenames = "Ann";
  req.patient.dateOfBirth = {1984, 3, 7};
  req.queueId = "walkin";
  return req;
}

void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  INFO(sql);
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK);
}

// Puts the database back as schema 5 left it: no site tables, no stamp column, every row hashed as
// LSE1 and signed by the device key (what the kiosk before sites wrote, byte for byte).
void makeSchema5(const std::filesystem::path& file, const crypto::SecretBytes& signKey) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  exec(db,
       "DROP INDEX checkins_day_calls; DROP TABLE peers; DROP TABLE peer_events; DROP TABLE peer_cursors; "
       "DROP TABLE site_refusals;"
       "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;"
       // Schema 5 kept no high-water mark (its log is rewritten below, which a mark would refuse).
       "DELETE FROM meta WHERE key IN ('high_water', 'high_water_since');");
  std::filesystem::remove(file.parent_path() / "longstop.mark");
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db,
                             "SELECT seq, at_ms, kind, record_id, staff_id, data FROM events ORDER BY seq",
                             -1, &st, nullptr) == SQLITE_OK);
  std::vector<std::tuple<int64_t, std::string, std::string, std::string>> rows;
  std::string prev(32, '\0');
  auto text = [&](int c) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, c))); };
  while (sqlite3_step(st) == SQLITE_ROW) {
    store::EventInput e{sqlite3_column_int64(st, 1), text(2), text(3), text(4), text(5), 0};
    const int64_t seq = sqlite3_column_int64(st, 0);
    const auto h = crypto::sha256(store::canonicalEventBytes(prev, seq, e));
    const std::string hash(h.begin(), h.end());
    rows.emplace_back(seq, prev, hash, crypto::sign(signKey, store::eventSignedBytes(hash)));
    prev = hash;
  }
  sqlite3_finalize(st);
  for (const auto& [seq, p, h, sig] : rows) {
    REQUIRE(sqlite3_prepare_v2(db, "UPDATE events SET prev_hash = ?, hash = ?, sig = ? WHERE seq = ?", -1,
                               &st, nullptr) == SQLITE_OK);
    sqlite3_bind_blob(st, 1, p.data(), static_cast<int>(p.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 2, h.data(), static_cast<int>(h.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 3, sig.data(), static_cast<int>(sig.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, seq);
    REQUIRE(sqlite3_step(st) == SQLITE_DONE);
    sqlite3_finalize(st);
  }
  const auto& [lastSeq, lastPrev, lastHash, lastSig] = rows.back();
  const std::string headSig = crypto::sign(signKey, store::headSignedBytes(lastSeq, lastHash));
  REQUIRE(sqlite3_prepare_v2(db, "UPDATE log_head SET seq = ?, hash = ?, sig = ?", -1, &st, nullptr) ==
          SQLITE_OK);
  sqlite3_bind_int64(st, 1, lastSeq);
  sqlite3_bind_blob(st, 2, lastHash.data(), 32, SQLITE_TRANSIENT);
  sqlite3_bind_blob(st, 3, headSig.data(), 64, SQLITE_TRANSIENT);
  REQUIRE(sqlite3_step(st) == SQLITE_DONE);
  sqlite3_finalize(st);
  exec(
      db,
      "ALTER TABLE events DROP COLUMN hlc;"
      "CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'append-only'); END;"
      "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'append-only'); END;"
      "PRAGMA user_version = 5;");
  sqlite3_close(db);
}

std::vector<std::string> hashesAndSignatures(service::Site& site) {
  auto st = site.db().prepare("SELECT hash, sig FROM events ORDER BY seq");
  std::vector<std::string> out;
  while (st->step().value()) out.push_back(st->columnBlob(0) + st->columnBlob(1));
  return out;
}

}  // namespace

TEST_CASE("a single-device database from schema 5 migrates with its history as it was, and verify passes") {
  TempDir dir;
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
  REQUIRE(init.ok());
  std::vector<std::string> before;
  {
    auto kiosk = service::openKiosk(dir / "site", clock);
    REQUIRE(kiosk.ok());
    for (const char* s : {"Smith", "Jones", "Patel"}) REQUIRE((*kiosk)->checkInWalkIn(walkIn(s), false).ok());
    auto secrets = (*kiosk)->siteData().unlockWithRecoveryCode(init->recoveryCode);
    REQUIRE(secrets.ok());
    kiosk->reset();
    makeSchema5(service::Site::databasePath(dir / "site"), secrets->signSecretKey);
  }
  auto kiosk = service::openKiosk(dir / "site", clock);
  REQUIRE(kiosk.ok());
  service::Site& site = (*kiosk)->siteData();
  CHECK(site.db().schemaVersion() == store::latestSchemaVersion());
  const auto migrated = hashesAndSignatures(site);
  auto check = service::checkSite(site.db());
  REQUIRE(check.ok());
  INFO((check->problems.empty() ? "" : check->problems.front()));
  CHECK(check->sound());
  CHECK(check->log.rows == static_cast<int64_t>(migrated.size()));
  // Old rows keep their bytes (no stamp: their order is their wall clock); new rows are stamped.
  auto unstamped = site.db().prepare("SELECT count(*) FROM events WHERE hlc IS NULL");
  REQUIRE(unstamped->step().value());
  CHECK(unstamped->columnInt(0) == static_cast<int64_t>(migrated.size()));
  unstamped->reset();
  clock.advanceMs(60000);
  REQUIRE((*kiosk)->checkInWalkIn(walkIn("Brown"), false).ok());
  auto after = hashesAndSignatures(site);
  after.resize(migrated.size());
  CHECK(after == migrated);
  auto stamped = site.db().prepare("SELECT hlc, at_ms FROM events ORDER BY seq DESC LIMIT 1");
  REQUIRE(stamped->step().value());
  CHECK(stamped->columnInt(0) == core::legacyHlc(stamped->columnInt(1)));
  stamped->reset();
  auto again = service::checkSite(site.db());
  REQUIRE(again.ok());
  CHECK(again->sound());
  // The fold reads both kinds: four check-ins, waiting.
  auto state = service::foldedState(site.db(), site.info().deviceId);
  REQUIRE(state.ok());
  CHECK(state->checkins.size() == 4);
  CHECK(state->conflicts.empty());
}

TEST_CASE("a stamp written in the log is not changed unseen, and a stamp never goes below a peer's") {
  TempDir dir;
  core::ManualClock clock{test::localTime(2026, 12, 3, 9, 0)};
  REQUIRE(service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock).ok());
  auto kiosk = service::openKiosk(dir / "site", clock);
  REQUIRE(kiosk.ok());
  service::Site& site = (*kiosk)->siteData();
  // A peer's event stamped an hour ahead (its clock is fast): the kiosk's next event sorts after it.
  const int64_t ahead = core::legacyHlc(clock.now().unixMs + 3600000) + 7;
  store::SiteEvent peer;
  peer.origin = "ZZZZ";
  peer.originSeq = 1;
  peer.event = {clock.now().unixMs, "signin", "", "", "{}", ahead};
  peer.prevHash = std::string(32, '\0');
  peer.hash = std::string(32, 'h');
  REQUIRE(store::insertPeerEvent(site.db(), peer).ok());
  REQUIRE((*kiosk)->checkInWalkIn(walkIn("Smith"), false).ok());
  auto st = site.db().prepare("SELECT hlc FROM events ORDER BY seq DESC LIMIT 1");
  REQUIRE(st->step().value());
  CHECK(st->columnInt(0) == ahead + 1);
  st->reset();
  // Changing a stored stamp breaks the row's hash.
  REQUIRE(site.db().exec("DROP TRIGGER events_no_update").ok());
  REQUIRE(site.db().exec("UPDATE events SET hlc = hlc - 1 WHERE seq = (SELECT max(seq) FROM events)").ok());
  auto check = service::checkSite(site.db());
  REQUIRE(check.ok());
  CHECK_FALSE(check->sound());
}
