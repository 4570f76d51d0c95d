#include "store/site_tables.h"

#include <sqlite3.h>

namespace longstop::store {

core::Result<std::optional<std::string>> getMeta(Database& db, std::string_view key) {
  auto st = db.prepare("SELECT value FROM meta WHERE key = ?");
  if (!st.ok()) return st.error();
  st->bind(1, key);
  auto row = st->step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<std::string>();
  return std::optional<std::string>(st->columnText(0));
}

core::Status setMeta(Database& db, std::string_view key, std::string_view value) {
  auto st = db.prepare(
      "INSERT INTO meta(key, value) VALUES (?, ?) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  if (!st.ok()) return st.error();
  st->bind(1, key).bind(2, value);
  return st->run();
}

core::Result<int64_t> nextCounter(Database& db, std::string_view name) {
  // Three plain statements: an UPSERT with RETURNING costs several times more (it builds a temporary
  // table for the returned row), and this runs twice in every check-in.
  auto up = db.prepare("UPDATE counters SET value = value + 1 WHERE name = ?");
  if (!up.ok()) return up.error();
  up->bind(1, name);
  if (auto s = up->run(); !s.ok()) return s.error();
  auto get = db.prepare("SELECT value FROM counters WHERE name = ?");
  if (!get.ok()) return get.error();
  get->bind(1, name);
  auto row = get->step();
  if (!row.ok()) return row.error();
  if (row.value()) return get->columnInt(0);
  auto add = db.prepare("INSERT INTO counters(name, value) VALUES (?, 1)");
  if (!add.ok()) return add.error();
  add->bind(1, name);
  if (auto s = add->run(); !s.ok()) return s.error();
  return int64_t{1};
}

core::Result<int64_t> counterValue(Database& db, std::string_view name) {
  auto get = db.prepare("SELECT value FROM counters WHERE name = ?");
  if (!get.ok()) return get.error();
  get->bind(1, name);
  auto row = get->step();
  if (!row.ok()) return row.error();
  return row.value() ? get->columnInt(0) : int64_t{0};
}

core::Status raiseCounter(Database& db, std::string_view name, int64_t value) {
  auto up = db.prepare(
      "INSERT INTO counters(name, value) VALUES (?, ?) "
      "ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)");
  if (!up.ok()) return up.error();
  up->bind(1, name).bind(2, value);
  return up->run();
}

core::Status insertQueue(Database& db, const core::QueueDef& q, int position) {
  auto st = db.prepare("INSERT INTO queues(id, name, prefix, room, position) VALUES (?,?,?,?,?)");
  if (!st.ok()) return st.error();
  st->bind(1, q.id).bind(2, q.name).bind(3, std::string(1, q.prefix)).bind(4, q.room).bind(5, position);
  return st->run();
}

core::Result<std::vector<core::QueueDef>> listQueues(Database& db) {
  auto st = db.prepare("SELECT id, name, prefix, room FROM queues ORDER BY position, id");
  if (!st.ok()) return st.error();
  std::vector<core::QueueDef> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const std::string prefix = st->columnText(2);
    out.push_back(
        {st->columnText(0), st->columnText(1), prefix.empty() ? 'A' : prefix[0], st->columnText(3)});
  }
  return out;
}

namespace {
void bindOptionalBlob(Statement& st, int i, const std::string& b) {
  if (b.empty())
    st.bindNull(i);
  else
    st.bindBlob(i, b);
}
constexpr const char* kCredentialColumns =
    "id, kind, kdf_salt, kdf_ops, kdf_mem, wrapped, created_ms, box_pk, bundle";
CredentialRow credentialOf(Statement& st) {
  CredentialRow c{st.columnText(0),
                  st.columnText(1),
                  st.columnBlob(2),
                  st.columnInt(3),
                  st.columnInt(4),
                  st.columnBlob(5),
                  st.columnInt(6),
                  {},
                  {}};
  if (!st.columnIsNull(7)) c.publicKey = st.columnBlob(7);
  if (!st.columnIsNull(8)) c.bundle = st.columnBlob(8);
  return c;
}
}  // namespace

core::Status insertCredential(Database& db, const CredentialRow& c) {
  auto st = db.prepare(std::string("INSERT INTO credentials(") + kCredentialColumns +
                       ") VALUES (?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  st->bind(1, c.id).bind(2, c.kind).bindBlob(3, c.kdfSalt).bind(4, c.kdfOps).bind(5, c.kdfMem);
  st->bindBlob(6, c.wrapped).bind(7, c.createdMs);
  bindOptionalBlob(*st, 8, c.publicKey);
  bindOptionalBlob(*st, 9, c.bundle);
  return st->run();
}

core::Status updateCredential(Database& db, const CredentialRow& c) {
  auto st = db.prepare("UPDATE credentials SET wrapped = ?, box_pk = ?, bundle = ? WHERE id = ?");
  if (!st.ok()) return st.error();
  st->bindBlob(1, c.wrapped);
  bindOptionalBlob(*st, 2, c.publicKey);
  bindOptionalBlob(*st, 3, c.bundle);
  st->bind(4, c.id);
  if (auto s = st->run(); !s.ok()) return s;
  if (sqlite3_changes(db.handle()) != 1) return core::notFound("There is no credential " + c.id + ".");
  return core::okStatus();
}

core::Result<std::optional<CredentialRow>> getCredential(Database& db, std::string_view id) {
  auto st = db.prepare(std::string("SELECT ") + kCredentialColumns + " FROM credentials WHERE id = ?");
  if (!st.ok()) return st.error();
  st->bind(1, id);
  auto row = st->step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<CredentialRow>();
  return std::optional<CredentialRow>(credentialOf(*st));
}

core::Result<std::vector<CredentialRow>> listCredentials(Database& db) {
  auto st = db.prepare(std::string("SELECT ") + kCredentialColumns +
                       " FROM credentials ORDER BY kind = 'recovery' DESC, created_ms, id");
  if (!st.ok()) return st.error();
  std::vector<CredentialRow> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    out.push_back(credentialOf(*st));
  }
  return out;
}

}  // namespace longstop::store
