#include "service/checkin.h"

#include <algorithm>
#include <cctype>

#include "core/checkin_state.h"
#include "core/ids.h"
#include "core/queue.h"
#include "core/ticket_block.h"
#include "crypto/primitives.h"
#include "store/appointments.h"
#include "store/checkins.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace {

core::Status checkAppointmentFree(Site& site, const std::string& appointmentId) {
  auto appt = store::getAppointment(site.db(), appointmentId);
  if (!appt.ok()) return appt.error();
  if (!appt.value()) return core::notFound("There is no appointment " + appointmentId + " in today's list.");
  auto existing = store::checkinForAppointment(site.db(), appointmentId);
  if (!existing.ok()) return existing.error();
  if (existing.value() && existing.value()->state != core::CheckinState::kCancelled)
    return core::conflict("Appointment " + appointmentId + " is already checked in as ticket " +
                          existing.value()->ticket + ".");
  return core::okStatus();
}

// This device's ticket block for `day` (core/ticket_block.h): the newest block once its day has come,
// the one before until then; a site of one device has none (slot 0 of 1).
core::Result<core::TicketBlock> ticketBlockFor(store::Database& db, int64_t day) {
  for (const char* key : {"ticket_block", "ticket_block_before"}) {
    auto v = store::getMeta(db, key);
    if (!v.ok()) return v.error();
    if (!v.value()) continue;
    auto b = core::parseTicketBlock(*v.value());
    if (!b) return core::corrupt("The ticket block in the settings is damaged.");
    if (b->fromDay <= day) return *b;
  }
  return core::TicketBlock{};
}

core::Status writeCheckin(Site& site, const NewCheckin& c, const core::QueueDef& queue,
                          CommittedCheckin& out) {
  store::Database& db = site.db();
  const core::Instant now = site.clock().now();
  auto seq = store::nextCounter(db, "record");
  if (!seq.ok()) return seq.error();
  auto number = store::nextCounter(db, "ticket:" + queue.id + ":" + std::to_string(now.localDay()));
  if (!number.ok()) return number.error();
  auto block = ticketBlockFor(db, now.localDay());
  if (!block.ok()) return block.error();

  store::CheckinRow row;
  row.recordId = core::formatRecordId(site.info().deviceId, seq.value());
  row.seq = seq.value();
  row.localDay = now.localDay();
  row.ticket =
      core::formatTicket(queue.prefix, static_cast<int>(core::ticketNumber(number.value(), block.value())));
  row.queueId = queue.id;
  row.state = core::CheckinState::kWaiting;
  row.priority = c.urgent ? core::Priority::kUrgent : core::Priority::kNormal;
  row.appointmentId = c.appointmentId;
  row.arrivedMs = row.stateMs = now.unixMs;
  row.clockConfirmed = site.clockConfirmedToday();
  if (c.walkIn) {
    row.sealed = site.seal(core::serializeDetails(*c.walkIn));
    row.dupKey = site.matchHash(duplicateKeyText(c.walkIn->dateOfBirth, c.walkIn->surname));
  } else if (c.appointmentId) {
    auto appt = store::getAppointment(db, *c.appointmentId);
    if (appt.ok() && appt.value()) row.dupKey = appt.value()->dupKey;
  }
  if (auto s = store::insertCheckin(db, row); !s.ok()) return s;

  store::JsonObject data;
  data.add("ticket", row.ticket).add("queue", row.queueId).add("priority", core::toString(row.priority));
  if (row.appointmentId) data.add("appointment", *row.appointmentId);
  if (row.sealed) {
    const auto h = crypto::sha256(*row.sealed);
    data.add("sealed_sha256",
             crypto::toHex(std::string_view(reinterpret_cast<const char*>(h.data()), h.size())));
  }
  data.addBool("clock_confirmed", row.clockConfirmed);
  if (auto e = site.appendEvent("checkin", row.recordId, data.str(), c.staffId); !e.ok()) return e.error();
  if (c.urgent) {
    store::JsonObject alert;
    alert.add("ticket", row.ticket).add("reason", "safety question answered yes");
    if (auto e = site.appendEvent("urgent-alert", row.recordId, alert.str(), c.staffId); !e.ok())
      return e.error();
  }
  out = {row.recordId, row.ticket, row.seq};
  return core::okStatus();
}

}  // namespace

std::string duplicateKeyText(const core::Date& dob, std::string_view surname) {
  std::string s;
  for (unsigned char ch : surname)
    if (!std::isspace(ch) && ch != '\'' && ch != '-') s += static_cast<char>(std::tolower(ch));
  return "dup1|" + dob.iso() + "|" + s;
}

core::Result<CommittedCheckin> commitCheckin(Site& site, const NewCheckin& c) {
  if (auto s = site.requireUnlocked(); !s.ok()) return s.error();
  const core::QueueDef* queue = site.info().queue(c.queueId);
  if (queue == nullptr)
    return core::invalidInput("There is no queue called '" + c.queueId + "' at this site.");
  if (c.appointmentId.has_value() == c.walkIn.has_value())
    return core::invalidInput("A check-in is either for an appointment or a walk-in.");
  if (c.walkIn) {
    if (auto s = core::validateDetails(*c.walkIn); !s.ok()) return s.error();
  }
  CommittedCheckin out;
  auto s = site.db().transaction([&]() -> core::Status {
    if (c.appointmentId) {
      if (auto free = checkAppointmentFree(site, *c.appointmentId); !free.ok()) return free;
    }
    return writeCheckin(site, c, *queue, out);
  });
  if (!s.ok()) return s.error();
  return out;
}

}  // namespace longstop::service
