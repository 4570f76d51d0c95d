// Sealed backups with the real SQLite file and real libsodium: taken while another connection writes,
// kept N deep, holding nothing readable, restored only with the recovery code and only when they check.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <thread>

#include "service/backup.h"
#include "service/site.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/schema.h"
#include "store/site_tables.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::TempDir;
namespace fs = std::filesystem;

namespace {

struct SiteDir {
  TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  fs::path data = dir / "site";
  std::string code;
  SiteDir() {
    auto init = service::Site::create(data, {"B82005", "Riverside Surgery", {}}, clock);
    REQUIRE(init.ok());
    code = init->recoveryCode;
    auto db = store::Database::open(service::Site::databasePath(data), {});
    REQUIRE(db.ok());
    REQUIRE((*db)->exec("CREATE TABLE bulk(n INTEGER PRIMARY KEY, pad BLOB)").ok());
  }
};

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int64_t countRows(store::Database& db) {
  auto st = db.prepare("SELECT count(*), coalesce(max(n), 0) FROM bulk");
  REQUIRE(st.ok());
  REQUIRE(st->step().value());
  CHECK(st->columnInt(0) == st->columnInt(1));  // a committed prefix: no gaps, nothing half-written
  return st->columnInt(0);
}

/// The backup's database, opened as someone with the recovery code would.
std::unique_ptr<store::Database> openWithCode(const fs::path& file, const std::string& code) {
  const std::string bytes = readAll(file);
  auto header = service::readBackupHeader(bytes);
  REQUIRE(header.ok());
  auto keys = service::backupKeysFromCode(header->header, code);
  REQUIRE(keys.ok());
  auto image = service::openBackup(bytes, keys->recordsSecretKey);
  REQUIRE(image.ok());
  auto db = store::fromImage(*image);
  REQUIRE(db.ok());
  return std::move(*db);
}

std::vector<std::string> namesIn(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a backup taken while another connection writes is a sealed copy of one committed state") {
  SiteDir site;
  std::atomic<int64_t> committed{0};
  std::atomic<bool> stop{false};
  std::atomic<bool> writerFailed{false};  // Catch2's REQUIRE is for the main thread only
  std::thread writer([&] {
    auto db = store::Database::open(service::Site::databasePath(site.data), {});
    if (!db.ok()) {
      writerFailed = true;
      return;
    }
    for (int64_t n = 1; !stop; ++n) {
      auto s = (*db)->transaction([&]() -> core::Status {
        auto st = (*db)->prepare("INSERT INTO bulk(n, pad) VALUES(?, zeroblob(2000))");
        if (!st.ok()) return st.error();
        st->bind(1, n);
        return st->run();
      });
      if (!s.ok()) {
        writerFailed = true;
        return;
      }
      committed = n;
    }
  });
  while (committed < 500 && !writerFailed) std::this_thread::yield();

  const int64_t before = committed;
  auto r = service::backupSite(site.data, site.data / "backups", 3);
  stop = true;
  writer.join();
  REQUIRE_FALSE(writerFailed);
  REQUIRE(r.ok());
  CHECK(r->file.filename().string().starts_with("longstop-"));
  CHECK(r->file.extension() == ".lsbackup");
  // Only the sealed file is there: no temporary copy, plain or not, was left beside it.
  CHECK(namesIn(site.data / "backups") == std::vector<std::string>{r->file.filename().string()});
  CHECK((fs::status(r->file).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
        fs::perms::none);

  const std::string bytes = readAll(r->file);
  CHECK(bytes.starts_with("LSBK"));
  CHECK(bytes.find("SQLite format 3") == std::string::npos);
  CHECK(bytes.find("Riverside Surgery") == std::string::npos);
  CHECK(bytes.find("CREATE TABLE") == std::string::npos);

  auto copy = openWithCode(r->file, site.code);
  CHECK(copy->schemaVersion() == store::latestSchemaVersion());
  const int64_t rows = countRows(*copy);
  CHECK(rows >= before);
  CHECK(rows <= committed);
  CHECK(*store::getMeta(*copy, "site_name").value() == "Riverside Surgery");
}

TEST_CASE("only the newest N sealed backups are kept, and plain ones from before are sealed") {
  SiteDir site;
  const fs::path dest = site.data / "backups";
  fs::create_directories(dest);
  // Older sealed copies, a plain copy from before sealing, the leftover of a plain backup cut short.
  for (const char* old : {"longstop-20240101-000000.lsbackup", "longstop-20240102-000000.lsbackup",
                          "longstop-20240103-000000.lsbackup"})
    std::ofstream(dest / old) << "x";
  fs::copy_file(service::Site::databasePath(site.data), dest / "longstop-20240104-000000.db");
  std::ofstream(dest / "longstop-20240105-000000.db.tmp") << "half a copy";
  std::ofstream(dest / "notes.txt") << "not a backup";

  auto r = service::backupSite(site.data, dest, 2);
  REQUIRE(r.ok());
  CHECK(r->plain.sealed == 1);
  CHECK(r->plain.deleted == 1);
  CHECK(r->removed == 3);
  CHECK(namesIn(dest) == std::vector<std::string>{"longstop-20240104-000000.lsbackup",
                                                  r->file.filename().string(), "notes.txt"});
  // The plain copy, sealed, opens with the recovery code and is the same database.
  auto old = openWithCode(dest / "longstop-20240104-000000.lsbackup", site.code);
  CHECK(*store::getMeta(*old, "ods_code").value() == "B82005");
}

TEST_CASE("backups made in the same second are kept newest first: -2 after the first, -10 after -2") {
  SiteDir site;
  const fs::path dest = site.data / "backups";
  fs::create_directories(dest);
  // Three backups of one second (a stamp after today's, so they are the newest), named as freshName
  // names them when the second is already taken.
  for (const char* name : {"longstop-29991231-235959.lsbackup", "longstop-29991231-235959-2.lsbackup",
                           "longstop-29991231-235959-10.lsbackup"})
    std::ofstream(dest / name) << "x";
  auto r = service::backupSite(site.data, dest, 2);
  REQUIRE(r.ok());
  CHECK(r->removed == 2);  // today's, and the first of that second
  CHECK(namesIn(dest) == std::vector<std::string>{"longstop-29991231-235959-10.lsbackup",
                                                  "longstop-29991231-235959-2.lsbackup"});
}

TEST_CASE("backup errors are clear and change nothing") {
  TempDir dir;
  auto missing = service::backupSite(dir / "none", dir / "b", 3);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == core::ErrorCode::kNotFound);
  CHECK_FALSE(fs::exists(dir / "b"));
  SiteDir site;
  auto zero = service::backupSite(site.data, site.dir / "b", 0);
  REQUIRE_FALSE(zero.ok());
  CHECK(zero.error().code == core::ErrorCode::kInvalidInput);
  // A database that is not a site (no keys to seal to) gives no backup.
  fs::create_directories(dir / "bare");
  REQUIRE(store::Database::open(dir / "bare" / "longstop.db", {.create = true}).ok());
  auto bare = service::backupSite(dir / "bare", dir / "bare" / "backups", 3);
  REQUIRE_FALSE(bare.ok());
  CHECK(bare.error().code == core::ErrorCode::kCorrupt);
  CHECK_FALSE(fs::exists(dir / "bare" / "backups"));
}
