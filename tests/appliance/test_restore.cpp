// Restoring a sealed backup: only with the recovery code, only after the copy checks, and a bad, cut,
// changed or foreign backup is refused with a sentence and leaves every file as it was.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <map>

#include "service/backup.h"
#include "service/site.h"
#include "service/site_check.h"
#include "store/database.h"
#include "store/site_tables.h"
#include "support/clocks.h"
#include "support/legacy_layout.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
void writeAll(const fs::path& p, std::string_view bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

/// Every file under `dir` with its bytes: what "nothing changed" is checked against. Reading the
/// database (to see which device it is) leaves SQLite's shared-memory index and an empty WAL, which
/// hold no data: they are not counted.
std::map<std::string, std::string> snapshotOf(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name.ends_with("-shm") || (name.ends_with("-wal") && e.file_size() == 0))
      continue;
    out[fs::relative(e.path(), dir).string()] = readAll(e.path());
  }
  return out;
}

struct Restorable {
  TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  fs::path data = dir / "site";
  std::string code;
  fs::path backup;

  explicit Restorable(const std::string& ods = "B82005") {
    auto init = service::Site::create(data, {ods, "Riverside Surgery", {}}, clock);
    REQUIRE(init.ok());
    code = init->recoveryCode;
    addRows(1, 10);
    auto r = service::backupSite(data, dir / "backups", 3);
    REQUIRE(r.ok());
    backup = r->file;
    addRows(11, 20);  // after the backup: gone once it is restored
  }
  void addRows(int from, int to) {
    auto db = store::Database::open(service::Site::databasePath(data), {});
    REQUIRE(db.ok());
    REQUIRE((*db)->exec("CREATE TABLE IF NOT EXISTS bulk(n INTEGER PRIMARY KEY)").ok());
    for (int n = from; n <= to; ++n)
      REQUIRE((*db)->exec("INSERT INTO bulk VALUES(" + std::to_string(n) + ")").ok());
  }
  int64_t rows() {
    auto db = store::Database::open(service::Site::databasePath(data), {.readOnly = true});
    REQUIRE(db.ok());
    auto st = (*db)->prepare("SELECT count(*) FROM bulk");
    REQUIRE(st->step().value());
    return st->columnInt(0);
  }
};

}  // namespace

TEST_CASE("a sealed backup restores with the recovery code, and the database it replaces is kept aside") {
  Restorable site;
  CHECK(site.rows() == 20);
  auto r = service::restoreBackup(site.backup, site.data, site.code);
  REQUIRE(r.ok());
  CHECK(site.rows() == 10);
  CHECK(r->keptAside == site.data / "longstop.db.before-restore");
  CHECK(r->events >= 1);
  CHECK_FALSE(fs::exists(site.data / "longstop.db.restoring"));
  {
    auto aside = store::Database::open(r->keptAside, {.readOnly = true});
    REQUIRE(aside.ok());
    auto st = (*aside)->prepare("SELECT count(*) FROM bulk");
    REQUIRE(st->step().value());
    CHECK(st->columnInt(0) == 20);
  }
  // The restored site is this site: it opens, unlocks with its code, and its log checks.
  auto opened = service::Site::open(site.data, site.clock);
  REQUIRE(opened.ok());
  (*opened)->lock();
  REQUIRE((*opened)->unlockWithRecoveryCode(site.code).ok());
  auto check = service::checkSite((*opened)->db());
  REQUIRE(check.ok());
  CHECK(check->sound());

  // Into an empty folder (a new card): nothing to keep aside.
  auto fresh = service::restoreBackup(site.backup, site.dir / "new-card", site.code);
  REQUIRE(fresh.ok());
  CHECK(fresh->keptAside.empty());
  CHECK(fs::exists(site.dir / "new-card" / "longstop.db"));
}

TEST_CASE("a bad, cut, changed or foreign backup, or a wrong code, is refused and changes nothing") {
  Restorable site;
  const std::string good = readAll(site.backup);
  const auto before = snapshotOf(site.data);
  auto tryFile = [&](const std::string& bytes, const std::string& code) {
    const fs::path f = site.dir / "candidate.lsbackup";
    writeAll(f, bytes);
    auto r = service::restoreBackup(f, site.data, code);
    CHECK(snapshotOf(site.data) == before);
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.error().message.empty());
    return r.error();
  };

  auto wrong = tryFile(good, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF");
  CHECK(wrong.code == core::ErrorCode::kUnauthorised);
  CHECK(wrong.message.find("recovery code does not open this backup") != std::string::npos);

  auto cut = tryFile(good.substr(0, good.size() - 100), site.code);
  CHECK(cut.code == core::ErrorCode::kCorrupt);
  CHECK(cut.message.find("damaged, cut short or has been changed") != std::string::npos);

  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x01;
  CHECK(tryFile(flipped, site.code).code == core::ErrorCode::kCorrupt);

  // A changed header (the time it was made): the seal covers the header too.
  auto header = service::readBackupHeader(good);
  REQUIRE(header.ok());
  std::string stamped = good;
  stamped[4 + 1 + 1 + header->header.deviceId.size() + 7] ^= 0x01;
  CHECK(tryFile(stamped, site.code).code == core::ErrorCode::kCorrupt);

  std::string version = good;
  version[4] = 9;
  CHECK(tryFile(version, site.code).message.find("format 9") != std::string::npos);
  CHECK(tryFile("SQLite format 3", site.code).message.find("not a Longstop backup") != std::string::npos);
  CHECK(tryFile(good.substr(0, 20), site.code).message.find("cut short") != std::string::npos);

  // Another site's backup, with that site's own code: not over this device's data.
  Restorable other("Y99999");
  auto foreign = tryFile(readAll(other.backup), other.code);
  CHECK(foreign.code == core::ErrorCode::kConflict);
  CHECK(foreign.message.find("is of device") != std::string::npos);
}

TEST_CASE("a backup whose contents fail their check is not restored") {
  Restorable site;
  // Someone with the records key could seal a changed database: its log no longer checks.
  auto db = store::Database::open(service::Site::databasePath(site.data), {});
  REQUIRE(db.ok());
  REQUIRE((*db)->exec("DROP TRIGGER events_no_update; UPDATE events SET data = 'x' WHERE seq = 1").ok());
  db->reset();
  auto made = service::backupSite(site.data, site.dir / "tampered", 1);
  REQUIRE(made.ok());
  fs::remove_all(site.dir / "target");
  auto r = service::restoreBackup(made->file, site.dir / "target", site.code);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == core::ErrorCode::kCorrupt);
  CHECK(r.error().message.find("does not check") != std::string::npos);
  CHECK_FALSE(fs::exists(site.dir / "target" / "longstop.db"));
}

TEST_CASE("a backup of a site from before credential key pairs restores, and the site converts at unlock") {
  TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  const fs::path data = dir / "site";
  auto init = service::Site::create(data, {"B82005", "Riverside Surgery", {}}, clock);
  REQUIRE(init.ok());
  const std::string code = init->recoveryCode;
  {
    auto opened = service::Site::open(data, clock);
    REQUIRE(opened.ok());
    auto keys = (*opened)->unlockWithRecoveryCode(code);
    REQUIRE(keys.ok());
    opened->reset();
    crypto::SecretBytes kek;
    {
      auto db = store::Database::open(service::Site::databasePath(data), {});
      REQUIRE(db.ok());
      kek = test::credentialKek(**db, "recovery", crypto::normaliseCode(code));
    }
    test::toBeforeAdminKeys(data, keys.value(), {{"recovery", &kek}});
  }
  auto made = service::backupSite(data, dir / "backups", 3);
  REQUIRE(made.ok());
  auto parsed = service::readBackupHeader(readAll(made->file));
  REQUIRE(parsed.ok());
  CHECK(parsed->header.recovery.publicKey.empty());  // the old layout: the site's keys wrapped directly
  CHECK(parsed->header.recovery.bundle.empty());

  auto restored = service::restoreBackup(made->file, dir / "new-card", code);
  INFO((restored.ok() ? std::string() : restored.error().message));
  REQUIRE(restored.ok());
  auto opened = service::Site::open(dir / "new-card", clock);
  REQUIRE(opened.ok());
  (*opened)->lock();
  REQUIRE((*opened)->unlockWithRecoveryCode(code).ok());
  CHECK_FALSE((*opened)->adminPublicKey().empty());  // converted, and the admin key made
  auto cred = store::getCredential((*opened)->db(), "recovery");
  REQUIRE(cred.ok());
  REQUIRE(cred.value());
  CHECK_FALSE(cred.value()->publicKey.empty());
  auto check = service::checkSite((*opened)->db());
  REQUIRE(check.ok());
  CHECK(check->sound());

  // A backup of the converted site carries the new layout and restores with the same code.
  auto again = service::backupSite(dir / "new-card", dir / "backups2", 3);
  REQUIRE(again.ok());
  auto header = service::readBackupHeader(readAll(again->file));
  REQUIRE(header.ok());
  CHECK(header->header.recovery.publicKey == cred.value()->publicKey);
  CHECK(service::restoreBackup(again->file, dir / "third-card", code).ok());
}
