#include "service/queue_view.h"

#include <algorithm>
#include <cctype>

#include "core/csv.h"
#include "core/date.h"
#include "exporter/destination.h"
#include "service/site_queue.h"
#include "store/appointments.h"

namespace longstop::service {
namespace {

std::string lower(std::string_view s) {
  std::string out;
  for (unsigned char c : s) out += static_cast<char>(std::tolower(c));
  return out;
}

std::string digitsOf(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

core::Status fillEntry(Site& site, const StaffSession& who, QueueEntry& e, int64_t nowMs) {
  std::optional<std::string> sealed = e.row.sealed;
  if (e.row.appointmentId) {
    auto appt = store::getAppointment(site.db(), *e.row.appointmentId);
    if (!appt.ok()) return appt.error();
    if (appt.value()) {
      if (!sealed) sealed = appt.value()->sealed;
      e.appointmentTime = core::formatClockTime(appt.value()->startLocal);
      e.clinician = appt.value()->clinician;
      e.dueLocal = appt.value()->startLocal;
      const int64_t arrivedLocal =
          core::Instant::floorDiv(e.row.arrivedMs, 60000) + site.clock().now().utcOffsetMinutes;
      e.lateMinutes = static_cast<int>(std::max<int64_t>(0, arrivedLocal - appt.value()->startLocal));
    }
  }
  if (e.dueLocal == 0)
    e.dueLocal = core::Instant::floorDiv(e.row.arrivedMs, 60000) + site.clock().now().utcOffsetMinutes;
  if (sealed) {
    // One damaged blob must not take the whole queue off the desk: that row says so, the rest list.
    auto plain = site.open(who.secrets(), *sealed);
    auto details =
        plain.ok() ? core::parseDetails(plain.value()) : core::Result<core::PatientDetails>(plain.error());
    if (details.ok())
      e.patient = std::move(details.value());
    else
      e.damaged = true;
  }
  const int64_t until = e.row.calledMs.value_or(e.row.state == core::CheckinState::kWaiting ||
                                                        e.row.state == core::CheckinState::kParked
                                                    ? nowMs
                                                    : e.row.stateMs);
  e.waitedMinutes = static_cast<int>(std::max<int64_t>(0, until - e.row.arrivedMs) / 60000);
  return core::okStatus();
}

// The clinician and room of each check-in's last call today (record ID -> {clinician, room}).
core::Result<std::map<std::string, std::pair<std::string, std::string>>> lastCalls(Site& site) {
  auto st = site.db().prepare(
      "SELECT e.record_id, coalesce(json_extract(e.data, '$.clinician'), ''), coalesce(json_extract(e.data, "
      "'$.room'), '') "
      "FROM events e JOIN checkins c ON c.record_id = e.record_id "
      "WHERE e.kind IN ('call', 'recall') AND c.local_day = ? ORDER BY e.seq");
  if (!st.ok()) return st.error();
  st->bind(1, site.clock().now().localDay());
  std::map<std::string, std::pair<std::string, std::string>> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    out[st->columnText(0)] = {st->columnText(1), st->columnText(2)};
  }
}

// Where a check-in comes in the console's list (see todaysEntries).
int listRank(const QueueEntry& e) {
  switch (e.row.state) {
    case core::CheckinState::kWaiting:
      return e.row.priority == core::Priority::kUrgent ? 0 : 3;
    case core::CheckinState::kCalled:
      return 1;
    case core::CheckinState::kParked:
      return 2;
    default:
      return 4;
  }
}

}  // namespace

core::Result<std::vector<std::string>> pendingAlerts(Site& site) {
  // On a site of several devices an alert may be raised or acknowledged on any of them: the fold says.
  if (holdsPeerEvents(site)) return siteAlerts(site);
  auto st = site.db().prepare(
      "SELECT a.record_id FROM events a JOIN checkins c ON c.record_id = a.record_id "
      "WHERE a.kind = 'urgent-alert' AND c.local_day = ? AND NOT EXISTS "
      "(SELECT 1 FROM events b WHERE b.kind = 'urgent-ack' AND b.record_id = a.record_id AND b.seq > a.seq) "
      "ORDER BY a.seq");
  if (!st.ok()) return st.error();
  st->bind(1, site.clock().now().localDay());
  std::vector<std::string> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    out.push_back(st->columnText(0));
  }
}

core::Result<std::vector<QueueEntry>> todaysEntries(Site& site, const StaffSession& who) {
  auto rows = store::checkinsOnDay(site.db(), site.clock().now().localDay());
  if (!rows.ok()) return rows.error();
  auto alerts = pendingAlerts(site);
  if (!alerts.ok()) return alerts.error();
  auto calls = lastCalls(site);
  if (!calls.ok()) return calls.error();
  const int64_t now = site.clock().now().unixMs;
  std::map<std::string, int> dupCounts;
  for (const auto& r : rows.value())
    if (r.dupKey && r.state != core::CheckinState::kCancelled) ++dupCounts[*r.dupKey];
  std::vector<QueueEntry> out;
  for (auto& r : rows.value()) {
    QueueEntry e;
    e.row = std::move(r);
    if (auto s = fillEntry(site, who, e, now); !s.ok()) return s.error();
    e.possibleDuplicate =
        e.row.dupKey && e.row.state != core::CheckinState::kCancelled && dupCounts[*e.row.dupKey] > 1;
    e.alertPending = std::find(alerts->begin(), alerts->end(), e.row.recordId) != alerts->end();
    if (auto c = calls->find(e.row.recordId); c != calls->end()) {
      e.calledBy = c->second.first;
      e.calledRoom = c->second.second;
    }
    out.push_back(std::move(e));
  }
  // Every other device's check-ins of today, from the fold.
  auto peers = peerEntries(site, who);
  if (!peers.ok()) return peers.error();
  for (auto& e : peers.value()) out.push_back(std::move(e));
  std::stable_sort(out.begin(), out.end(), [](const QueueEntry& a, const QueueEntry& b) {
    const int ra = listRank(a), rb = listRank(b);
    if (ra != rb) return ra < rb;
    if (ra == 1) return a.row.calledMs.value_or(0) < b.row.calledMs.value_or(0);
    if (ra == 3 && a.dueLocal != b.dueLocal) return a.dueLocal < b.dueLocal;
    if (a.row.seq != b.row.seq) return a.row.seq < b.row.seq;
    return a.row.arrivedMs < b.row.arrivedMs;  // peers' check-ins have no seq here
  });
  return out;
}

std::vector<QueueEntry> searchEntries(const std::vector<QueueEntry>& entries, const std::string& text) {
  const std::string needle = lower(text);
  // Digits count as an NHS number only when nothing else was typed: "N001" is a ticket, not "001".
  const bool onlyDigits = text.find_first_not_of("0123456789 ") == std::string::npos;
  const std::string digits = onlyDigits ? digitsOf(text) : std::string();
  std::vector<QueueEntry> out;
  if (needle.empty()) return out;
  for (const auto& e : entries) {
    bool hit = lower(e.row.ticket).rfind(needle, 0) == 0;  // the ticket as typed so far
    if (e.patient) {
      hit = hit || lower(e.patient->surname).rfind(needle, 0) == 0;
      hit = hit || (digits.size() >= 3 && e.patient->nhsNumber &&
                    e.patient->nhsNumber->digits.find(digits) != std::string::npos);
    }
    if (hit) out.push_back(e);
  }
  return out;
}

core::Result<std::filesystem::path> exportCurrentList(Site& site, const StaffSession& who,
                                                      const std::filesystem::path& folder) {
  auto entries = todaysEntries(site, who);
  if (!entries.ok()) return entries.error();
  const core::Instant now = site.clock().now();
  std::string name = "longstop-list-" + site.info().deviceId + "-" +
                     core::formatLocalDateTime(now.localMinutes()).substr(0, 16) + ".csv";
  std::replace(name.begin(), name.end(), ':', '-');
  const auto path = folder / name;
  std::string csv =
      core::csvLine({"ticket", "queue", "state", "priority", "arrived", "waited_min", "appointment",
                     "clinician", "surname", "forenames", "date_of_birth", "nhs_number", "flags"});
  for (const auto& e : entries.value()) {
    const int64_t arrivedLocal = e.row.arrivedMs / 60000 + now.utcOffsetMinutes;
    std::string flags = e.possibleDuplicate ? "possible duplicate" : "";
    csv += core::csvLine({e.row.ticket, e.row.queueId, std::string(core::toString(e.row.state)),
                          std::string(core::toString(e.row.priority)), core::formatClockTime(arrivedLocal),
                          std::to_string(e.waitedMinutes), e.appointmentTime, e.clinician,
                          e.patient ? e.patient->surname : "", e.patient ? e.patient->forenames : "",
                          e.patient ? e.patient->dateOfBirth.iso() : "",
                          e.patient && e.patient->nhsNumber ? e.patient->nhsNumber->formatted() : "", flags});
  }
  // The audit row first: names never leave the kiosk without the log saying who took them (a write that
  // then fails leaves a row for a list that did not arrive, which errs on the side of the patient).
  store::JsonObject data;
  data.add("rows", static_cast<int64_t>(entries->size())).add("file", name);
  auto logged = site.db().transaction([&]() -> core::Status {
    auto ev = site.appendEvent("list-exported", "", data.str(), who.who().id);
    return ev.ok() ? core::okStatus() : core::Status(ev.error());
  });
  if (!logged.ok()) return logged.error();
  // Names on a stick that may be pulled at any moment: whole or not there, readable by the owner only.
  if (auto s = exporter::replaceDurably(folder, name, csv); !s.ok()) return s.error();
  return path;
}

core::Result<DaySummary> daySummary(Site& site) {
  auto rows = store::checkinsOnDay(site.db(), site.clock().now().localDay());
  if (!rows.ok()) return rows.error();
  DaySummary s;
  std::vector<int64_t> waits;
  for (const auto& r : rows.value()) {
    ++s.countsByQueueAndState[r.queueId][r.state];
    ++s.total;
    if (r.priority == core::Priority::kUrgent) ++s.urgentFlags;
    if (r.calledMs) waits.push_back(*r.calledMs - r.arrivedMs);
  }
  if (!waits.empty()) {
    std::nth_element(waits.begin(), waits.begin() + waits.size() / 2, waits.end());
    s.medianWaitMinutes = static_cast<int>(waits[waits.size() / 2] / 60000);
  }
  return s;
}

}  // namespace longstop::service
