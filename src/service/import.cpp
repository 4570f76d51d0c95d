#include "service/import.h"

#include <cctype>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/appointment_list.h"
#include "core/matching.h"
#include "crypto/primitives.h"
#include "service/checkin.h"
#include "service/match_key.h"
#include "store/appointments.h"

namespace longstop::service {
namespace {

std::string lower(std::string_view s) {
  std::string out;
  for (unsigned char c : s) out += static_cast<char>(std::tolower(c));
  return out;
}

store::AppointmentRow toRow(Site& site, const core::AppointmentRecord& r) {
  const core::PatientDetails& p = r.patient;
  store::AppointmentRow row;
  row.id = r.id;
  row.startLocal = r.startLocalMinutes;
  row.clinician = r.clinician;
  row.service = r.service;
  row.queueId = queueForService(site.info(), r.service);
  const std::string details = core::serializeDetails(p);
  fillAppointmentHashes(row, site.matchHasher(), p, details);  // the same hashes a key renewal rehashes
  row.sealed = site.seal(details);
  return row;
}

// What an import records of each row it added, so that verify can rebuild the appointments table:
// every column that is neither keyed (the matching hashes change with a key renewal) nor personal
// (the sealed details are named by their SHA-256, as a check-in's are). Made before the write lock.
std::string rowRecord(const store::AppointmentRow& row) {
  const auto h = crypto::sha256(*row.sealed);
  return nlohmann::json::array(
             {row.id, row.startLocal, row.clinician, row.service, row.queueId,
              crypto::toHex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()))})
      .dump();
}

// One event holds at most about this much: a site's events travel one to a message, and its server
// takes messages of up to 1 MiB.
constexpr size_t kRowEventBytes = 64 * 1024;

// The added rows as 'appointments' events ({"rows":[[id, start, clinician, service, queue,
// sealed_sha256], ...]}), in as many as their size needs; returns how many.
core::Result<int64_t> recordRows(Site& site, const std::vector<const std::string*>& added) {
  int64_t events = 0;
  std::string rows;
  for (size_t i = 0; i < added.size(); ++i) {
    rows += (rows.empty() ? "" : ",") + *added[i];
    if (rows.size() < kRowEventBytes && i + 1 < added.size()) continue;
    auto e = site.appendEvent("appointments", "", "{\"rows\":[" + rows + "]}");
    if (!e.ok()) return e.error();
    rows.clear();
    ++events;
  }
  return events;
}

}  // namespace

std::string queueForService(const SiteInfo& info, std::string_view service) {
  const std::string s = lower(service);
  for (const auto& q : info.queues)
    if (!s.empty() && (lower(q.id).starts_with(s) || lower(q.name).starts_with(s))) return q.id;
  return info.queues.empty() ? std::string() : info.queues.front().id;
}

core::Result<ImportReport> importAppointments(Site& site, std::string_view csvText) {
  if (auto s = site.requireUnlocked(); !s.ok()) return s.error();
  const core::Date today = core::civilFromDays(site.clock().now().localDay());
  auto records = core::parseAppointmentCsv(csvText, today);
  if (!records.ok()) return records.error();
  ImportReport report;
  report.rows = static_cast<int>(records->size());
  // The costly part (a seal and five keyed hashes a row) is done before the write lock is taken, so
  // the transaction holds it only for the inserts and a check-in waits for that at most.
  std::vector<store::AppointmentRow> rows;
  rows.reserve(records->size());
  for (const auto& r : records.value()) rows.push_back(toRow(site, r));
  std::vector<std::string> recorded;
  recorded.reserve(rows.size());
  for (const auto& r : rows) recorded.push_back(rowRecord(r));
  auto s = site.db().transaction([&]() -> core::Status {
    std::vector<const std::string*> fresh;
    for (size_t i = 0; i < rows.size(); ++i) {
      auto added = store::insertAppointment(site.db(), rows[i]);
      if (!added.ok())
        return core::Error{added.error().code,
                           "line " + std::to_string(records.value()[i].line) + ": " + added.error().message};
      ++(added.value() ? report.added : report.unchanged);
      if (added.value()) fresh.push_back(&recorded[i]);
    }
    if (report.added == 0) return core::okStatus();  // a repeated import changes nothing at all
    auto rowEvents = recordRows(site, fresh);
    if (!rowEvents.ok()) return rowEvents.error();
    const auto h = crypto::sha256(csvText);
    store::JsonObject data;
    data.add("rows", report.rows).add("added", report.added).add("unchanged", report.unchanged);
    data.add("row_events", rowEvents.value());
    data.add("file_sha256",
             crypto::toHex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size())));
    auto e = site.appendEvent("import", "", data.str());
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  if (!s.ok()) return s.error();
  return report;
}

}  // namespace longstop::service
