#include <catch2/catch.hpp>

#include "core/digest.h"
#include "store/database.h"
#include "store/event_log.h"
#include "store/schema.h"
#include "store/site_tables.h"
#include "support/temp_dir.h"
#include "support/test_digest.h"

using namespace longstop;
using longstop::test::TempDir;

namespace {
std::string pragma(store::Database& db, const char* name) {
  auto st = db.prepare(std::string("PRAGMA ") + name);
  REQUIRE(st.ok());
  REQUIRE(st->step().value());
  return st->columnText(0);
}
}  // namespace

TEST_CASE("a new database is WAL, synchronous=FULL, foreign keys on, fully migrated") {
  TempDir dir;
  auto db = store::Database::open(dir / "x.db", {.create = true});
  REQUIRE(db.ok());
  CHECK(pragma(**db, "journal_mode") == "wal");
  CHECK(pragma(**db, "synchronous") == "2");
  CHECK(pragma(**db, "foreign_keys") == "1");
  CHECK((*db)->schemaVersion() == store::latestSchemaVersion());
}

TEST_CASE("opening a missing database without create is a clear error") {
  TempDir dir;
  auto db = store::Database::open(dir / "missing.db", {});
  REQUIRE_FALSE(db.ok());
  CHECK(db.error().code == core::ErrorCode::kNotFound);
}

TEST_CASE("a database from a newer version is refused, not downgraded") {
  TempDir dir;
  {
    auto db = store::Database::open(dir / "x.db", {.create = true});
    REQUIRE(db.ok());
    REQUIRE((*db)->exec("PRAGMA user_version=99").ok());
  }
  auto again = store::Database::open(dir / "x.db", {});
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().message.find("newer") != std::string::npos);
}

TEST_CASE("an old database (schema 0) is migrated when opened") {
  TempDir dir;
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open((dir / "old.db").c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "CREATE TABLE unrelated(x)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
  }
  auto db = store::Database::open(dir / "old.db", {});
  REQUIRE(db.ok());
  CHECK((*db)->schemaVersion() == store::latestSchemaVersion());
  CHECK(store::setMeta(**db, "k", "v").ok());
}

TEST_CASE("a schema-2 database gets the day-first queue index when opened") {
  TempDir dir;
  {
    auto db = store::Database::open(dir / "v2.db", {.create = true});
    REQUIRE(db.ok());
    // Put it back as schema 2 left it.
    REQUIRE(
        (*db)
            ->exec("DROP INDEX checkins_day_calls; "
                   "DROP TABLE peers; DROP TABLE peer_events; DROP TABLE peer_cursors; DROP TABLE "
                   "site_refusals; "
                   "ALTER TABLE events DROP COLUMN hlc; "
                   "DROP INDEX checkins_day_queue; "
                   "CREATE INDEX checkins_queue ON checkins(queue_id, state, priority, seq); "
                   "DROP TABLE log_head; ALTER TABLE events DROP COLUMN sig; "
                   "ALTER TABLE credentials DROP COLUMN box_pk; ALTER TABLE credentials DROP COLUMN bundle; "
                   "PRAGMA user_version=2")
            .ok());
  }
  auto db = store::Database::open(dir / "v2.db", {});
  REQUIRE(db.ok());
  CHECK((*db)->schemaVersion() == store::latestSchemaVersion());
  auto st = (*db)->prepare(
      "SELECT group_concat(name, ',') FROM sqlite_schema WHERE type = 'index' AND "
      "tbl_name = 'checkins' AND name NOT LIKE 'sqlite_%'");
  REQUIRE(st->step().value());
  CHECK(st->columnText(0) == "checkins_day_queue,checkins_day_calls");
}

TEST_CASE("a damaged database is set aside and reported, never replaced by an empty one") {
  TempDir dir;
  const auto path = dir / "x.db";
  {
    auto db = store::Database::open(path, {.create = true});
    REQUIRE(db.ok());
    for (int i = 0; i < 200; ++i)
      REQUIRE(store::setMeta(**db, "key" + std::to_string(i), std::string(200, 'v')).ok());
    REQUIRE((*db)->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  }
  std::string bytes = test::readAll(path);
  REQUIRE(bytes.size() > 8192);
  for (size_t i = 4096; i < 8192; ++i) bytes[i] = '\x5a';  // scribble over page 2
  test::writeAll(path, bytes);

  auto db = store::Database::open(path, {.create = true});
  REQUIRE_FALSE(db.ok());
  CHECK(db.error().code == core::ErrorCode::kCorrupt);
  CHECK(db.error().message.find(".damaged-1") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(std::filesystem::exists(path.string() + ".damaged-1"));
}

TEST_CASE("a damaged database is set aside with its WAL exactly as found, nothing folded into it") {
  TempDir dir;
  const auto live = dir / "live.db";
  const auto path = dir / "x.db";
  auto db = store::Database::open(live, {.create = true});
  REQUIRE(db.ok());
  for (int i = 0; i < 200; ++i)
    REQUIRE(store::setMeta(**db, "key" + std::to_string(i), std::string(200, 'v')).ok());
  REQUIRE((*db)->exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA wal_autocheckpoint=0").ok());
  // Written after the checkpoint: held only in the WAL, as a power cut leaves the newest check-ins.
  for (int i = 0; i < 20; ++i)
    REQUIRE(store::setMeta(**db, "late" + std::to_string(i), "in the WAL only").ok());
  // The files as a crash leaves them, while the connection still has them open.
  std::string bytes = test::readAll(live);
  const std::string wal = test::readAll(live.string() + "-wal");
  REQUIRE(wal.size() > 4096);
  for (size_t i = 4096; i < 8192; ++i) bytes[i] = '\x5a';  // scribble over page 2
  test::writeAll(path, bytes);
  test::writeAll(path.string() + "-wal", wal);

  auto opened = store::Database::open(path, {});
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().code == core::ErrorCode::kCorrupt);
  CHECK(opened.error().message.find("with its WAL, unchanged") != std::string::npos);
  const std::string aside = path.string() + ".damaged-1";
  REQUIRE(std::filesystem::exists(aside));
  CHECK(test::readAll(aside) == bytes);  // closing did not checkpoint the WAL into it
  REQUIRE(std::filesystem::exists(aside + "-wal"));
  CHECK(test::readAll(aside + "-wal") == wal);
  CHECK_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST_CASE("a file whose header is not a database's is set aside as damaged too") {
  TempDir dir;
  const auto path = dir / "x.db";
  {
    auto db = store::Database::open(path, {.create = true});
    REQUIRE(db.ok());
    REQUIRE((*db)->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  }
  std::string bytes = test::readAll(path);
  for (size_t i = 0; i < 100; ++i) bytes[i] = '\x5a';  // the header, "SQLite format 3" included
  test::writeAll(path, bytes);
  auto db = store::Database::open(path, {});
  REQUIRE_FALSE(db.ok());
  CHECK(db.error().code == core::ErrorCode::kCorrupt);
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(std::filesystem::exists(path.string() + ".damaged-1"));
}

TEST_CASE("a database that cannot be checked just now is left where it is (only damage sets it aside)") {
  TempDir dir;
  const auto path = dir / "x.db";
  auto holder = store::Database::open(path, {.create = true});
  REQUIRE(holder.ok());
  // Another connection keeps the file locked (exclusive locking mode holds it after its first write),
  // so the check cannot read it: the file is healthy, and a second opener must not move it aside.
  REQUIRE((*holder)->exec("PRAGMA locking_mode=EXCLUSIVE").ok());
  REQUIRE(store::setMeta(**holder, "k", "v").ok());
  auto second = store::Database::open(path, {});
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().code == core::ErrorCode::kStorage);
  CHECK(second.error().message.find("could not be checked") != std::string::npos);
  CHECK(std::filesystem::exists(path));
  CHECK_FALSE(std::filesystem::exists(path.string() + ".damaged-1"));
  CHECK(store::setMeta(**holder, "k", "still here").ok());
}

TEST_CASE("a transaction whose body fails leaves nothing behind") {
  TempDir dir;
  auto db = store::Database::open(dir / "x.db", {.create = true});
  REQUIRE(db.ok());
  auto s = (*db)->transaction([&]() -> core::Status {
    REQUIRE(store::setMeta(**db, "half", "written").ok());
    return core::storageError("simulated failure");
  });
  CHECK_FALSE(s.ok());
  auto v = store::getMeta(**db, "half");
  REQUIRE(v.ok());
  CHECK_FALSE(v.value().has_value());
}

TEST_CASE("counters hand out each number once, and a rolled-back number is not lost twice") {
  TempDir dir;
  auto db = store::Database::open(dir / "x.db", {.create = true});
  REQUIRE(db.ok());
  CHECK(store::nextCounter(**db, "record").value() == 1);
  CHECK(store::nextCounter(**db, "record").value() == 2);
  CHECK(store::nextCounter(**db, "other").value() == 1);
  (void)(*db)->transaction([&]() -> core::Status {
    CHECK(store::nextCounter(**db, "record").value() == 3);
    return core::conflict("roll back");
  });
  CHECK(store::nextCounter(**db, "record").value() == 3);
}

TEST_CASE("refusing writes makes every change fail inside SQLite") {
  TempDir dir;
  auto db = store::Database::open(dir / "x.db", {.create = true});
  REQUIRE(db.ok());
  REQUIRE((*db)->TEST_refuseWrites().ok());
  auto s = store::setMeta(**db, "k", "v");
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == core::ErrorCode::kStorage);
}

TEST_CASE("a schema-4 database keeps its credentials and gets room for their key pairs") {
  TempDir dir;
  {
    auto db = store::Database::open(dir / "v4.db", {.create = true});
    REQUIRE(db.ok());
    REQUIRE(
        (*db)
            ->exec("DROP INDEX checkins_day_calls; "
                   "DROP TABLE peers; DROP TABLE peer_events; DROP TABLE peer_cursors; DROP TABLE "
                   "site_refusals; "
                   "ALTER TABLE events DROP COLUMN hlc; "
                   "ALTER TABLE credentials DROP COLUMN box_pk; ALTER TABLE credentials DROP COLUMN bundle; "
                   "INSERT INTO credentials(id, kind, kdf_salt, kdf_ops, kdf_mem, wrapped, created_ms) "
                   "VALUES ('recovery', 'recovery', x'01', 1, 8192, x'0203', 5); PRAGMA user_version=4")
            .ok());
  }
  auto db = store::Database::open(dir / "v4.db", {});
  REQUIRE(db.ok());
  CHECK((*db)->schemaVersion() == store::latestSchemaVersion());
  auto old = store::getCredential(**db, "recovery");
  REQUIRE(old.ok());
  REQUIRE(old.value());
  CHECK(old.value()->wrapped == "\x02\x03");
  CHECK(old.value()->publicKey.empty());  // a credential from before: converted at its first use
  store::CredentialRow row = *old.value();
  row.wrapped = "new";
  row.publicKey = std::string(32, 'p');
  row.bundle = "sealed";
  REQUIRE(store::updateCredential(**db, row).ok());
  auto all = store::listCredentials(**db);
  REQUIRE(all.ok());
  REQUIRE(all->size() == 1);
  CHECK(all->front().publicKey == row.publicKey);
  CHECK(all->front().bundle == "sealed");
  row.id = "NOPE22";
  CHECK_FALSE(store::updateCredential(**db, row).ok());
}
