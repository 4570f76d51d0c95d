#include "store/database.h"

#include <cerrno>
#include <utility>

#include "store/schema.h"

namespace longstop::store {

core::Error sqliteError(sqlite3* db, std::string_view doing) {
  const int code = sqlite3_extended_errcode(db);
  std::string msg = std::string(doing) + ": " + sqlite3_errmsg(db);
  // What the operating system said behind an I/O error names the fault a person can act on.
  const int os = db ? sqlite3_system_errno(db) : 0;
  if ((code & 0xff) == SQLITE_FULL || ((code & 0xff) == SQLITE_IOERR && os == ENOSPC))
    return core::storageError("The data card is full (" + msg + "). Nothing more can be saved until space is made.");
  if ((code & 0xff) == SQLITE_READONLY || ((code & 0xff) == SQLITE_IOERR && os == EROFS))
    return core::storageError("The data card is read-only (" + msg + "). Nothing can be saved; call the practice's "
                              "IT support.");
  if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) return core::corrupt(msg);
  return core::storageError(msg);
}

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}
Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(std::exchange(o.stmt_, nullptr)) {}

Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}
Statement& Statement::bindOptional(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bindNull(index);
}

core::Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqliteError(db_, "the database refused a statement");
}

core::Status Statement::run() {
  for (;;) {
    auto r = step();
    if (!r.ok()) return r.error();
    if (!r.value()) return core::okStatus();
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Statement::columnInt(int col) const { return sqlite3_column_int64(stmt_, col); }
std::string Statement::columnText(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
}
std::string Statement::columnBlob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  return p ? std::string(static_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
}
bool Statement::columnIsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

namespace {

// Moves a damaged database (and its WAL and shm) aside, exactly as found, so nobody starts over it by
// accident. A move that fails (a read-only card) says so: the files are then where they were.
core::Result<std::filesystem::path> setAside(const std::filesystem::path& path) {
  std::filesystem::path target;
  std::error_code ec;
  for (int n = 1;; ++n) {
    target = path.string() + ".damaged-" + std::to_string(n);
    if (!std::filesystem::exists(target, ec)) break;
  }
  for (const char* suffix : {"-wal", "-shm", ""}) {
    const std::filesystem::path side = path.string() + suffix;
    if (*suffix && !std::filesystem::exists(side, ec)) continue;
    std::filesystem::rename(side, target.string() + suffix, ec);
    if (ec) return core::storageError(ec.message());
  }
  return target;
}

core::Result<std::string> quickCheck(Database& db) {
  auto st = db.prepare("PRAGMA quick_check");
  if (!st.ok()) return st.error();
  auto row = st->step();
  if (!row.ok()) return row.error();
  return row.value() ? st->columnText(0) : std::string("no answer");
}

}  // namespace

core::Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path,
                                                       const OpenOptions& options) {
  std::error_code ec;
  const bool there = std::filesystem::exists(path, ec);
  if (ec) return core::storageError("The database at " + path.string() + " cannot be read (" + ec.message() + "). Nothing was changed.");
  if (!options.create && !there) return core::notFound("There is no Longstop database at " + path.string() + ".");
  int flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create && !options.readOnly) flags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, options.vfs) != SQLITE_OK) {
    core::Error e = sqliteError(raw, "could not open " + path.string());
    sqlite3_close(raw);
    return e;
  }
  std::unique_ptr<Database> db(new Database(raw, path));
  sqlite3_busy_timeout(raw, 2000);
  sqlite3_extended_result_codes(raw, 1);
  // Until the file has passed its check, closing must not fold the WAL into it: a damaged database is
  // kept with its WAL exactly as found.
  sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);

  auto check = quickCheck(*db);
  // A check that could not run (the file locked by another program, an I/O error) says nothing about
  // damage: the file stays where it is. A check that answered with damage, or that SQLite refused
  // because the file is damaged or not a database at all, sets it aside.
  if (!check.ok() && check.error().code != core::ErrorCode::kCorrupt)
    return core::storageError("The database at " + path.string() + " could not be checked just now (" +
                              check.error().message + "); nothing was changed. Try again.");
  if (!check.ok() || check.value() != "ok") {
    const std::string why = check.ok() ? check.value() : check.error().message;
    db.reset();
    if (options.readOnly) return core::corrupt("The database failed its integrity check: " + why);
    const auto aside = setAside(path);
    if (!aside.ok())
      return core::corrupt("The database failed its integrity check (" + why + "). It could not be moved aside (" +
                           aside.error().message + "), so it is still at " + path.string() +
                           " with its WAL, unchanged; restore a backup or call the practice's IT support.");
    return core::corrupt("The database failed its integrity check (" + why + "). It has been kept as " +
                         aside->string() + " with its WAL, unchanged; restore a backup or start a new site on purpose.");
  }
  sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
  if (options.readOnly) {
    if (auto s = db->exec("PRAGMA foreign_keys=ON"); !s.ok()) return s.error();
    return db;
  }
  if (auto s = db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
      !s.ok())
    return s.error();
  if (auto s = migrate(*db); !s.ok()) return s.error();
  return db;
}

core::Result<std::unique_ptr<Database>> Database::openInMemory() {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    core::Error e = sqliteError(raw, "could not make a database in memory");
    sqlite3_close(raw);
    return e;
  }
  sqlite3_extended_result_codes(raw, 1);
  return std::unique_ptr<Database>(new Database(raw, {}));
}

Database::~Database() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

core::Result<Statement> Database::prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = statements_.find(key); it != statements_.end()) return Statement(db_, it->second);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                         nullptr) != SQLITE_OK)
    return sqliteError(db_, "could not prepare a statement");
  statements_.emplace(std::move(key), stmt);
  return Statement(db_, stmt);
}

core::Status Database::exec(std::string_view sql) {
  char* err = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    core::Error e = sqliteError(db_, "the database refused a change");
    sqlite3_free(err);
    return e;
  }
  return core::okStatus();
}

int Database::schemaVersion() {
  auto st = prepare("PRAGMA user_version");
  if (!st.ok() || !st->step().ok()) return -1;
  return static_cast<int>(st->columnInt(0));
}

core::Status Database::TEST_refuseWrites() { return exec("PRAGMA query_only=1"); }

}  // namespace longstop::store
