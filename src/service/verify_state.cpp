#include "service/verify_state.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/hlc.h"
#include "core/ids.h"
#include "crypto/primitives.h"
#include "service/site_state.h"
#include "service/verify_appointments.h"
#include "store/site_log.h"

namespace longstop::service {
namespace {

std::string sha256Hex(std::string_view bytes) {
  const auto h = crypto::sha256(bytes);
  return crypto::toHex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()));
}

std::string text(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
int64_t number(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

// How much later than the row's arrival its check-in event may be stamped (the clock is read twice).
constexpr int64_t kArrivalSlackMs = 1000;

// What this device's own events say of each of its check-ins beyond the fold: when it arrived, for
// which appointment, and the hash of its current sealed details (the check-in's, or the newest edit's).
struct Recorded {
  int64_t seq = 0, arrivedMs = 0;
  std::string appointment, sealedSha256;
};

struct Batch {
  int64_t records = 0;
  std::string hash;
};

struct OwnEvents {
  std::map<std::string, Recorded> checkins;
  std::map<int64_t, Batch> batches;
};

core::Result<OwnEvents> readOwnEvents(store::Database& db) {
  auto st = db.prepare(
      "SELECT seq, at_ms, kind, record_id, data FROM events WHERE kind IN ('checkin', 'edit', 'export') "
      "ORDER BY seq");
  if (!st.ok()) return st.error();
  OwnEvents out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const std::string kind = st->columnText(2), id = st->columnText(3);
    auto j = nlohmann::json::parse(st->columnText(4), nullptr, false);
    if (!j.is_object()) continue;
    if (kind == "export") {
      out.batches[number(j, "seq")] = {number(j, "records"), text(j, "batch_sha256")};
    } else if (kind == "checkin") {
      if (out.checkins.count(id)) continue;  // the fold reports a second creation
      out.checkins[id] = {st->columnInt(0), st->columnInt(1), text(j, "appointment"),
                          text(j, "sealed_sha256")};
    } else if (auto it = out.checkins.find(id); it != out.checkins.end()) {
      it->second.sealedSha256 = text(j, "sealed_sha256");
    }
  }
  return out;
}

// One event of a check-in as the fold ordered it: its stamp, and for this device's own events when
// it was written (a peer's move sets the row's state time from its stamp instead).
struct Stamp {
  int64_t hlc = 0;
  bool own = false;
  int64_t atMs = 0;
};

core::Result<std::map<std::string, std::vector<Stamp>>> readStamps(store::Database& db,
                                                                   std::string_view device) {
  auto events = store::allSiteEvents(db, device);
  if (!events.ok()) return events.error();
  std::map<std::string, std::vector<Stamp>> out;
  for (const auto& e : events.value()) {
    if (e.event.recordId.empty()) continue;
    const int64_t hlc = e.event.hlc ? e.event.hlc : core::legacyHlc(e.event.atMs);  // as the fold reads it
    out[e.event.recordId].push_back({hlc, e.origin == device, e.event.atMs});
  }
  return out;
}

struct TableRow {
  std::string recordId, ticket, queue, state, priority, appointment;
  std::optional<std::string> sealed;
  int64_t seq = 0, day = 0, arrivedMs = 0, stateMs = 0, batchSeq = 0;
  bool purged = false;
};

core::Result<std::vector<TableRow>> readCheckins(store::Database& db, std::string_view device) {
  auto st = db.prepare(
      "SELECT c.record_id, c.ticket, c.queue_id, c.state, c.priority, coalesce(c.appointment_id, ''), "
      "c.sealed, "
      "c.seq, c.local_day, c.arrived_ms, coalesce(c.batch_seq, 0), b.purged_ms IS NOT NULL, c.state_ms "
      "FROM checkins c LEFT JOIN batches b ON b.seq = c.batch_seq "
      "WHERE c.record_id >= ? AND c.record_id < ? ORDER BY c.seq");
  if (!st.ok()) return st.error();
  st->bind(1, std::string(device) + "-").bind(2, std::string(device) + ".");
  std::vector<TableRow> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    TableRow r;
    r.recordId = st->columnText(0);
    r.ticket = st->columnText(1);
    r.queue = st->columnText(2);
    r.state = st->columnText(3);
    r.priority = st->columnText(4);
    r.appointment = st->columnText(5);
    if (!st->columnIsNull(6)) r.sealed = st->columnBlob(6);
    r.seq = st->columnInt(7);
    r.day = st->columnInt(8);
    r.arrivedMs = st->columnInt(9);
    r.batchSeq = st->columnInt(10);
    r.purged = st->columnInt(11) != 0;
    r.stateMs = st->columnInt(12);
    out.push_back(std::move(r));
  }
  return out;
}

void compareRow(const TableRow& r, const core::FoldedCheckin& f, const Recorded* rec,
                std::vector<std::string>& out) {
  const std::string who = "Check-in " + r.recordId + " (ticket " + f.ticket + ")";
  if (r.ticket != f.ticket)
    out.push_back("Check-in " + r.recordId + " shows ticket " + r.ticket +
                  " in the table, but its check-in event "
                  "gave it ticket " +
                  f.ticket + ": the ticket was changed outside Longstop.");
  if (r.queue != f.queue)
    out.push_back(who + " is in queue '" + r.queue + "' in the table, but its events put it in '" + f.queue +
                  "'.");
  if (r.priority != f.priority)
    out.push_back(who + " is '" + r.priority + "' in the table, but its check-in event made it '" +
                  f.priority + "'.");
  const std::string state(core::toString(f.state));
  if (r.state != state)
    out.push_back(who + " is '" + r.state + "' in the table, but its events leave it '" + state + "'.");
  if (!rec) return;
  if (r.appointment != rec->appointment)
    out.push_back(who + " names appointment '" + r.appointment +
                  "' in the table, but its check-in event named '" + rec->appointment + "'.");
  // The row's arrival is read from the clock just before the event is stamped, in the same transaction.
  if (r.arrivedMs > rec->arrivedMs || rec->arrivedMs - r.arrivedMs > kArrivalSlackMs)
    out.push_back(who + " shows another arrival time in the table than its check-in event.");
  if (const auto parts = core::parseRecordId(r.recordId); parts && parts->sequence != r.seq)
    out.push_back(who + " carries sequence " + std::to_string(r.seq) + ", not the one in its record ID.");
  if (rec->sealedSha256.empty()) {
    if (r.sealed) out.push_back(who + " holds sealed details that no event of it names.");
  } else if (!r.sealed) {
    if (!r.purged) out.push_back(who + "'s sealed details are gone, though no retention removed them.");
  } else if (sha256Hex(*r.sealed) != rec->sealedSha256) {
    out.push_back(who +
                  "'s sealed details are not the bytes its events name: they were damaged on the card or "
                  "changed. Re-enter that patient from the paper list.");
  }
}

// When the row's state last changed must be a time its events give. A move made here stamps the row
// a moment before its event (the same slack as the arrival); a peer's move is followed with the
// move's stamp, and only when it changed the state's word, so a check-in peers also moved must carry
// the time of one of its moves, and one moved only here the time of the move that gave its state.
void compareStateTime(const TableRow& r, const core::FoldedCheckin& f, const std::vector<Stamp>& stamps,
                      std::vector<std::string>& out) {
  const auto ownMatch = [&](const Stamp& s) {
    return s.own && r.stateMs <= s.atMs && s.atMs - r.stateMs <= kArrivalSlackMs;
  };
  const auto matches = [&](const Stamp& s) {
    return ownMatch(s) || (!s.own && r.stateMs == core::hlcMillis(s.hlc));
  };
  const bool peersMoved = std::any_of(stamps.begin(), stamps.end(), [](const Stamp& s) { return !s.own; });
  bool ok = false;
  for (const auto& s : stamps)
    if (peersMoved ? matches(s) : (s.hlc == f.stateHlc && ownMatch(s))) ok = true;
  if (!ok)
    out.push_back("Check-in " + r.recordId + " (ticket " + f.ticket +
                  ") shows another time for its state in the table than the event that gave it: the "
                  "table was changed outside Longstop.");
}

// Tickets are per queue and day; two check-ins with one ticket send two people to one call.
void duplicateTickets(const std::vector<TableRow>& rows, std::vector<std::string>& out) {
  std::map<std::tuple<int64_t, std::string, std::string>, std::vector<std::string>> seen;
  for (const auto& r : rows) seen[{r.day, r.queue, r.ticket}].push_back(r.recordId);
  for (const auto& [key, ids] : seen) {
    if (ids.size() < 2) continue;
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    out.push_back("Ticket " + std::get<2>(key) + " is held by " + std::to_string(ids.size()) +
                  " check-ins of one day and queue (" + list + ").");
  }
}

core::Status compareBatches(store::Database& db, const OwnEvents& events, std::vector<std::string>& out) {
  auto st = db.prepare(
      "SELECT b.seq, b.record_count, lower(hex(b.batch_hash)), "
      "(SELECT count(*) FROM checkins c WHERE c.batch_seq = b.seq) FROM batches b ORDER BY b.seq");
  if (!st.ok()) return st.error();
  std::map<int64_t, bool> inTable;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const int64_t seq = st->columnInt(0);
    inTable[seq] = true;
    const std::string name = "Batch " + std::to_string(seq);
    auto it = events.batches.find(seq);
    if (it == events.batches.end()) {
      out.push_back(name + " is in the table, but no export event made it.");
      continue;
    }
    if (st->columnInt(1) != it->second.records || st->columnInt(3) != it->second.records)
      out.push_back(name + " holds " + std::to_string(st->columnInt(3)) +
                    " check-ins in the table, but its export "
                    "event says " +
                    std::to_string(it->second.records) + ".");
    if (st->columnText(2) != it->second.hash)
      out.push_back(name + "'s hash in the table is not the one its export event names.");
  }
  for (const auto& [seq, b] : events.batches)
    if (!inTable.count(seq))
      out.push_back("Batch " + std::to_string(seq) + " was exported but is missing from the table.");
  return core::okStatus();
}

core::Status compareRecordCounter(store::Database& db, const std::vector<TableRow>& rows,
                                  std::vector<std::string>& out) {
  auto st = db.prepare("SELECT value FROM counters WHERE name = 'record'");
  if (!st.ok()) return st.error();
  auto row = st->step();
  if (!row.ok()) return row.error();
  const int64_t counter = row.value() ? st->columnInt(0) : 0;
  int64_t newest = 0;
  for (const auto& r : rows) newest = std::max(newest, r.seq);
  if (counter < newest)
    out.push_back("The record counter (" + std::to_string(counter) + ") is behind the newest check-in (" +
                  std::to_string(newest) + "): the next check-in would be given a record ID already used.");
  return core::okStatus();
}

}  // namespace

core::Result<DerivedStateCheck> checkDerivedState(store::Database& db, std::string_view ownDeviceId) {
  auto folded = foldedState(db, ownDeviceId);
  if (!folded.ok()) return folded.error();
  auto stamps = readStamps(db, ownDeviceId);
  if (!stamps.ok()) return stamps.error();
  auto events = readOwnEvents(db);
  if (!events.ok()) return events.error();
  auto rows = readCheckins(db, ownDeviceId);
  if (!rows.ok()) return rows.error();
  DerivedStateCheck check;
  std::vector<std::string>& out = check.problems;
  std::map<std::string, bool> inTable;
  for (const auto& r : rows.value()) {
    inTable[r.recordId] = true;
    auto f = folded->checkins.find(r.recordId);
    if (f == folded->checkins.end()) {
      out.push_back("Check-in " + r.recordId + " (ticket " + r.ticket +
                    ") is in the table, but no event created it.");
      continue;
    }
    ++check.checkins;
    auto rec = events->checkins.find(r.recordId);
    compareRow(r, f->second, rec == events->checkins.end() ? nullptr : &rec->second, out);
    compareStateTime(r, f->second, (*stamps)[r.recordId], out);
  }
  const std::string own = std::string(ownDeviceId) + "-";
  for (const auto& [id, f] : folded->checkins)
    if (id.rfind(own, 0) == 0 && !inTable.count(id))
      out.push_back("Check-in " + id + " (ticket " + f.ticket + ") was made, but is missing from the table.");
  duplicateTickets(rows.value(), out);
  if (auto s = compareRecordCounter(db, rows.value(), out); !s.ok()) return s.error();
  if (auto s = compareBatches(db, events.value(), out); !s.ok()) return s.error();
  auto appointments = checkAppointments(db);
  if (!appointments.ok()) return appointments.error();
  check.appointments = appointments->compared;
  check.appointmentsUnrecorded = appointments->unrecorded;
  out.insert(out.end(), appointments->problems.begin(), appointments->problems.end());
  return check;
}

}  // namespace longstop::service
