#include "store/batches.h"

namespace longstop::store {
namespace {

constexpr const char* kColumns =
    "seq, file_name, created_ms, record_count, prev_hash, batch_hash, recipient_key_id, acknowledged_ms, "
    "purged_ms";

BatchRow readRow(const Statement& st) {
  BatchRow b;
  b.seq = st.columnInt(0);
  b.fileName = st.columnText(1);
  b.createdMs = st.columnInt(2);
  b.recordCount = st.columnInt(3);
  b.prevHash = st.columnBlob(4);
  b.batchHash = st.columnBlob(5);
  b.recipientKeyId = st.columnText(6);
  if (!st.columnIsNull(7)) b.acknowledgedMs = st.columnInt(7);
  if (!st.columnIsNull(8)) b.purgedMs = st.columnInt(8);
  return b;
}

core::Result<std::vector<BatchRow>> readAll(Statement& st) {
  std::vector<BatchRow> out;
  for (;;) {
    auto row = st.step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    out.push_back(readRow(st));
  }
}

core::Result<std::optional<BatchRow>> first(core::Result<std::vector<BatchRow>> all) {
  if (!all.ok()) return all.error();
  if (all->empty()) return std::optional<BatchRow>();
  return std::optional<BatchRow>(all->front());
}

}  // namespace

core::Status insertBatch(Database& db, const BatchRow& b) {
  auto st = db.prepare(std::string("INSERT INTO batches(") + kColumns + ") VALUES (?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  st->bind(1, b.seq).bind(2, b.fileName).bind(3, b.createdMs).bind(4, b.recordCount);
  st->bindBlob(5, b.prevHash).bindBlob(6, b.batchHash).bind(7, b.recipientKeyId);
  if (b.acknowledgedMs)
    st->bind(8, *b.acknowledgedMs);
  else
    st->bindNull(8);
  if (b.purgedMs)
    st->bind(9, *b.purgedMs);
  else
    st->bindNull(9);
  return st->run();
}

core::Result<std::optional<BatchRow>> getBatch(Database& db, int64_t seq) {
  auto st = db.prepare(std::string("SELECT ") + kColumns + " FROM batches WHERE seq = ?");
  if (!st.ok()) return st.error();
  st->bind(1, seq);
  return first(readAll(*st));
}

core::Result<std::optional<BatchRow>> lastBatch(Database& db) {
  auto st = db.prepare(std::string("SELECT ") + kColumns + " FROM batches ORDER BY seq DESC LIMIT 1");
  if (!st.ok()) return st.error();
  return first(readAll(*st));
}

core::Result<std::vector<BatchRow>> listBatches(Database& db) {
  auto st = db.prepare(std::string("SELECT ") + kColumns + " FROM batches ORDER BY seq");
  if (!st.ok()) return st.error();
  return readAll(*st);
}

core::Result<std::vector<std::string>> unexportedRecordIds(Database& db) {
  auto st = db.prepare("SELECT record_id FROM checkins WHERE batch_seq IS NULL ORDER BY seq");
  if (!st.ok()) return st.error();
  std::vector<std::string> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    out.push_back(st->columnText(0));
  }
}

core::Result<std::map<std::string, std::vector<std::pair<std::string, int64_t>>>> unexportedHistory(
    Database& db) {
  auto st = db.prepare(
      "SELECT e.record_id, e.kind, e.at_ms FROM events e JOIN checkins c ON c.record_id = e.record_id "
      "WHERE c.batch_seq IS NULL ORDER BY e.seq");
  if (!st.ok()) return st.error();
  std::map<std::string, std::vector<std::pair<std::string, int64_t>>> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    out[st->columnText(0)].emplace_back(st->columnText(1), st->columnInt(2));
  }
}

core::Status assignToBatch(Database& db, std::string_view recordId, int64_t seq) {
  auto st = db.prepare("UPDATE checkins SET batch_seq = ? WHERE record_id = ? AND batch_seq IS NULL");
  if (!st.ok()) return st.error();
  st->bind(1, seq).bind(2, recordId);
  if (auto s = st->run(); !s.ok()) return s;
  if (sqlite3_changes(db.handle()) != 1)
    return core::conflict("Check-in " + std::string(recordId) +
                          " is already in a batch (or no longer exists).");
  return core::okStatus();
}

core::Status markAcknowledged(Database& db, int64_t seq, int64_t atMs) {
  auto st = db.prepare("UPDATE batches SET acknowledged_ms = ? WHERE seq = ? AND acknowledged_ms IS NULL");
  if (!st.ok()) return st.error();
  st->bind(1, atMs).bind(2, seq);
  return st->run();
}

core::Result<std::vector<BatchRow>> batchesDueForPurge(Database& db, int64_t ackedBeforeMs) {
  auto st = db.prepare(
      std::string("SELECT ") + kColumns +
      " FROM batches WHERE acknowledged_ms IS NOT NULL AND acknowledged_ms <= ? AND purged_ms IS NULL "
      "ORDER BY seq");
  if (!st.ok()) return st.error();
  st->bind(1, ackedBeforeMs);
  return readAll(*st);
}

core::Result<int64_t> purgeBatch(Database& db, int64_t seq, int64_t atMs) {
  auto batch = getBatch(db, seq);
  if (!batch.ok()) return batch.error();
  if (!batch.value()) return core::notFound("There is no batch " + std::to_string(seq) + ".");
  if (!batch.value()->acknowledgedMs)
    return core::conflict("Batch " + std::to_string(seq) + " has not been acknowledged; its data is kept.");
  // Appointments first, while the check-ins still say which appointments they were for. The keyed
  // hashes go too: with the matching key on the same disk they could be tried against guesses.
  auto appts = db.prepare(
      "UPDATE appointments SET sealed = NULL, key_nhs = NULL, key_full = x'', key_nosex = x'', dup_key = x'' "
      "WHERE id IN (SELECT appointment_id FROM checkins WHERE batch_seq = ? AND appointment_id IS NOT NULL)");
  if (!appts.ok()) return appts.error();
  appts->bind(1, seq);
  if (auto s = appts->run(); !s.ok()) return s.error();
  auto checkins = db.prepare("UPDATE checkins SET sealed = NULL, dup_key = NULL WHERE batch_seq = ?");
  if (!checkins.ok()) return checkins.error();
  checkins->bind(1, seq);
  if (auto s = checkins->run(); !s.ok()) return s.error();
  const int64_t count = sqlite3_changes(db.handle());
  auto mark = db.prepare("UPDATE batches SET purged_ms = ? WHERE seq = ?");
  if (!mark.ok()) return mark.error();
  mark->bind(1, atMs).bind(2, seq);
  if (auto s = mark->run(); !s.ok()) return s.error();
  return count;
}

}  // namespace longstop::store
