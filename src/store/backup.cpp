// The online backup: sqlite3_backup_* from the live file into a temporary file, then fsync and rename.
#include "store/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <system_error>
#include <vector>

namespace longstop::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPrefix = "longstop-";
constexpr const char* kSuffix = ".db";
constexpr int kPagesPerStep = 256;  // ~1 MB at 4 KiB pages: writers wait at most one step
constexpr int kBusySleepMs = 20;

core::Error sqliteFailure(sqlite3* db, const std::string& doing) {
  return core::storageError(doing + ": " + (db ? sqlite3_errmsg(db) : "out of memory") + ".");
}

/// Closes a connection when it goes out of scope.
struct Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close_v2(db); }
};

bool fsyncPath(const fs::path& p, bool directory) {
  int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

std::string timestampName() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "longstop-%Y%m%d-%H%M%S.db", &tm);
  return buf;
}

bool isBackupName(const std::string& name) {
  // longstop-YYYYmmdd-HHMMSS.db, possibly with a -N suffix when two fall in one second.
  return name.rfind(kPrefix, 0) == 0 && name.size() >= 27 && name.ends_with(kSuffix) &&
         name.find(".tmp") == std::string::npos;
}

/// A name in `dir` not yet taken: the timestamp, or the timestamp with -2, -3, ...
fs::path freshName(const fs::path& dir) {
  std::string base = timestampName();
  fs::path p = dir / base;
  std::error_code ec;
  for (int n = 2; fs::exists(p, ec); ++n)
    p = dir / (base.substr(0, base.size() - 3) + "-" + std::to_string(n) + kSuffix);
  return p;
}

core::Status copyInto(const fs::path& source, const fs::path& temp) {
  Connection src, dst;
  if (sqlite3_open_v2(source.c_str(), &src.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    return sqliteFailure(src.db, "Cannot open " + source.string() + " for the backup");
  sqlite3_busy_timeout(src.db, 5000);
  if (sqlite3_open_v2(temp.c_str(), &dst.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    return sqliteFailure(dst.db, "Cannot create " + temp.string());
  sqlite3_backup* b = sqlite3_backup_init(dst.db, "main", src.db, "main");
  if (!b) return sqliteFailure(dst.db, "Cannot start the backup");
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(b, kPagesPerStep);
    // A step that finds the source busy or locked is retried; one that finds it changed restarts
    // inside SQLite, so the copy always ends as one committed state.
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(kBusySleepMs);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return sqliteFailure(dst.db, "The backup of " + source.string() + " failed");
  // A backup is one file: no WAL beside it, so it can be copied off the device as it is.
  char* err = nullptr;
  if (sqlite3_exec(dst.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown";
    sqlite3_free(err);
    return core::storageError("Cannot finish the backup file: " + msg + ".");
  }
  return core::okStatus();
}

int removeOld(const fs::path& dir, int keep) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (!e.is_regular_file(ec) || name.rfind(kPrefix, 0) != 0) continue;
    if (isBackupName(name)) names.push_back(name);
    else if (name.ends_with(".db.tmp")) fs::remove(e.path(), ec);  // left by a backup cut short
  }
  // The names sort by time (UTC, fixed width), newest last.
  std::sort(names.begin(), names.end());
  int removed = 0;
  for (size_t i = 0; i + keep < names.size(); ++i)
    if (fs::remove(dir / names[i], ec)) ++removed;
  if (removed > 0) fsyncPath(dir, true);
  return removed;
}

}  // namespace

core::Result<BackupResult> backupDatabase(const fs::path& source, const fs::path& destDir, int keep) {
  if (keep < 1) return core::invalidInput("Keep at least one backup (--keep 1 or more).");
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) return core::notFound("There is no database at " + source.string() + ".");
  fs::create_directories(destDir, ec);
  if (ec) return core::storageError("Cannot make the backup directory " + destDir.string() + ": " + ec.message() + ".");

  const fs::path final = freshName(destDir);
  const fs::path temp = final.string() + ".tmp";
  fs::remove(temp, ec);
  if (auto s = copyInto(source, temp); !s.ok()) {
    fs::remove(temp, ec);
    return s.error();
  }
  if (!fsyncPath(temp, false)) {
    fs::remove(temp, ec);
    return core::storageError("Cannot flush the backup " + temp.string() + " to disk.");
  }
  fs::rename(temp, final, ec);
  if (ec) {
    fs::remove(temp, ec);
    return core::storageError("Cannot put the backup in place as " + final.string() + ": " + ec.message() + ".");
  }
  if (!fsyncPath(destDir, true))
    return core::storageError("Cannot flush the backup directory " + destDir.string() + " to disk.");
  return BackupResult{final, removeOld(destDir, keep)};
}

}  // namespace longstop::store
