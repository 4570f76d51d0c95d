#include "store/database.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstdlib>
#include <utility>

#include "store/schema.h"

namespace longstop::store {

namespace {
constexpr std::string_view kFull = "The data card is full";
constexpr std::string_view kReadOnly = "The data card is read-only";

std::string fullMessage(const std::string& msg) {
  return std::string(kFull) + " (" + msg + "). Nothing more can be saved until space is made.";
}
std::string readOnlyMessage(const std::string& msg) {
  return std::string(kReadOnly) + " (" + msg + "). Nothing can be saved; call the practice's IT support.";
}
}  // namespace

core::Error sqliteError(sqlite3* db, std::string_view doing) {
  const int code = sqlite3_extended_errcode(db);
  std::string msg = std::string(doing) + ": " + sqlite3_errmsg(db);
  // What the operating system said behind an I/O error names the fault a person can act on.
  const int os = db ? sqlite3_system_errno(db) : 0;
  const int primary = code & 0xff;
  const bool io = primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN;
  if (primary == SQLITE_FULL || (io && os == ENOSPC)) return core::storageError(fullMessage(msg));
  if (primary == SQLITE_READONLY || (io && os == EROFS)) return core::storageError(readOnlyMessage(msg));
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return core::corrupt(msg);
  return core::storageError(msg);
}

bool isCardFault(const core::Error& e) {
  return e.code == core::ErrorCode::kStorage &&
         (e.message.starts_with(kFull) || e.message.starts_with(kReadOnly));
}

core::Error Database::error(std::string_view doing) {
  core::Error e = sqliteError(db_, doing);
  // A connection opened read-only for a full card says the card is full, not that it is read-only.
  if (writeRefusal_ && (sqlite3_extended_errcode(db_) & 0xff) == SQLITE_READONLY)
    e = core::storageError(*writeRefusal_);
  if (isCardFault(e)) cardFault_ = e.message;
  return e;
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
  return db_->error("the database refused a statement");
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

int64_t Statement::columnInt(int col) const {
  return sqlite3_column_int64(stmt_, col);
}
std::string Statement::columnText(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
}
std::string Statement::columnBlob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  return p ? std::string(static_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
}
bool Statement::columnIsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

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

namespace {

// A file: URI for `path`, with the characters a URI gives meaning to escaped.
std::string uriOf(const std::filesystem::path& path, std::string_view query) {
  std::string out = "file:";
  for (const unsigned char c : path.string()) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c >= 0x7f) {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "?" + std::string(query);
}

// A reader of a WAL database needs the shared-memory index (-shm), which SQLite makes and grows in the
// data directory: on a full card it cannot grow it, on a read-only card it cannot make it. Only such
// failures of the first read call for opening the file without that index.
bool shmFault(sqlite3* db) {
  const int code = sqlite3_extended_errcode(db);
  const int primary = code & 0xff;
  return primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN ||
         primary == SQLITE_READONLY;
}

// quick_check answers with text even when it could not read a page ("Page 32: unable to get the page.
// error code=266"): an I/O error or lack of memory there says nothing about damage, and a file set aside
// for a read the card failed once would send a healthy site to a restore.
bool unreadPages(const std::string& answer) {
  for (size_t at = answer.find("error code="); at != std::string::npos;
       at = answer.find("error code=", at + 1)) {
    const int code = std::atoi(answer.c_str() + at + 11);
    if ((code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_NOMEM || (code & 0xff) == SQLITE_FULL)
      return true;
  }
  return false;
}

}  // namespace

core::Result<std::unique_ptr<Database>> Database::connect(const std::filesystem::path& path,
                                                          const OpenOptions& options,
                                                          const std::string& uri) {
  int flags = options.readOnly || !uri.empty() ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create && !options.readOnly && uri.empty()) flags |= SQLITE_OPEN_CREATE;
  if (!uri.empty()) flags |= SQLITE_OPEN_URI;
  sqlite3* raw = nullptr;
  const std::string name = uri.empty() ? path.string() : uri;
  if (sqlite3_open_v2(name.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, options.vfs) != SQLITE_OK) {
    core::Error e = sqliteError(raw, "could not open " + path.string());
    sqlite3_close(raw);
    if (!isCardFault(e) && e.code != core::ErrorCode::kCorrupt)
      e.message = "The database at " + path.string() + " could not be opened just now (" + e.message +
                  "); nothing was changed. Try again.";
    return e;
  }
  std::unique_ptr<Database> db(new Database(raw, path));
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  sqlite3_extended_result_codes(raw, 1);
  // Until the file has passed its check, closing must not fold the WAL into it: a damaged database is
  // kept with its WAL exactly as found.
  sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  return db;
}

// The card is full or read-only and SQLite could not make the index a reader needs: the same file
// opened read-only, with the index in this process's memory. With a -shm and -wal beside it, SQLite
// reads both without writing (readonly_shm); with no WAL at all (or an empty one) the file alone is
// the whole database and nothing else can change it while the card refuses writes (immutable). A WAL
// with frames and no -shm cannot be read without writing, so that stays a refusal: opening the file
// alone would hide the newest check-ins.
core::Result<std::unique_ptr<Database>> Database::openWithoutIndex(const std::filesystem::path& path,
                                                                   const OpenOptions& options,
                                                                   const core::Error& why) {
  std::error_code ec;
  const std::string wal = path.string() + "-wal", shm = path.string() + "-shm";
  const bool walThere = std::filesystem::exists(wal, ec);
  const bool walEmpty = !walThere || std::filesystem::file_size(wal, ec) == 0;
  std::string query;
  if (walThere && std::filesystem::exists(shm, ec))
    query = "readonly_shm=1";
  else if (walEmpty)
    query = "immutable=1";
  else
    return why;
  auto db = connect(path, options, uriOf(path, query));
  if (!db.ok()) return why;
  auto check = quickCheck(**db);
  if (!check.ok() || check.value() != "ok") return why;
  sqlite3_db_config((*db)->db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
  (*db)->writeRefusal_ = why.message;
  (*db)->cardFault_ = why.message;
  if (auto s = (*db)->exec("PRAGMA foreign_keys=ON"); !s.ok()) return s.error();
  if (!options.readOnly && (*db)->schemaVersion() != latestSchemaVersion())
    return core::storageError(why.message +
                              " The database needs an upgrade that cannot be written until then.");
  return db;
}

core::Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path,
                                                       const OpenOptions& options) {
  std::error_code ec;
  const bool there = std::filesystem::exists(path, ec);
  if (ec)
    return core::storageError("The database at " + path.string() + " cannot be read (" + ec.message() +
                              "). Nothing was changed.");
  if (!options.create && !there)
    return core::notFound("There is no Longstop database at " + path.string() + ".");
  auto connected = connect(path, options, {});
  if (!connected.ok()) return connected.error();
  std::unique_ptr<Database> db = std::move(connected.value());

  auto check = quickCheck(*db);
  if (check.ok() && unreadPages(check.value()))
    check = core::storageError(check.value());  // the card failed to give a page: not damage
  // A check that could not run (the file locked by another program, an I/O error) says nothing about
  // damage: the file stays where it is. A check that answered with damage, or that SQLite refused
  // because the file is damaged or not a database at all, sets it aside.
  if (!check.ok() && check.error().code != core::ErrorCode::kCorrupt) {
    // A full or read-only card: still readable, without the shared-memory index SQLite could not make.
    if (there && shmFault(db->db_)) {
      core::Error why = check.error();
      if (!isCardFault(why)) {
        struct statvfs fs {};
        if (statvfs(path.parent_path().c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0)
          why = core::storageError(readOnlyMessage(why.message));
      }
      if (isCardFault(why)) {
        db.reset();
        return openWithoutIndex(path, options, why);
      }
    }
    return core::storageError("The database at " + path.string() + " could not be checked just now (" +
                              check.error().message + "); nothing was changed. Try again.");
  }
  if (!check.ok() || check.value() != "ok") {
    const std::string why = check.ok() ? check.value() : check.error().message;
    db.reset();
    if (options.readOnly) return core::corrupt("The database failed its integrity check: " + why);
    const auto aside = setAside(path);
    if (!aside.ok())
      return core::corrupt("The database failed its integrity check (" + why +
                           "). It could not be moved aside (" + aside.error().message +
                           "), so it is still at " + path.string() +
                           " with its WAL, unchanged; restore a backup or call the practice's IT support.");
    return core::corrupt("The database failed its integrity check (" + why + "). It has been kept as " +
                         aside->string() +
                         " with its WAL, unchanged; restore a backup or start a new site on purpose.");
  }
  sqlite3_db_config(db->db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
  if (options.readOnly) {
    if (auto s = db->exec("PRAGMA foreign_keys=ON"); !s.ok()) return s.error();
    return db;
  }
  // SQLite opens a file it may not write read-only by itself (a read-only card with the -shm and -wal
  // still beside the file): readable, and every write refused with the reason.
  if (sqlite3_db_readonly(db->db_, "main") == 1) {
    const std::string why = readOnlyMessage("the file system does not let Longstop write " + path.string());
    db->writeRefusal_ = why;
    db->cardFault_ = why;
    if (auto s = db->exec("PRAGMA foreign_keys=ON"); !s.ok()) return s.error();
    if (db->schemaVersion() != latestSchemaVersion())
      return core::storageError(why + " The database needs an upgrade that cannot be written until then.");
    return db;
  }
  if (auto s = db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"); !s.ok())
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
  if (auto it = statements_.find(key); it != statements_.end()) return Statement(*this, it->second);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                         nullptr) != SQLITE_OK)
    return error("could not prepare a statement");
  statements_.emplace(std::move(key), stmt);
  return Statement(*this, stmt);
}

core::Status Database::exec(std::string_view sql) {
  char* err = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    core::Error e = error("the database refused a change");
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

core::Status Database::TEST_refuseWrites() {
  return exec("PRAGMA query_only=1");
}

}  // namespace longstop::store
