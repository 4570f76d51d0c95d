#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <thread>

#include "store/backup.h"
#include "store/database.h"
#include "store/schema.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::TempDir;
namespace fs = std::filesystem;

namespace {

int64_t countRows(store::Database& db) {
  auto st = db.prepare("SELECT count(*), coalesce(max(n), 0) FROM bulk");
  REQUIRE(st.ok());
  REQUIRE(st->step().value());
  CHECK(st->columnInt(0) == st->columnInt(1));  // a committed prefix: no gaps, nothing half-written
  return st->columnInt(0);
}

std::vector<fs::path> backupsIn(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a backup taken while another connection writes is a sound copy of one committed state") {
  TempDir dir;
  const fs::path source = dir / "site.db";
  {
    auto db = store::Database::open(source, {.create = true});
    REQUIRE(db.ok());
    REQUIRE((*db)->exec("CREATE TABLE bulk(n INTEGER PRIMARY KEY, pad BLOB)").ok());
  }
  std::atomic<int64_t> committed{0};
  std::atomic<bool> stop{false};
  std::atomic<bool> writerFailed{false};  // Catch2's REQUIRE is for the main thread only
  std::thread writer([&] {
    auto db = store::Database::open(source, {});
    if (!db.ok()) { writerFailed = true; return; }
    for (int64_t n = 1; !stop; ++n) {
      auto s = (*db)->transaction([&]() -> core::Status {
        auto st = (*db)->prepare("INSERT INTO bulk(n, pad) VALUES(?, zeroblob(2000))");
        if (!st.ok()) return st.error();
        st->bind(1, n);
        return st->run();
      });
      if (!s.ok()) { writerFailed = true; return; }
      committed = n;
    }
  });
  while (committed < 500 && !writerFailed) std::this_thread::yield();

  const int64_t before = committed;
  auto r = store::backupDatabase(source, dir / "backups", 3);
  stop = true;
  writer.join();
  REQUIRE_FALSE(writerFailed);
  REQUIRE(r.ok());
  CHECK(r->file.filename().string().starts_with("longstop-"));
  CHECK(r->file.extension() == ".db");

  auto copy = store::Database::open(r->file, {.readOnly = true});
  REQUIRE(copy.ok());
  auto check = (*copy)->prepare("PRAGMA integrity_check");
  REQUIRE(check.ok());
  REQUIRE(check->step().value());
  CHECK(check->columnText(0) == "ok");
  CHECK((*copy)->schemaVersion() == store::latestSchemaVersion());
  const int64_t rows = countRows(**copy);
  CHECK(rows >= before);
  CHECK(rows <= committed);
  CHECK_FALSE(fs::exists(r->file.string() + "-wal"));
}

TEST_CASE("only the newest N backups are kept") {
  TempDir dir;
  const fs::path source = dir / "site.db";
  REQUIRE(store::Database::open(source, {.create = true}).ok());
  const fs::path dest = dir / "backups";
  fs::create_directories(dest);
  // Older copies from earlier days, and the leftover of a backup cut short.
  for (const char* old : {"longstop-20240101-000000.db", "longstop-20240102-000000.db",
                          "longstop-20240103-000000.db", "longstop-20240104-000000.db.tmp"})
    std::ofstream(dest / old) << "x";
  std::ofstream(dest / "notes.txt") << "not a backup";

  auto r = store::backupDatabase(source, dest, 2);
  REQUIRE(r.ok());
  CHECK(r->removed == 2);
  auto left = backupsIn(dest);
  REQUIRE(left.size() == 3);
  CHECK(left[0].filename() == "longstop-20240103-000000.db");
  CHECK(left[1] == r->file);
  CHECK(left[2].filename() == "notes.txt");
}

TEST_CASE("backup errors are clear") {
  TempDir dir;
  auto missing = store::backupDatabase(dir / "none.db", dir / "b", 3);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == core::ErrorCode::kNotFound);
  REQUIRE(store::Database::open(dir / "site.db", {.create = true}).ok());
  auto zero = store::backupDatabase(dir / "site.db", dir / "b", 0);
  REQUIRE_FALSE(zero.ok());
  CHECK(zero.error().code == core::ErrorCode::kInvalidInput);
}
