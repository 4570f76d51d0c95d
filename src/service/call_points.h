// Calling by clinician: who is working today in each queue (from the day's appointments), the room each
// one calls to, and the appointments not yet arrived that reception can check in at the desk.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "service/site.h"
#include "service/staff.h"

namespace longstop::service {

/// One "Call next" button: a clinician's patients in a queue, or (clinician empty) the queue's patients
/// without a clinician (walk-ins, a queue with no appointments).
struct CallPointRow {
  std::string queueId;
  std::string clinician;
  std::string room;  // where a call sends the patient now
  int waiting = 0;   // waiting today for this clinician (or without one)
};

/// Every clinician with an appointment today, per queue in the site's order, then one row per queue
/// for those without a clinician. A queue with no appointments today has only that row.
core::Result<std::vector<CallPointRow>> callPoints(Site& site);

/// The room a clinician calls to: the one staff last set for them today, else the room of their last
/// call today, else the queue's room.
core::Result<std::string> clinicianRoom(Site& site, const std::string& queueId, const std::string& clinician);

/// Records that `clinician` calls to `room` from now on today (an event with the staff member's ID).
core::Status setClinicianRoom(Site& site, const StaffSession& who, const std::string& clinician,
                              const std::string& room);

/// An appointment of today's list with no check-in yet (or only a cancelled one).
struct DueAppointmentRow {
  std::string id;
  int64_t startLocal = 0;  // local minutes since the epoch
  std::string clinician;
  std::string queueId;
  std::string initial;  // the first letter of the surname (opened with the session's key); empty if purged
};

/// Today's appointments not yet arrived, by start time.
core::Result<std::vector<DueAppointmentRow>> appointmentsDue(Site& site, const StaffSession& who);

}  // namespace longstop::service
