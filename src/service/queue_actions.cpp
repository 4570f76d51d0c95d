#include "service/queue_actions.h"

#include "crypto/primitives.h"
#include "service/call_points.h"
#include "service/checkin.h"
#include "service/import.h"
#include "store/appointments.h"
#include "store/checkins.h"

namespace longstop::service {
namespace {

core::Status fromEvent(const core::Result<int64_t>& e) {
  return e.ok() ? core::okStatus() : core::Status(e.error());
}

core::Status setQueue(Site& site, const std::string& recordId, const std::string& queueId) {
  auto st = site.db().prepare("UPDATE checkins SET queue_id = ? WHERE record_id = ?");
  if (!st.ok()) return st.error();
  st->bind(1, queueId).bind(2, recordId);
  return st->run();
}

core::Status writeAction(Site& site, const StaffSession& who, const store::CheckinRow& row,
                         core::CheckinAction action, core::CheckinState next, const ActionArgs& args) {
  const core::QueueDef* queue = site.info().queue(row.queueId);
  store::JsonObject data;
  data.add("ticket", row.ticket).add("from", core::toString(row.state));
  data.add("to", core::toString(next));
  if (action == core::CheckinAction::kCall || action == core::CheckinAction::kRecall) {
    std::string clinician = args.clinician;
    if (clinician.empty() && row.appointmentId) {
      auto appt = store::getAppointment(site.db(), *row.appointmentId);
      if (!appt.ok()) return appt.error();
      if (appt.value()) clinician = appt.value()->clinician;
    }
    std::string room = args.room;
    if (room.empty()) {
      auto r = clinicianRoom(site, row.queueId, clinician);
      if (!r.ok()) return r.error();
      room = r.value();
    }
    if (room.empty() && queue) room = queue->room;
    data.add("room", room).add("queue", row.queueId);
    if (!clinician.empty()) data.add("clinician", clinician);
    data.add("day", site.clock().now().localDay());
  }
  if (action == core::CheckinAction::kTransfer) {
    if (!site.info().queue(args.targetQueue))
      return core::invalidInput("There is no queue called '" + args.targetQueue + "'.");
    if (args.targetQueue == row.queueId) return core::invalidInput("The patient is already in that queue.");
    if (auto s = setQueue(site, row.recordId, args.targetQueue); !s.ok()) return s;
    data.add("queue", args.targetQueue);
  }
  if (action == core::CheckinAction::kCancel) {
    if (args.reason.empty()) return core::invalidInput("Say why the check-in is cancelled.");
    data.add("reason", args.reason);
  }
  if (auto s = store::updateCheckinState(site.db(), row.recordId, next, site.clock().now().unixMs); !s.ok())
    return s;
  return fromEvent(site.appendEvent(core::toString(action), row.recordId, data.str(), who.who().id));
}

core::Result<store::CheckinRow> load(Site& site, const std::string& recordId) {
  auto row = store::getCheckin(site.db(), recordId);
  if (!row.ok()) return row.error();
  if (!row.value()) return core::notFound("There is no check-in " + recordId + ".");
  return *row.value();
}

}  // namespace

core::Status applyCheckinAction(Site& site, const StaffSession& who, const std::string& recordId,
                                core::CheckinAction action, const ActionArgs& args) {
  return site.db().transaction([&]() -> core::Status {
    auto row = load(site, recordId);
    if (!row.ok()) return row.error();
    auto next = core::applyAction(row->state, action);
    if (!next.ok()) return next.error();
    return writeAction(site, who, row.value(), action, next.value(), args);
  });
}

core::Result<std::optional<std::string>> callNext(Site& site, const StaffSession& who,
                                                  const std::string& queueId,
                                                  const std::optional<std::string>& clinician,
                                                  const std::string& room) {
  const core::Instant now = site.clock().now();
  auto st = site.db().prepare(
      "SELECT c.record_id FROM checkins c LEFT JOIN appointments a ON a.id = c.appointment_id "
      "WHERE c.local_day = ?1 AND c.queue_id = ?2 AND c.state = 'waiting' "
      "AND (?5 = 0 OR (?5 = 1 AND a.id IS NULL) OR (?5 = 2 AND a.clinician = ?3)) "
      "ORDER BY (c.priority = 'urgent') DESC, coalesce(a.start_local, c.arrived_ms / 60000 + ?4), c.seq "
      "LIMIT 1");
  if (!st.ok()) return st.error();
  st->bind(1, now.localDay()).bind(2, queueId).bind(3, clinician.value_or("")).bind(4, now.utcOffsetMinutes);
  st->bind(5, static_cast<int64_t>(!clinician ? 0 : clinician->empty() ? 1 : 2));
  auto row = st->step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<std::string>();
  const std::string id = st->columnText(0);
  st->reset();
  if (auto s = applyCheckinAction(site, who, id, core::CheckinAction::kCall,
                                  {room, "", "", clinician.value_or("")});
      !s.ok())
    return s.error();
  return std::optional<std::string>(id);
}

core::Status editDetails(Site& site, const StaffSession& who, const std::string& recordId,
                         const core::PatientDetails& details) {
  if (auto s = core::validateDetails(details); !s.ok()) return s;
  const std::string sealed = site.seal(core::serializeDetails(details));
  const std::string dupKey = site.matchHash(duplicateKeyText(details.dateOfBirth, details.surname));
  return site.db().transaction([&]() -> core::Status {
    auto row = load(site, recordId);
    if (!row.ok()) return row.error();
    auto st = site.db().prepare("UPDATE checkins SET sealed = ?, dup_key = ? WHERE record_id = ?");
    if (!st.ok()) return st.error();
    st->bindBlob(1, sealed).bindBlob(2, dupKey).bind(3, recordId);
    if (auto s = st->run(); !s.ok()) return s;
    const auto h = crypto::sha256(sealed);
    store::JsonObject data;
    data.add("ticket", row->ticket).add("sealed_sha256", crypto::toHex(std::string(h.begin(), h.end())));
    return fromEvent(site.appendEvent("edit", recordId, data.str(), who.who().id));
  });
}

core::Status mergeCheckins(Site& site, const StaffSession& who, const std::string& keepId,
                           const std::string& duplicateId) {
  if (keepId == duplicateId) return core::invalidInput("A check-in cannot be merged into itself.");
  return site.db().transaction([&]() -> core::Status {
    auto keep = load(site, keepId);
    if (!keep.ok()) return keep.error();
    auto dup = load(site, duplicateId);
    if (!dup.ok()) return dup.error();
    using S = core::CheckinState;
    if (dup->state == S::kCancelled)
      return core::conflict("Check-in " + duplicateId + " is already cancelled.");
    // Only a check-in whose visit has not happened is folded away: a called or seen one is the record
    // of a consultation, which re-entry must carry as it was.
    if (dup->state != S::kWaiting && dup->state != S::kParked) {
      const std::string what = dup->state == S::kNoShow ? "marked as a no-show"
                               : dup->state == S::kLeft
                                   ? "marked as left"
                                   : std::string(core::toString(dup->state));  // "called", "seen"
      return core::conflict("Ticket " + dup->ticket + " has already been " + what + ", so keep it: open " +
                            dup->ticket + " and merge " + keep->ticket + " into it.");
    }
    if (keep->state == S::kCancelled)
      return core::conflict("Ticket " + keep->ticket + " is cancelled; merge into the check-in that stays.");
    if (auto s = store::updateCheckinState(site.db(), duplicateId, S::kCancelled, site.clock().now().unixMs);
        !s.ok())
      return s;
    store::JsonObject data;
    data.add("into", keepId).add("ticket", dup->ticket).add("kept_ticket", keep->ticket);
    return fromEvent(site.appendEvent("merge", duplicateId, data.str(), who.who().id));
  });
}

core::Result<std::string> addAtDesk(Site& site, const StaffSession& who,
                                    const std::optional<std::string>& appointmentId,
                                    const std::optional<WalkInRequest>& walkIn, bool urgent) {
  NewCheckin c;
  c.urgent = urgent;
  c.staffId = who.who().id;
  if (appointmentId) {
    auto appt = store::getAppointment(site.db(), *appointmentId);
    if (!appt.ok()) return appt.error();
    if (!appt.value())
      return core::notFound("There is no appointment " + *appointmentId + " in today's list.");
    c.queueId = appt.value()->queueId;
    c.appointmentId = appointmentId;
  } else if (walkIn) {
    c.queueId = walkIn->queueId.empty() ? site.info().walkInQueueId : walkIn->queueId;
    c.walkIn = walkIn->patient;
  } else {
    return core::invalidInput("Add either an appointment or a walk-in.");
  }
  auto r = commitCheckin(site, c);
  if (!r.ok()) return r.error();
  return r->recordId;
}

core::Status acknowledgeAlert(Site& site, const StaffSession& who, const std::string& recordId) {
  return site.db().transaction([&]() -> core::Status {
    auto row = load(site, recordId);
    if (!row.ok()) return row.error();
    store::JsonObject data;
    data.add("ticket", row->ticket);
    return fromEvent(site.appendEvent("urgent-ack", recordId, data.str(), who.who().id));
  });
}

}  // namespace longstop::service
