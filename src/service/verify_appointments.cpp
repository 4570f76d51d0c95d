#include "service/verify_appointments.h"

#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "crypto/primitives.h"

namespace longstop::service {
namespace {

struct Recorded {
  int64_t startLocal = 0;
  std::string clinician, service, queue, sealedSha256;
};

struct Imports {
  std::map<std::string, Recorded> rows;
  int64_t unrecordedAllowed = 0;             // rows added by imports that recorded none of them
  int64_t newestUnclaimedPurgeMinutes = -1;  // local minutes bound of the newest unclaimed purge
};

// A purge of unclaimed appointments clears those that started before the local day it ran on; the
// event's time is UTC, and no place is more than 14 hours ahead of it.
constexpr int64_t kMaxUtcOffsetMinutes = 14 * 60;

core::Result<Imports> readImports(store::Database& db) {
  auto st = db.prepare(
      "SELECT at_ms, kind, data FROM events WHERE kind IN ('appointments', 'import', "
      "'retention-purge-appointments') ORDER BY seq");
  if (!st.ok()) return st.error();
  Imports out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const std::string kind = st->columnText(1);
    if (kind == "retention-purge-appointments") {
      out.newestUnclaimedPurgeMinutes = st->columnInt(0) / 60'000 + kMaxUtcOffsetMinutes;
      continue;
    }
    auto j = nlohmann::json::parse(st->columnText(2), nullptr, false);
    if (!j.is_object()) continue;  // the signed log is checked elsewhere; damage there is said there
    if (kind == "import") {
      if (!j.contains("row_events")) out.unrecordedAllowed += j.value("added", int64_t{0});
      continue;
    }
    auto rows = j.find("rows");
    if (rows == j.end() || !rows->is_array()) continue;
    for (const auto& r : *rows) {
      if (!r.is_array() || r.size() != 6 || !r[0].is_string() || !r[1].is_number_integer()) continue;
      Recorded rec;
      rec.startLocal = r[1].get<int64_t>();
      for (auto [i, field] :
           {std::pair{2, &rec.clinician}, {3, &rec.service}, {4, &rec.queue}, {5, &rec.sealedSha256}})
        if (r[i].is_string()) *field = r[i].get<std::string>();
      out.rows[r[0].get<std::string>()] = std::move(rec);
    }
  }
  return out;
}

std::string sha256Hex(std::string_view bytes) {
  const auto h = crypto::sha256(bytes);
  return crypto::toHex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()));
}

struct TableRow {
  std::string id, clinician, service, queue;
  int64_t startLocal = 0;
  std::optional<std::string> sealed;
  bool batchPurged = false;  // a check-in of it went in a batch that retention purged
};

void compareRow(const TableRow& t, const Recorded& r, const Imports& imports, AppointmentCheck& out) {
  const std::string who = "Appointment " + t.id;
  const auto changed = [&](const char* what) {
    out.problems.push_back(who + "'s " + what +
                           " in the table is not the one its import recorded: the appointments were changed "
                           "outside Longstop. Restore the newest sound backup, or ask your IT support.");
  };
  if (t.startLocal != r.startLocal) changed("time");
  if (t.clinician != r.clinician) changed("clinician");
  if (t.service != r.service) changed("service");
  if (t.queue != r.queue) changed("queue");
  if (!t.sealed) {
    const bool purged = t.batchPurged || t.startLocal < imports.newestUnclaimedPurgeMinutes;
    if (!purged)
      out.problems.push_back(who + "'s sealed details are gone, though no retention removed them.");
  } else if (sha256Hex(*t.sealed) != r.sealedSha256) {
    out.problems.push_back(
        who +
        "'s sealed details are not the bytes its import recorded: they were damaged on the "
        "card or changed. Restore the newest sound backup, or ask your IT support.");
  }
}

}  // namespace

core::Result<AppointmentCheck> checkAppointments(store::Database& db) {
  auto imports = readImports(db);
  if (!imports.ok()) return imports.error();
  auto st = db.prepare(
      "SELECT a.id, a.start_local, a.clinician, a.service, a.queue_id, a.sealed, EXISTS (SELECT 1 FROM "
      "checkins c JOIN batches b ON b.seq = c.batch_seq WHERE c.appointment_id = a.id AND b.purged_ms IS "
      "NOT NULL) FROM appointments a ORDER BY a.id");
  if (!st.ok()) return st.error();
  AppointmentCheck out;
  std::map<std::string, bool> inTable;
  std::vector<std::string> unnamed;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    TableRow t{st->columnText(0), st->columnText(2), st->columnText(3),    st->columnText(4),
               st->columnInt(1),  std::nullopt,      st->columnInt(6) != 0};
    if (!st->columnIsNull(5)) t.sealed = st->columnBlob(5);
    inTable[t.id] = true;
    auto r = imports->rows.find(t.id);
    if (r == imports->rows.end()) {
      unnamed.push_back(t.id);
      continue;
    }
    ++out.compared;
    compareRow(t, r->second, imports.value(), out);
  }
  // Imports from before rows were recorded vouch for as many rows as they added, not for which.
  out.unrecorded = std::min<int64_t>(static_cast<int64_t>(unnamed.size()), imports->unrecordedAllowed);
  for (size_t i = static_cast<size_t>(out.unrecorded); i < unnamed.size(); ++i)
    out.problems.push_back("Appointment " + unnamed[i] +
                           " is in the table, but no import recorded it: it was added outside Longstop.");
  for (const auto& [id, r] : imports->rows)
    if (!inTable.count(id))
      out.problems.push_back("Appointment " + id +
                             " was imported, but is missing from the table: it was deleted outside Longstop. "
                             "Import the day's list again from the practice's system.");
  return out;
}

}  // namespace longstop::service
