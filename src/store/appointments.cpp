#include "store/appointments.h"

namespace longstop::store {
namespace {

constexpr const char* kColumns =
    "id, start_local, clinician, service, queue_id, key_full, key_nosex, key_nhs, sealed, content_hash, "
    "dup_key";

AppointmentRow readRow(const Statement& st) {
  AppointmentRow a{st.columnText(0),  st.columnInt(1),
                   st.columnText(2),  st.columnText(3),
                   st.columnText(4),  st.columnBlob(5),
                   st.columnBlob(6),  {},
                   st.columnBlob(10), {},
                   st.columnBlob(9)};
  if (!st.columnIsNull(7)) a.keyNhs = st.columnBlob(7);
  if (!st.columnIsNull(8)) a.sealed = st.columnBlob(8);
  return a;
}

}  // namespace

core::Result<bool> insertAppointment(Database& db, const AppointmentRow& a) {
  auto existing = getAppointment(db, a.id);
  if (!existing.ok()) return existing.error();
  if (existing.value()) {
    if (existing.value()->contentHash == a.contentHash) return false;
    return core::conflict("appointment " + a.id + " is already loaded with different details");
  }
  auto st =
      db.prepare(std::string("INSERT INTO appointments(") + kColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  st->bind(1, a.id).bind(2, a.startLocal).bind(3, a.clinician).bind(4, a.service).bind(5, a.queueId);
  st->bindBlob(6, a.keyFull).bindBlob(7, a.keyNoSex);
  if (a.keyNhs)
    st->bindBlob(8, *a.keyNhs);
  else
    st->bindNull(8);
  if (a.sealed)
    st->bindBlob(9, *a.sealed);
  else
    st->bindNull(9);
  st->bindBlob(10, a.contentHash).bindBlob(11, a.dupKey);
  if (auto s = st->run(); !s.ok()) return s.error();
  return true;
}

core::Result<std::optional<AppointmentRow>> getAppointment(Database& db, std::string_view id) {
  auto st = db.prepare(std::string("SELECT ") + kColumns + " FROM appointments WHERE id = ?");
  if (!st.ok()) return st.error();
  st->bind(1, id);
  auto row = st->step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<AppointmentRow>();
  return std::optional<AppointmentRow>(readRow(*st));
}

core::Result<std::vector<AppointmentRow>> appointmentsBetween(Database& db, int64_t fromLocal,
                                                              int64_t toLocal) {
  auto st = db.prepare(std::string("SELECT ") + kColumns +
                       " FROM appointments WHERE start_local BETWEEN ? AND ? ORDER BY start_local, id");
  if (!st.ok()) return st.error();
  st->bind(1, fromLocal).bind(2, toLocal);
  std::vector<AppointmentRow> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    out.push_back(readRow(*st));
  }
  return out;
}

core::Result<int64_t> countAppointments(Database& db) {
  auto st = db.prepare("SELECT count(*) FROM appointments");
  if (!st.ok()) return st.error();
  auto row = st->step();
  if (!row.ok()) return row.error();
  return st->columnInt(0);
}

core::Result<int64_t> purgeUnclaimedAppointments(Database& db, int64_t startBeforeLocal) {
  auto st = db.prepare(
      "UPDATE appointments SET sealed = NULL, key_nhs = NULL, key_full = x'', key_nosex = x'', dup_key = x'' "
      "WHERE start_local < ? AND sealed IS NOT NULL AND id NOT IN "
      "(SELECT appointment_id FROM checkins WHERE appointment_id IS NOT NULL)");
  if (!st.ok()) return st.error();
  st->bind(1, startBeforeLocal);
  if (auto s = st->run(); !s.ok()) return s.error();
  return int64_t{sqlite3_changes(db.handle())};
}

}  // namespace longstop::store
