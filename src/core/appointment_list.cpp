// Loading the day's appointment list: all rows or none, every error naming its line in the file.
#include "core/appointment_list.h"

#include <array>
#include <map>

#include "core/csv.h"

namespace longstop::core {
namespace {

enum Column : size_t { kId, kStart, kClinician, kService, kNhs, kSurname, kForenames, kDob, kSex, kPostcode };
constexpr std::array<std::string_view, 10> kColumns = {
    "appointment_id", "start",     "clinician",     "service", "nhs_number",
    "surname",        "forenames", "date_of_birth", "sex",     "postcode"};
// The longest value each column may hold, checked before anything is parsed, so that a 10 MB field is
// refused by its name rather than by whatever a parser makes of it. Dates, NHS numbers and sex codes
// have room for spaces and the longest forms their parsers accept.
constexpr std::array<size_t, kColumns.size()> kMaxBytes = {
    kMaxAppointmentIdBytes,  // appointment_id
    32,                      // start
    kMaxClinicianBytes,      // clinician
    kMaxServiceBytes,        // service
    32,                      // nhs_number
    kMaxNameBytes,           // surname
    kMaxNameBytes,           // forenames
    32,                      // date_of_birth
    16,                      // sex
    kMaxPostcodeBytes,       // postcode
};

std::string_view trimmed(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "The NHS number ..." reads better as "line 4: the NHS number ...": lower-case a leading capital
// unless it starts an abbreviation.
std::string lineError(int line, std::string_view message) {
  std::string m(message);
  if (m.size() > 1 && m[0] >= 'A' && m[0] <= 'Z' && !(m[1] >= 'A' && m[1] <= 'Z'))
    m[0] = lowerAscii(m.substr(0, 1))[0];
  return "line " + std::to_string(line) + ": " + m;
}

// A column name short and printable enough to show in a message.
std::string shownName(std::string_view name) {
  if (name.size() > 40) return "\"" + std::string(name.substr(0, 40)) + "...\"";
  return "\"" + std::string(name) + "\"";
}

// For each of kColumns, where it is in the header row.
Result<std::array<size_t, kColumns.size()>> mapHeader(const CsvRow& header) {
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = lowerAscii(trimmed(header.fields[i]));
    bool known = false;
    for (std::string_view c : kColumns) known = known || c == name;
    if (!known) {
      return invalidInput(
          lineError(header.line, "unknown column " + shownName(header.fields[i]) + " in the header row"));
    }
    if (!seen.emplace(name, i).second) {
      return invalidInput(lineError(header.line, "the column " + shownName(name) + " appears twice"));
    }
  }
  std::array<size_t, kColumns.size()> where{};
  for (size_t c = 0; c < kColumns.size(); ++c) {
    auto it = seen.find(std::string(kColumns[c]));
    if (it == seen.end()) {
      return invalidInput(lineError(header.line, "the column " + shownName(kColumns[c]) + " is missing"));
    }
    where[c] = it->second;
  }
  return where;
}

// The patient part of one row.
Result<PatientDetails> readPatient(const std::array<std::string_view, kColumns.size()>& f, Date today) {
  PatientDetails p;
  p.surname = std::string(f[kSurname]);
  p.forenames = std::string(f[kForenames]);
  p.postcode = std::string(f[kPostcode]);
  if (Status valid = validateDetails(p); !valid) return valid.error();
  if (f[kDob].empty()) return invalidInput("The date of birth is empty");
  Result<Date> dob = parseDateOfBirth(f[kDob], today);
  if (!dob) return dob.error();
  p.dateOfBirth = *dob;
  Result<Sex> sex = parseSex(f[kSex]);
  if (!sex) return sex.error();
  p.sex = *sex;
  if (!f[kNhs].empty()) {
    Result<NhsNumber> nhs = parseNhsNumber(f[kNhs]);
    if (!nhs) return nhs.error();
    p.nhsNumber = *nhs;
  }
  p.nhsNumberTraced = false;  // imported, not verified against the national index here
  return p;
}

Result<AppointmentRecord> readRecord(const CsvRow& row, const std::array<size_t, kColumns.size()>& where,
                                     Date today) {
  std::array<std::string_view, kColumns.size()> f;
  for (size_t c = 0; c < kColumns.size(); ++c) {
    f[c] = trimmed(row.fields[where[c]]);
    if (f[c].size() > kMaxBytes[c]) {
      return invalidInput("The " + std::string(kColumns[c]) + " field is too long (" +
                          std::to_string(f[c].size()) + " bytes; at most " + std::to_string(kMaxBytes[c]) +
                          ")");
    }
  }
  AppointmentRecord r;
  r.line = row.line;
  if (f[kId].empty()) return invalidInput("The appointment_id is empty");
  r.id = std::string(f[kId]);
  if (f[kStart].empty()) return invalidInput("The start time is empty");
  Result<int64_t> start = parseLocalDateTime(f[kStart]);
  if (!start) return start.error();
  r.startLocalMinutes = *start;
  r.clinician = std::string(f[kClinician]);
  r.service = std::string(f[kService]);
  Result<PatientDetails> patient = readPatient(f, today);
  if (!patient) return patient.error();
  r.patient = std::move(*patient);
  return r;
}

}  // namespace

Result<std::vector<AppointmentRecord>> parseAppointmentCsv(std::string_view text, Date today) {
  Result<std::vector<CsvRow>> rows = parseCsv(text);
  if (!rows) return rows.error();
  if (rows->empty()) return invalidInput("line 1: the file is empty; the first line must be the header row");
  auto where = mapHeader(rows->front());
  if (!where) return where.error();
  std::vector<AppointmentRecord> records;
  std::map<std::string, int> firstLineOfId;
  for (size_t i = 1; i < rows->size(); ++i) {
    const CsvRow& row = (*rows)[i];
    if (row.fields.size() != kColumns.size()) {
      return invalidInput(lineError(row.line, "this row has " + std::to_string(row.fields.size()) +
                                                  " fields but the header has " +
                                                  std::to_string(kColumns.size())));
    }
    Result<AppointmentRecord> record = readRecord(row, *where, today);
    if (!record) return Error{record.error().code, lineError(row.line, record.error().message)};
    auto [it, added] = firstLineOfId.emplace(record->id, row.line);
    if (!added) {
      return conflict(lineError(row.line, "the appointment_id " + shownName(record->id) +
                                              " was already used on line " + std::to_string(it->second)));
    }
    records.push_back(std::move(*record));
  }
  return records;
}

}  // namespace longstop::core
