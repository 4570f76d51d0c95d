#include "exporter/records.h"

#include <algorithm>

namespace longstop::exporter {

RecordSummary summarise(const std::vector<BatchRecord>& records) {
  RecordSummary s;
  s.count = static_cast<int64_t>(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    const BatchRecord& r = records[i];
    s.firstArrivalMs = i == 0 ? r.arrivedMs : std::min(s.firstArrivalMs, r.arrivedMs);
    s.lastArrivalMs = i == 0 ? r.arrivedMs : std::max(s.lastArrivalMs, r.arrivedMs);
    s.allClocksConfirmed = s.allClocksConfirmed && r.clockConfirmed;
  }
  return s;
}

std::string checkinSystem(const BatchContext& c) {
  return "urn:longstop:" + c.odsCode + ":" + c.deviceId + ":checkin";
}
std::string patientSystem(const BatchContext& c) {
  return "urn:longstop:" + c.odsCode + ":" + c.deviceId + ":patient";
}
std::string appointmentSystem(const BatchContext& c) {
  return "urn:longstop:" + c.odsCode + ":appointment";
}
std::string batchSystem(const BatchContext& c) {
  return "urn:longstop:" + c.odsCode + ":" + c.deviceId + ":batch";
}

}  // namespace longstop::exporter

#include <cstdio>

#include "core/clock.h"
#include "core/date.h"

namespace longstop::exporter {

std::string fhirLocalMinutes(int64_t localMinutes, int32_t off) {
  const int64_t day = core::Instant::floorDiv(localMinutes, 1440);
  const core::Date d = core::civilFromDays(day);
  const int64_t m = localMinutes - day * 1440;
  const int a = off < 0 ? -off : off;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00%c%02d:%02d", d.year, d.month, d.day,
                static_cast<int>(m / 60), static_cast<int>(m % 60), off < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

std::string fhirDateTime(int64_t unixMs, int32_t off) {
  const core::Instant at{unixMs, off};
  std::string s = fhirLocalMinutes(at.localMinutes(), off);
  const int64_t sec = core::Instant::floorDiv(unixMs, 1000) - core::Instant::floorDiv(unixMs, 60000) * 60;
  s[17] = static_cast<char>('0' + sec / 10);
  s[18] = static_cast<char>('0' + sec % 10);
  return s;
}

std::string localDateTime(int64_t unixMs, int32_t off) {
  std::string s = core::formatLocalDateTime(core::Instant{unixMs, off}.localMinutes());
  if (s.size() > 10 && s[10] == 'T') s[10] = ' ';
  return s;
}

}  // namespace longstop::exporter
