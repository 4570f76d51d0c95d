// The day's appointment list that the practice loads from before the outage: one CSV file.
//   appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/patient.h"
#include "core/result.h"

namespace longstop::core {

struct AppointmentRecord {
  int line = 0;
  std::string id;                 // as the practice's system wrote it, e.g. "A1001"
  int64_t startLocalMinutes = 0;  // local wall-clock minutes since the epoch
  std::string clinician;
  std::string service;
  PatientDetails patient;
};

/// Longest accepted appointment fields, in bytes (names and postcode: see patient.h). An appointment ID
/// must fit in an LSA1 code; a clinician or service is shown on the console and printed on tickets.
inline constexpr size_t kMaxAppointmentIdBytes = 64;
inline constexpr size_t kMaxClinicianBytes = 100;
inline constexpr size_t kMaxServiceBytes = 100;

/// Parses the whole file or nothing: any bad row (unknown or missing column, invalid NHS number,
/// impossible date, bad sex code, duplicate appointment_id, empty surname, a field longer than its
/// limit) is an error "line N: <reason>". Columns may come in any order; all ten must be present once.
/// `today` is used for the date-of-birth checks.
Result<std::vector<AppointmentRecord>> parseAppointmentCsv(std::string_view text, Date today);

}  // namespace longstop::core
