#include "service/call_points.h"

#include <map>

#include "core/patient.h"
#include "core/utf8.h"
#include "store/appointments.h"

namespace longstop::service {
namespace {

// The first character of a surname, as a person writes an initial (ASCII letters in capitals).
std::string initialOf(std::string_view surname) {
  size_t pos = 0;
  const int32_t c = core::nextCodePoint(surname, pos);
  if (c < 0) return "";
  if (c >= 'a' && c <= 'z') return std::string(1, static_cast<char>(c - 32));
  return std::string(surname.substr(0, pos));
}

}  // namespace

core::Result<std::string> clinicianRoom(Site& site, const std::string& queueId,
                                        const std::string& clinician) {
  const int64_t day = site.clock().now().localDay();
  if (!clinician.empty()) {
    // Events of today only: a room set yesterday says nothing about who is in which room today.
    auto st = site.db().prepare(
        "SELECT json_extract(data, '$.room') FROM events WHERE kind IN ('room-set', 'call', 'recall') "
        "AND json_extract(data, '$.clinician') = ?1 AND json_extract(data, '$.day') = ?2 "
        "ORDER BY seq DESC LIMIT 1");
    if (!st.ok()) return st.error();
    st->bind(1, clinician).bind(2, day);
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (row.value() && !st->columnIsNull(0)) return st->columnText(0);
  }
  const core::QueueDef* q = site.info().queue(queueId);
  return q ? q->room : std::string();
}

core::Status setClinicianRoom(Site& site, const StaffSession& who, const std::string& clinician,
                              const std::string& room) {
  if (clinician.empty()) return core::invalidInput("Choose the clinician whose room this is.");
  if (room.empty() || room.size() > 40) return core::invalidInput("A room is 1 to 40 characters.");
  store::JsonObject data;
  data.add("clinician", clinician).add("room", room).add("day", site.clock().now().localDay());
  return site.db().transaction([&]() -> core::Status {
    auto e = site.appendEvent("room-set", "", data.str(), who.who().id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
}

core::Result<std::vector<CallPointRow>> callPoints(Site& site) {
  const int64_t day = site.clock().now().localDay();
  // Clinicians of today's appointments, with how many of their patients wait now.
  auto st = site.db().prepare(
      "SELECT a.queue_id, a.clinician, count(c.record_id) FROM appointments a "
      "LEFT JOIN checkins c ON c.appointment_id = a.id AND c.state = 'waiting' AND c.local_day = ?1 "
      "WHERE a.start_local >= ?1 * 1440 AND a.start_local < (?1 + 1) * 1440 "
      "GROUP BY a.queue_id, a.clinician ORDER BY a.clinician");
  if (!st.ok()) return st.error();
  st->bind(1, day);
  std::map<std::string, std::vector<CallPointRow>> byQueue;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    byQueue[st->columnText(0)].push_back(
        {st->columnText(0), st->columnText(1), "", static_cast<int>(st->columnInt(2))});
  }
  st->reset();
  auto other = site.db().prepare(
      "SELECT queue_id, count(*) FROM checkins WHERE local_day = ? AND state = 'waiting' AND appointment_id "
      "IS NULL "
      "GROUP BY queue_id");
  if (!other.ok()) return other.error();
  other->bind(1, day);
  std::map<std::string, int> withoutClinician;
  for (;;) {
    auto row = other->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    withoutClinician[other->columnText(0)] = static_cast<int>(other->columnInt(1));
  }
  other->reset();
  std::vector<CallPointRow> out;
  for (const auto& q : site.info().queues) {
    for (auto& p : byQueue[q.id]) {
      auto room = clinicianRoom(site, q.id, p.clinician);
      if (!room.ok()) return room.error();
      p.room = room.value();
      out.push_back(std::move(p));
    }
    // Walk-ins (and a queue without appointments) are called for the queue as a whole.
    if (byQueue[q.id].empty() || withoutClinician[q.id] > 0)
      out.push_back({q.id, "", q.room, withoutClinician[q.id]});
  }
  return out;
}

core::Result<std::vector<DueAppointmentRow>> appointmentsDue(Site& site, const StaffSession& who) {
  const int64_t day = site.clock().now().localDay();
  auto st = site.db().prepare(
      "SELECT a.id, a.start_local, a.clinician, a.queue_id, a.sealed FROM appointments a "
      "WHERE a.start_local >= ?1 * 1440 AND a.start_local < (?1 + 1) * 1440 AND NOT EXISTS "
      "(SELECT 1 FROM checkins c WHERE c.appointment_id = a.id AND c.state <> 'cancelled') "
      "ORDER BY a.start_local, a.clinician, a.id");
  if (!st.ok()) return st.error();
  st->bind(1, day);
  std::vector<DueAppointmentRow> out;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    DueAppointmentRow a{st->columnText(0), st->columnInt(1), st->columnText(2), st->columnText(3), ""};
    if (!st->columnIsNull(4)) {
      auto plain = site.open(who.secrets(), st->columnBlob(4));
      if (!plain.ok()) return plain.error();
      auto details = core::parseDetails(plain.value());
      if (!details.ok()) return details.error();
      a.initial = initialOf(details->surname);
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace longstop::service
