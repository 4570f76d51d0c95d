// A demo site: made-up patients (NHS numbers in the never-issued 999 range) around the clock's now.
#include <string>

#include "core/date.h"
#include "service/import.h"
#include "service/kiosk.h"

namespace longstop::service {
namespace {

struct DemoRow {
  const char* id;
  int minutesFromNow;
  const char* clinician;
  const char* service;
  const char* nhs;
  const char* surname;
  const char* forenames;
  const char* dob;
  const char* sex;
};

// D004 and D005 share date of birth, initial and sex on purpose: the arrival screen must send them
// to reception rather than guess.
constexpr DemoRow kRows[] = {
    {"D001", 10, "Dr Patel", "GP", "999 000 0018", "Smith", "Ann", "1984-03-07", "F"},
    {"D002", 30, "Nurse Jones", "Nurse", "999 000 0026", "Khan", "Imran", "1951-11-23", "M"},
    {"D003", 40, "Dr Patel", "GP", "", "Kowalski", "Łukasz", "1990-06-15", "M"},
    {"D004", 20, "Dr Okafor", "GP", "", "Brown", "Mary", "1948-01-02", "F"},
    {"D005", 50, "Dr Patel", "GP", "", "Bell", "Margaret", "1948-01-02", "F"},
    {"D006", 60, "Dr Okafor", "GP", "999 000 0034", "O'Brien", "Zoë", "2001-09-30", "F"},
    {"D007", 90, "Nurse Jones", "Nurse", "999 000 0042", "Evans", "Rhys", "1975-05-19", "M"},
    {"D008", 120, "Dr Patel", "GP", "999 000 0050", "Popescu", "Ana", "1988-12-01", "F"},
    {"D009", 150, "Dr Okafor", "GP", "", "Silva", "João", "1963-07-04", "M"},
    {"D010", 180, "Nurse Jones", "Nurse", "999 000 0069", "García", "Lucía", "1995-02-14", "F"},
    {"D011", 210, "Dr Patel", "GP", "999 000 0077", "Rossi", "Giulia", "1979-10-10", "F"},
    {"D012", 240, "Dr Okafor", "GP", "999 000 0085", "Dubois", "Élodie", "2015-04-22", "F"},
};

std::string demoCsv(const core::Clock& clock) {
  const int64_t base = clock.now().localMinutes();
  std::string csv =
      "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\n";
  for (const DemoRow& r : kRows) {
    csv += std::string(r.id) + "," + core::formatLocalDateTime(base + r.minutesFromNow) + "," + r.clinician +
           "," + r.service + "," + r.nhs + ",\"" + r.surname + "\"," + r.forenames + "," + r.dob + "," +
           r.sex + ",\n";
  }
  return csv;
}

}  // namespace

core::Result<std::string> createDemoSite(const std::filesystem::path& dataDir, const core::Clock& clock) {
  auto init = Site::create(dataDir, {"DEMO1", "Riverside Medical Practice (demo)", {}}, clock);
  if (!init.ok()) return init.error();
  auto site = Site::open(dataDir, clock);
  if (!site.ok()) return site.error();
  auto imported = importAppointments(*site.value(), demoCsv(clock));
  if (!imported.ok()) return imported.error();
  return init->recoveryCode;
}

}  // namespace longstop::service
