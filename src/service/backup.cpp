// Making, rotating and restoring sealed backups; the file format is in backup_file.cpp.
#include "service/backup.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <vector>

#include "crypto/primitives.h"
#include "exporter/destination.h"
#include "service/admin_log.h"
#include "service/site.h"
#include "service/site_check.h"
#include "store/backup.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPrefix = "longstop-";

/// Zeroes a string that held a database image before it goes away.
struct Wiped {
  std::string bytes;
  ~Wiped() { sodium_memzero(bytes.data(), bytes.size()); }
};

bool fsyncDir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

std::string timestamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  return buf;
}

bool isSealedName(const std::string& name) {
  return name.rfind(kPrefix, 0) == 0 && name.ends_with(kBackupSuffix);
}

/// longstop-*.db and what SQLite or a cut-short backup left beside it (-journal, -wal, -shm, .tmp).
bool isPlainName(const std::string& name) {
  return name.rfind(kPrefix, 0) == 0 && name.find(".db") != std::string::npos && !isSealedName(name);
}

/// A name in `dir` not yet taken: longstop-<stamp>.lsbackup, or with -2, -3, ... when one is.
std::string freshName(const fs::path& dir, const std::string& stamp) {
  std::string name = kPrefix + stamp + kBackupSuffix;
  std::error_code ec;
  for (int n = 2; fs::exists(dir / name, ec); ++n)
    name = kPrefix + stamp + "-" + std::to_string(n) + kBackupSuffix;
  return name;
}

core::Result<std::string> readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return core::notFound("Cannot read " + p.string() + ".");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return core::storageError("Cannot read " + p.string() + ".");
  return bytes;
}

/// Overwrites a file with zeros, flushes that, then deletes it: its bytes no longer lie in its blocks.
/// (Flash storage may keep an old copy of a block the filesystem cannot reach; see docs/decisions.md.)
core::Status shred(const fs::path& p) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  int fd = ::open(p.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0 || ec) {
    if (fd >= 0) ::close(fd);
    return core::storageError("Cannot overwrite the old backup " + p.string() + ".");
  }
  const std::string zeros(64 * 1024, '\0');
  bool ok = true;
  for (uintmax_t done = 0; ok && done < size;) {
    const size_t n = static_cast<size_t>(std::min<uintmax_t>(zeros.size(), size - done));
    const ssize_t w = ::write(fd, zeros.data(), n);
    ok = w > 0;
    done += ok ? static_cast<uintmax_t>(w) : 0;
  }
  ok = ok && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || !fs::remove(p, ec))
    return core::storageError("Cannot overwrite and delete the old backup " + p.string() + ".");
  return core::okStatus();
}

int removeOld(const fs::path& dir, int keep) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file(ec) && isSealedName(name)) names.push_back(name);
  }
  // Newest last: by the stamp (UTC, fixed width), then by the number a backup made in a second already
  // taken gets (none, -2, -3, ... -10), which plain string order would put before the first of them.
  auto order = [](const std::string& name) {
    const std::string rest = name.substr(std::string(kPrefix).size());
    const size_t stampLength = std::string("YYYYMMDD-HHMMSS").size();
    int n = 1;
    if (rest.size() > stampLength && rest[stampLength] == '-') n = std::atoi(rest.c_str() + stampLength + 1);
    return std::pair(rest.substr(0, stampLength), n);
  };
  std::sort(names.begin(), names.end(), [&](const auto& a, const auto& b) { return order(a) < order(b); });
  int removed = 0;
  for (size_t i = 0; i + static_cast<size_t>(keep) < names.size(); ++i)
    if (fs::remove(dir / names[i], ec)) ++removed;
  if (removed > 0) fsyncDir(dir);
  return removed;
}

std::string metaOf(store::Database& db, const char* key) {
  auto v = store::getMeta(db, key);
  return v.ok() && v.value() ? *v.value() : std::string();
}

/// A restored log that checks, or one from before signed logs whose chain is whole (it is signed from
/// the restored site's first unlock, as any old site is).
bool restorable(const SiteCheck& c) {
  if (c.sound()) return true;
  return c.log.sound() && c.log.signedRows == 0 && c.problems.size() == 1;
}

}  // namespace

fs::path backupsDir(const fs::path& dataDir) {
  return dataDir / "backups";
}

core::Result<BackupHeader> backupHeaderOf(store::Database& db) {
  BackupHeader h;
  h.deviceId = metaOf(db, "device_id");
  h.recordsPublicKey = crypto::fromHex(metaOf(db, "records_pk")).value_or("");
  auto cred = store::getCredential(db, "recovery");
  if (!cred.ok()) return cred.error();
  if (h.deviceId.empty() || h.recordsPublicKey.size() != 32 || !cred.value())
    return core::corrupt(
        "The database has no device ID, records key or recovery credential: it is not a whole "
        "Longstop site, and no backup was made.");
  // Sealed to the records key the signed admin log names, when it names one (a key planted in meta
  // would give its owner the whole backup).
  auto admin = readAdminLog(db);
  if (admin.ok() && !admin->recordsPublicKey.empty() && admin->recordsPublicKey != h.recordsPublicKey)
    return core::corrupt(
        "The database's records key is not the one its administrators' log names: it was changed "
        "outside Longstop, and no backup was made. Call the practice's IT support.");
  h.recovery = *cred.value();
  h.createdMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  return h;
}

core::Result<PlainBackups> sealPlainBackups(const fs::path& dir, const BackupHeader& header) {
  PlainBackups out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  std::vector<fs::path> plain;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec) && isPlainName(e.path().filename().string())) plain.push_back(e.path());
  std::sort(plain.begin(), plain.end());
  for (const fs::path& p : plain) {
    const std::string name = p.filename().string();
    if (name.ends_with(".db")) {
      auto bytes = readAll(p);
      if (!bytes.ok()) return bytes.error();
      Wiped image{std::move(*bytes)};
      if (image.bytes.rfind("SQLite format 3", 0) == 0) {
        auto sealed = sealBackup(header, image.bytes);
        if (!sealed.ok()) return sealed.error();
        const std::string stamp =
            name.substr(std::string(kPrefix).size(), name.size() - 3 - std::string(kPrefix).size());
        if (auto s = exporter::replaceDurably(dir, freshName(dir, stamp), *sealed); !s.ok()) return s.error();
        if (auto s = shred(p); !s.ok()) return s.error();
        ++out.sealed;
        continue;
      }
    }
    if (auto s = shred(p); !s.ok()) return s.error();
    ++out.deleted;
  }
  if (out.any()) fsyncDir(dir);
  return out;
}

core::Result<BackupResult> backupSite(const fs::path& dataDir, const fs::path& destDir, int keep) {
  if (keep < 1) return core::invalidInput("Keep at least one backup (--keep 1 or more).");
  if (!crypto::initialise()) return core::internalError("libsodium could not start on this machine.");
  auto copy = store::snapshot(Site::databasePath(dataDir));
  if (!copy.ok()) return copy.error();
  // The key as the copy has it: the current one, even just after the keys were changed.
  auto header = backupHeaderOf(**copy);
  if (!header.ok()) return header.error();
  auto image = store::imageOf(**copy);
  copy->reset();
  if (!image.ok()) return image.error();
  Wiped plain{std::move(*image)};
  auto sealed = sealBackup(*header, plain.bytes);
  if (!sealed.ok()) return sealed.error();

  std::error_code ec;
  fs::create_directories(destDir, ec);
  if (ec)
    return core::storageError("Cannot make the backup folder " + destDir.string() + ": " + ec.message() +
                              ".");
  fs::permissions(destDir, fs::perms::owner_all, fs::perm_options::replace, ec);
  BackupResult r;
  const std::string name = freshName(destDir, timestamp());
  if (auto s = exporter::replaceDurably(destDir, name, *sealed); !s.ok()) return s.error();
  r.file = destDir / name;
  auto old = sealPlainBackups(destDir, *header);
  if (!old.ok()) return old.error();
  r.plain = *old;
  r.removed = removeOld(destDir, keep);
  return r;
}

core::Result<RestoreResult> restoreBackup(const fs::path& file, const fs::path& dataDir,
                                          std::string_view code) {
  if (!crypto::initialise()) return core::internalError("libsodium could not start on this machine.");
  auto bytes = readAll(file);
  if (!bytes.ok()) return bytes.error();
  auto parsed = readBackupHeader(*bytes);
  if (!parsed.ok()) return parsed.error();
  const BackupHeader& h = parsed->header;
  const fs::path live = Site::databasePath(dataDir);
  std::error_code ec;
  if (fs::exists(live, ec)) {
    auto present = store::Database::open(live, {.readOnly = true});
    if (present.ok() && metaOf(**present, "device_id") != h.deviceId)
      return core::conflict("This backup is of device " + h.deviceId + ", but " + dataDir.string() +
                            " holds device " + metaOf(**present, "device_id") +
                            "; nothing was restored. Restore into that device's "
                            "own data folder, or an empty one.");
  }
  auto keys = backupKeysFromCode(h, code);
  if (!keys.ok()) return keys.error();
  auto opened = openBackup(*bytes, keys->recordsSecretKey);
  if (!opened.ok()) return opened.error();
  Wiped image{std::move(*opened)};
  auto db = store::fromImage(image.bytes);
  if (!db.ok()) return db.error();
  if (metaOf(**db, "device_id") != h.deviceId ||
      crypto::fromHex(metaOf(**db, "records_pk")) != h.recordsPublicKey)
    return core::corrupt("The backup's database is not the one its header names; nothing was restored.");
  auto check = checkSite(**db, keys->signPublicKey);
  if (!check.ok()) return check.error();
  if (!restorable(*check))
    return core::corrupt("The backup's database does not check: " + check->problems.front() +
                         " Nothing was restored.");
  auto migrated = store::imageOf(**db);
  db->reset();
  if (!migrated.ok()) return migrated.error();
  Wiped checked{std::move(*migrated)};

  fs::create_directories(dataDir, ec);
  fs::permissions(dataDir, fs::perms::owner_all, fs::perm_options::replace, ec);
  const std::string staged = "longstop.db.restoring";
  if (auto s = exporter::replaceDurably(dataDir, staged, checked.bytes); !s.ok()) return s.error();
  RestoreResult r{h.deviceId, check->log.rows, {}};
  if (fs::exists(live, ec)) {
    fs::path aside = dataDir / "longstop.db.before-restore";
    for (int n = 2; fs::exists(aside, ec); ++n)
      aside = dataDir / ("longstop.db.before-restore-" + std::to_string(n));
    fs::rename(live, aside, ec);
    if (ec) {
      fs::remove(dataDir / staged, ec);
      return core::storageError("Cannot move the present database aside: " + ec.message() +
                                "; nothing was restored.");
    }
    // Its write-ahead log belongs to it, not to the restored file.
    if (fs::exists(live.string() + "-wal", ec))
      fs::rename(live.string() + "-wal", aside.string() + "-wal", ec);
    fs::remove(live.string() + "-shm", ec);
    r.keptAside = aside;
  }
  fs::rename(dataDir / staged, live, ec);
  if (ec) return core::storageError("Cannot put the restored database in place: " + ec.message() + ".");
  if (!fsyncDir(dataDir)) return core::storageError("Cannot flush " + dataDir.string() + " to disk.");
  return r;
}

}  // namespace longstop::service
