// What reception does to check-ins: call, recall, seen, no-show, left, park, unpark, transfer, cancel,
// edit details, merge duplicates, add at the desk. Each is one transaction: the projection changes and
// an event carrying the staff member's ID is appended.
#pragma once

#include <optional>
#include <string>

#include "core/checkin_state.h"
#include "core/patient.h"
#include "core/result.h"
#include "service/kiosk_services.h"
#include "service/site.h"
#include "service/staff.h"

namespace longstop::service {

struct ActionArgs {
  std::string room;         // for call / recall: where to send the patient (default: the clinician's room)
  std::string targetQueue;  // for transfer
  std::string reason;       // for cancel (required), e.g. "booked in error"
  std::string clinician;    // for call / recall: who calls (default: the appointment's clinician)
};

/// Applies `action` to the check-in if the state machine allows it; refuses with its reason otherwise.
core::Status applyCheckinAction(Site& site, const StaffSession& who, const std::string& recordId,
                                core::CheckinAction action, const ActionArgs& args = {});

/// Calls the next waiting patient of today in a queue: anyone in it (no `clinician`), one clinician's
/// (their appointments only) or, with `clinician` "", those without an appointment. Urgent first, then
/// appointment time among those who have arrived (a walk-in's time is its arrival), then arrival. The call
/// records the clinician and the room (`room`, or the clinician's room: call_points.h). Empty when nobody
/// waits.
core::Result<std::optional<std::string>> callNext(Site& site, const StaffSession& who,
                                                  const std::string& queueId,
                                                  const std::optional<std::string>& clinician = std::nullopt,
                                                  const std::string& room = {});

/// Replaces a check-in's patient details (sealed again); the old sealed bytes stay referenced by hash.
core::Status editDetails(Site& site, const StaffSession& who, const std::string& recordId,
                         const core::PatientDetails& details);

/// Folds `duplicateId` into `keepId`: the duplicate is cancelled with a 'merge' event pointing at the
/// kept record; both histories stay in the event log. Only a waiting or parked duplicate is folded (a
/// called or seen one records a visit: keep that one instead), and never into a cancelled check-in.
core::Status mergeCheckins(Site& site, const StaffSession& who, const std::string& keepId,
                           const std::string& duplicateId);

/// A patient added at the desk: an appointment (by ID) or a walk-in.
core::Result<std::string> addAtDesk(Site& site, const StaffSession& who,
                                    const std::optional<std::string>& appointmentId,
                                    const std::optional<WalkInRequest>& walkIn, bool urgent);

/// Marks an urgent alert as seen by reception.
core::Status acknowledgeAlert(Site& site, const StaffSession& who, const std::string& recordId);

}  // namespace longstop::service
