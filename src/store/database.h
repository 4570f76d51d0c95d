// The one SQLite file of a device: opening it safely (WAL, synchronous=FULL, foreign keys, quick_check,
// migrations) and small RAII wrappers for statements and transactions. Depends on core only.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"

namespace longstop::store {

class Database;

/// A prepared statement. Binding indexes are 1-based, column indexes 0-based (as in SQLite).
/// Statements come from the Database's cache: going out of scope resets the statement for reuse.
class Statement {
 public:
  Statement(Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& o) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bindBlob(int index, std::string_view bytes);
  Statement& bindNull(int index);
  Statement& bindOptional(int index, const std::optional<std::string>& text);

  /// True when a row is ready, false when done; an error for anything else.
  core::Result<bool> step();
  /// Steps to the end, expecting no rows.
  core::Status run();
  void reset();

  int64_t columnInt(int col) const;
  std::string columnText(int col) const;
  std::string columnBlob(int col) const;
  bool columnIsNull(int col) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
};

/// How long a write waits for another connection's write lock before it gives up. No writer holds it
/// for more than about a second (an import seals its rows before it takes the lock), so a patient's
/// check-in waits out an import or a maintenance command rather than failing.
inline constexpr int kBusyTimeoutMs = 10000;

struct OpenOptions {
  bool create = false;        // create the file if missing (otherwise missing is an error)
  const char* vfs = nullptr;  // a named SQLite VFS (the benchmark counts syncs with one)
  bool readOnly = false;      // the calling board and reports open read-only
};

class Database {
 public:
  /// Opens (or creates) the database at `path`: sets WAL and synchronous=FULL, runs quick_check and the
  /// migrations. A file that fails quick_check is moved aside to `<path>.damaged-<n>` and reported as an
  /// error; it is never replaced by an empty database silently. A check that cannot run (the file is
  /// locked, an I/O error) is a storage error and moves nothing.
  /// On a full or read-only card, where SQLite cannot make the shared-memory index that a reader of a
  /// WAL database needs, the file is opened read-only without it (see writeRefusal()): everything it
  /// holds can still be read, and every write is refused with the card's reason.
  static core::Result<std::unique_ptr<Database>> open(const std::filesystem::path& path,
                                                      const OpenOptions& options);
  /// An empty database in memory only (for a backup's snapshot or a restore's checks): no file, no WAL.
  static core::Result<std::unique_ptr<Database>> openInMemory();
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// A statement for `sql`, prepared once and then reused from a cache for the life of the database.
  /// Only one Statement for the same SQL may be in use at a time.
  core::Result<Statement> prepare(std::string_view sql);
  core::Status exec(std::string_view sql);
  /// The schema version after migrations (PRAGMA user_version).
  int schemaVersion();

  /// Runs `body` inside BEGIN IMMEDIATE … COMMIT. If body returns an error, or COMMIT fails, everything
  /// is rolled back and the error returned: nothing half-written.
  template <typename F>
  core::Status transaction(F&& body) {
    if (auto s = exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    core::Status result = body();
    if (result.ok()) result = exec("COMMIT");
    if (!result.ok()) (void)exec("ROLLBACK");
    return result;
  }

  /// Why this connection refuses every write: set when it was opened read-only because the card is full
  /// or read-only (the reason, for a person); empty for an ordinary connection.
  const std::optional<std::string>& writeRefusal() const { return writeRefusal_; }
  /// The reason the card gave for the newest refusal on this connection ("The data card is full",
  /// "… is read-only"), or nothing; kept until clearCardFault(). The kiosk reads it after a refused
  /// check-in to tell a full card from any other failure.
  const std::optional<std::string>& cardFault() const { return cardFault_; }
  void clearCardFault() { cardFault_.reset(); }
  /// An Error for SQLite's last failure on this connection, prefixed with what we were doing; on a
  /// read-only connection opened for a card fault, a refused write gives that fault's reason.
  core::Error error(std::string_view doing);

  /// Refuse every write from now on, through SQLite's own query_only switch (a disk-full stand-in).
  core::Status TEST_refuseWrites();
  sqlite3* handle() { return db_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  static core::Result<std::unique_ptr<Database>> connect(const std::filesystem::path& path,
                                                         const OpenOptions& options, const std::string& uri);
  static core::Result<std::unique_ptr<Database>> openWithoutIndex(const std::filesystem::path& path,
                                                                  const OpenOptions& options,
                                                                  const core::Error& why);
  sqlite3* db_;
  std::filesystem::path path_;
  std::optional<std::string> writeRefusal_;
  std::optional<std::string> cardFault_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;  // finalized in the destructor
};

/// An Error from SQLite's last message on `db`, prefixed with what we were doing.
core::Error sqliteError(sqlite3* db, std::string_view doing);
/// True when `e` came from sqliteError for a full or read-only card.
bool isCardFault(const core::Error& e);

}  // namespace longstop::store
