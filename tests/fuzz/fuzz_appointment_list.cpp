// Fuzzes parseAppointmentCsv: it returns all rows or a "line N:" error, and what it accepts is sound
// (within the field limits).
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

#include "core/appointment_list.h"

using namespace longstop::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Date today{2026, 11, 29};
  Result<std::vector<AppointmentRecord>> list = parseAppointmentCsv(text, today);
  if (!list) {
    if (!list.error().message.starts_with("line ")) std::abort();
    return 0;
  }
  std::set<std::string> ids;
  int lastLine = 1;
  for (const AppointmentRecord& r : *list) {
    if (r.id.empty() || !ids.insert(r.id).second) std::abort();
    if (r.line <= lastLine) std::abort();
    lastLine = r.line;
    if (!validateDetails(r.patient)) std::abort();
    if (r.id.size() > kMaxAppointmentIdBytes || r.clinician.size() > kMaxClinicianBytes ||
        r.service.size() > kMaxServiceBytes)
      std::abort();
    if (r.patient.dateOfBirth > today || ageOn(r.patient.dateOfBirth, today) > 120) std::abort();
    if (r.patient.nhsNumberTraced) std::abort();
    if (r.patient.nhsNumber && !parseNhsNumber(r.patient.nhsNumber->digits)) std::abort();
    Result<PatientDetails> back = parseDetails(serializeDetails(r.patient));
    if (!back || !(*back == r.patient)) std::abort();
    Result<int64_t> start = parseLocalDateTime(formatLocalDateTime(r.startLocalMinutes));
    if (!start || *start != r.startLocalMinutes) std::abort();
  }
  return 0;
}
