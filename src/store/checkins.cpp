#include "store/checkins.h"

#include <limits>

namespace longstop::store {
namespace {

constexpr const char* kColumns =
    "record_id, seq, local_day, ticket, queue_id, state, priority, appointment_id, sealed, dup_key, "
    "arrived_ms, state_ms, called_ms, clock_confirmed";

core::Result<core::Priority> parseStoredPriority(std::string_view text, std::string_view ticket) {
  if (auto p = core::priorityFromString(text)) return *p;
  return core::corrupt("Check-in " + std::string(ticket) + " has the priority '" + std::string(text) +
                       "' in the database, which is neither normal nor urgent: the database is damaged. "
                       "Restore it from a backup, or ask your IT support.");
}

core::Result<CheckinRow> readRow(const Statement& st) {
  CheckinRow c;
  c.recordId = st.columnText(0);
  c.seq = st.columnInt(1);
  c.localDay = st.columnInt(2);
  c.ticket = st.columnText(3);
  c.queueId = st.columnText(4);
  auto state = parseStoredState(st.columnText(5), c.ticket);
  if (!state.ok()) return state.error();
  c.state = state.value();
  auto priority = parseStoredPriority(st.columnText(6), c.ticket);
  if (!priority.ok()) return priority.error();
  c.priority = priority.value();
  if (!st.columnIsNull(7)) c.appointmentId = st.columnText(7);
  if (!st.columnIsNull(8)) c.sealed = st.columnBlob(8);
  if (!st.columnIsNull(9)) c.dupKey = st.columnBlob(9);
  c.arrivedMs = st.columnInt(10);
  c.stateMs = st.columnInt(11);
  if (!st.columnIsNull(12)) c.calledMs = st.columnInt(12);
  c.clockConfirmed = st.columnInt(13) != 0;
  return c;
}

core::Result<std::vector<CheckinRow>> readAll(Statement& st) {
  std::vector<CheckinRow> out;
  for (;;) {
    auto row = st.step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    auto c = readRow(st);
    if (!c.ok()) return c.error();
    out.push_back(std::move(c.value()));
  }
}

core::Result<std::optional<CheckinRow>> readOne(Database& db, const std::string& where,
                                                std::string_view arg) {
  auto st = db.prepare(std::string("SELECT ") + kColumns + " FROM checkins WHERE " + where);
  if (!st.ok()) return st.error();
  st->bind(1, arg);
  auto all = readAll(*st);
  if (!all.ok()) return all.error();
  if (all->empty()) return std::optional<CheckinRow>();
  return std::optional<CheckinRow>(all->front());
}

}  // namespace

core::Result<core::CheckinState> parseStoredState(std::string_view text, std::string_view ticket) {
  if (auto s = core::stateFromString(text)) return *s;
  return core::corrupt("Check-in " + std::string(ticket) + " has the state '" + std::string(text) +
                       "' in the database, which Longstop does not know: the database is damaged. "
                       "Restore it from a backup, or ask your IT support.");
}

core::Status insertCheckin(Database& db, const CheckinRow& c) {
  auto st =
      db.prepare(std::string("INSERT INTO checkins(") + kColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  st->bind(1, c.recordId).bind(2, c.seq).bind(3, c.localDay).bind(4, c.ticket).bind(5, c.queueId);
  st->bind(6, core::toString(c.state)).bind(7, core::toString(c.priority)).bindOptional(8, c.appointmentId);
  if (c.sealed)
    st->bindBlob(9, *c.sealed);
  else
    st->bindNull(9);
  if (c.dupKey)
    st->bindBlob(10, *c.dupKey);
  else
    st->bindNull(10);
  st->bind(11, c.arrivedMs).bind(12, c.stateMs);
  if (c.calledMs)
    st->bind(13, *c.calledMs);
  else
    st->bindNull(13);
  st->bind(14, int64_t{c.clockConfirmed ? 1 : 0});
  return st->run();
}

core::Result<std::optional<CheckinRow>> getCheckin(Database& db, std::string_view recordId) {
  return readOne(db, "record_id = ?", recordId);
}

core::Result<std::optional<CheckinRow>> checkinForAppointment(Database& db, std::string_view appointmentId) {
  return readOne(db, "appointment_id = ? ORDER BY seq DESC LIMIT 1", appointmentId);
}

core::Result<std::vector<CheckinRow>> checkinsOnDay(Database& db, int64_t localDay) {
  auto st = db.prepare(std::string("SELECT ") + kColumns + " FROM checkins WHERE local_day = ? ORDER BY seq");
  if (!st.ok()) return st.error();
  st->bind(1, localDay);
  return readAll(*st);
}

core::Result<std::vector<UnexportedCheckin>> unexportedCheckins(Database& db) {
  // The appointment's columns renamed in a subquery (SQLite flattens it into the join), so that the
  // check-in's own keep their plain names.
  auto st =
      db.prepare(std::string("SELECT ") + kColumns +
                 ", a_id, a_start, a_clinician, a_service, a_sealed FROM checkins LEFT JOIN (SELECT id AS "
                 "a_id, start_local AS a_start, clinician AS a_clinician, service AS a_service, sealed "
                 "AS a_sealed FROM appointments) ON a_id = appointment_id WHERE batch_seq IS NULL "
                 "ORDER BY seq");
  if (!st.ok()) return st.error();
  std::vector<UnexportedCheckin> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    auto c = readRow(*st);
    if (!c.ok()) return c.error();
    UnexportedCheckin u{std::move(c.value()), {}};
    if (!st->columnIsNull(14)) {
      u.appointment = MatchedAppointment{
          st->columnText(14), st->columnInt(15), st->columnText(16), st->columnText(17), {}};
      if (!st->columnIsNull(18)) u.appointment->sealed = st->columnBlob(18);
    }
    out.push_back(std::move(u));
  }
}

// Urgent check-ins go before every normal one; within a priority, arrival order. Each half is one
// range of the day-first queue index (day, queue, 'waiting', priority, seq < bound), so a check-in
// reads only the entries ahead of it, never the whole day's queue.
const char* const kCountAheadSql =
    "SELECT (SELECT count(*) FROM checkins WHERE local_day = ?1 AND queue_id = ?2 AND state = 'waiting' "
    "AND priority = 'urgent' AND seq < ?3) + (SELECT count(*) FROM checkins WHERE local_day = ?1 AND "
    "queue_id = ?2 AND state = 'waiting' AND priority = 'normal' AND seq < ?4)";

core::Result<int64_t> countAhead(Database& db, std::string_view queueId, core::Priority priority, int64_t seq,
                                 int64_t localDay) {
  auto st = db.prepare(kCountAheadSql);
  if (!st.ok()) return st.error();
  // An urgent check-in has only the earlier urgent ones ahead; a normal one has every urgent one
  // and the earlier normal ones.
  const bool urgent = priority == core::Priority::kUrgent;
  const int64_t urgentBound = urgent ? seq : std::numeric_limits<int64_t>::max();
  const int64_t normalBound = urgent ? std::numeric_limits<int64_t>::min() : seq;
  st->bind(1, localDay).bind(2, queueId).bind(3, urgentBound).bind(4, normalBound);
  auto row = st->step();
  if (!row.ok()) return row.error();
  return st->columnInt(0);
}

core::Status updateCheckinState(Database& db, std::string_view recordId, core::CheckinState state,
                                int64_t atMs) {
  auto st = db.prepare(
      "UPDATE checkins SET state = ?2, state_ms = ?3, "
      "called_ms = CASE WHEN ?2 = 'called' AND called_ms IS NULL THEN ?3 ELSE called_ms END "
      "WHERE record_id = ?1");
  if (!st.ok()) return st.error();
  st->bind(1, recordId).bind(2, core::toString(state)).bind(3, atMs);
  return st->run();
}

core::Result<std::vector<std::pair<core::CheckinState, int64_t>>> countByState(Database& db) {
  auto st = db.prepare(
      "SELECT state, count(*), (SELECT ticket FROM checkins d WHERE d.state = c.state LIMIT 1) FROM checkins "
      "c "
      "GROUP BY state ORDER BY state");
  if (!st.ok()) return st.error();
  std::vector<std::pair<core::CheckinState, int64_t>> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    auto state = parseStoredState(st->columnText(0), st->columnText(2));
    if (!state.ok()) return state.error();
    out.emplace_back(state.value(), st->columnInt(1));
  }
}

// Read newest first from the (day, queue, called_ms) index, stopping after `n`: no sort, no scan.
const char* const kRecentCallsSql =
    "SELECT called_ms FROM checkins WHERE local_day = ? AND queue_id = ? AND called_ms IS NOT NULL "
    "ORDER BY called_ms DESC LIMIT ?";

core::Result<std::vector<int64_t>> recentCallTimesMs(Database& db, std::string_view queueId, int64_t localDay,
                                                     int n) {
  auto st = db.prepare(kRecentCallsSql);
  if (!st.ok()) return st.error();
  st->bind(1, localDay).bind(2, queueId).bind(3, int64_t{n});
  std::vector<int64_t> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    out.push_back(st->columnInt(0));
  }
}

}  // namespace longstop::store
