// Writing a check-in: one transaction holding the projection row and its events, committed before
// anyone is shown a ticket.
#pragma once

#include <optional>
#include <string>

#include "core/patient.h"
#include "core/result.h"
#include "service/site.h"

namespace longstop::service {

struct NewCheckin {
  std::string queueId;
  std::optional<std::string> appointmentId;    // for an appointment check-in
  std::optional<core::PatientDetails> walkIn;  // for a walk-in (sealed before it is stored)
  bool urgent = false;                         // the safety question was answered "yes"
  std::string staffId;                         // empty when the patient checked in themselves
};

struct CommittedCheckin {
  std::string recordId;
  std::string ticketNumber;
  int64_t seq = 0;
};

/// Validates, seals and commits. On any failure nothing is written.
core::Result<CommittedCheckin> commitCheckin(Site& site, const NewCheckin& c);

/// The dup key text for (dob, surname): same person checked in twice today shares it.
std::string duplicateKeyText(const core::Date& dob, std::string_view surname);

}  // namespace longstop::service
