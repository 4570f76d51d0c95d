// Snapshots with sqlite3_backup_* into memory, images with sqlite3_serialize / sqlite3_deserialize.
#include "store/backup.h"

#include <sqlite3.h>

#include <cstring>

#include "store/schema.h"

namespace longstop::store {
namespace {

namespace fs = std::filesystem;

constexpr int kPagesPerStep = 256;  // ~1 MB at 4 KiB pages: writers wait at most one step
constexpr int kBusySleepMs = 20;

core::Result<std::string> integrity(Database& db) {
  auto st = db.prepare("PRAGMA integrity_check");
  if (!st.ok()) return st.error();
  auto row = st->step();
  if (!row.ok()) return row.error();
  return row.value() ? st->columnText(0) : std::string("no answer");
}

}  // namespace

core::Result<std::unique_ptr<Database>> snapshot(const fs::path& source) {
  std::error_code ec;
  if (!fs::is_regular_file(source, ec))
    return core::notFound("There is no database at " + source.string() + ".");
  // Opened as every reader opens it, so that a full or read-only card can still be backed up elsewhere.
  auto src = Database::open(source, {.readOnly = true});
  if (!src.ok()) return src.error();
  sqlite3_busy_timeout((*src)->handle(), 5000);
  auto copy = Database::openInMemory();
  if (!copy.ok()) return copy.error();
  sqlite3_backup* b = sqlite3_backup_init((*copy)->handle(), "main", (*src)->handle(), "main");
  if (!b) return sqliteError((*copy)->handle(), "Cannot start the backup");
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(b, kPagesPerStep);
    // A step that finds the source busy or locked is retried; one that finds it changed restarts
    // inside SQLite, so the copy always ends as one committed state.
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(kBusySleepMs);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE)
    return sqliteError((*copy)->handle(), "The backup of " + source.string() + " failed");
  return copy;
}

core::Result<std::string> imageOf(Database& db) {
  sqlite3_int64 size = 0;
  unsigned char* bytes = sqlite3_serialize(db.handle(), "main", &size, 0);
  if (!bytes) return core::storageError("Not enough memory to hold a copy of the database.");
  std::string image(reinterpret_cast<const char*>(bytes), static_cast<size_t>(size));
  std::memset(bytes, 0, static_cast<size_t>(size));
  sqlite3_free(bytes);
  // Bytes 18 and 19 of the header are the file format's write and read versions: 2 is WAL, 1 the
  // rollback journal. A copy of a WAL database says 2; the image is one file with nothing beside it.
  if (image.size() >= 100) image[18] = image[19] = 1;
  return image;
}

core::Result<std::unique_ptr<Database>> fromImage(std::string_view image) {
  if (image.size() < 512 || std::memcmp(image.data(), "SQLite format 3", 16) != 0)
    return core::corrupt("The backup does not hold an SQLite database.");
  auto db = Database::openInMemory();
  if (!db.ok()) return db.error();
  auto* buf = static_cast<unsigned char*>(sqlite3_malloc64(image.size()));
  if (!buf) return core::storageError("Not enough memory to check the backup.");
  std::memcpy(buf, image.data(), image.size());
  buf[18] = buf[19] = 1;  // a copy of a file in WAL mode: memory holds no WAL (see imageOf)
  if (sqlite3_deserialize((*db)->handle(), "main", buf, static_cast<sqlite3_int64>(image.size()),
                          static_cast<sqlite3_int64>(image.size()),
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
    return core::corrupt(
        "The backup's database could not be read: " + std::string(sqlite3_errmsg((*db)->handle())) + ".");
  auto check = integrity(**db);
  if (!check.ok())
    return core::corrupt("The backup's database could not be checked: " + check.error().message);
  if (check.value() != "ok")
    return core::corrupt("The backup's database failed its integrity check: " + check.value() + ".");
  if (auto s = (*db)->exec("PRAGMA foreign_keys=ON"); !s.ok()) return s.error();
  if (auto s = migrate(**db); !s.ok())
    return core::corrupt("The backup's database could not be brought up to date: " + s.error().message);
  return db;
}

}  // namespace longstop::store
