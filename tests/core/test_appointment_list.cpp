// Loading the appointment list: good files, every kind of bad row and the line it is reported on.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/appointment_list.h"

using namespace longstop::core;

namespace {

const Date kToday{2026, 11, 29};
const std::string kHeader =
    "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\n";
const std::string kGoodRow =
    "A1001,2026-11-29T09:10,Dr Patel,GP,943 476 5919,Smith,Ann,1984-03-07,F,LS1 4AP\n";

// A data row with one column replaced, the others taken from kGoodRow.
std::string rowWith(const std::string& column, const std::string& value) {
  const std::vector<std::string> names = {
      "appointment_id", "start",     "clinician",     "service", "nhs_number",
      "surname",        "forenames", "date_of_birth", "sex",     "postcode"};
  std::vector<std::string> values = {"A2002", "2026-11-29T09:20", "Dr Patel", "GP", "", "Jones",
                                     "Bob",   "1970-01-01",       "M",        ""};
  std::string row;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) row += ',';
    row += names[i] == column ? value : values[i];
  }
  return row + "\n";
}

std::string errorOf(const std::string& text) {
  Result<std::vector<AppointmentRecord>> r = parseAppointmentCsv(text, kToday);
  REQUIRE_FALSE(r.ok());
  return r.error().message;
}

}  // namespace

TEST_CASE("the example file loads") {
  Result<std::vector<AppointmentRecord>> r = parseAppointmentCsv(kHeader + kGoodRow, kToday);
  REQUIRE(r.ok());
  REQUIRE(r->size() == 1);
  const AppointmentRecord& a = r->front();
  CHECK(a.line == 2);
  CHECK(a.id == "A1001");
  CHECK(a.startLocalMinutes == daysFromCivil({2026, 11, 29}) * 1440 + 9 * 60 + 10);
  CHECK(a.clinician == "Dr Patel");
  CHECK(a.service == "GP");
  CHECK(a.patient.surname == "Smith");
  CHECK(a.patient.forenames == "Ann");
  CHECK(a.patient.dateOfBirth == Date{1984, 3, 7});
  CHECK(a.patient.sex == Sex::kFemale);
  REQUIRE(a.patient.nhsNumber.has_value());
  CHECK(a.patient.nhsNumber->digits == "9434765919");
  CHECK_FALSE(a.patient.nhsNumberTraced);
  CHECK(a.patient.postcode == "LS1 4AP");
}

TEST_CASE("columns may come in any order") {
  const std::string text =
      "sex,postcode,surname,forenames,date_of_birth,nhs_number,service,clinician,start,appointment_id\n"
      "M,,Jones,Bob,07/03/1984,,Nurse,Nurse Kay,2026-11-29T10:00,B7\n";
  Result<std::vector<AppointmentRecord>> r = parseAppointmentCsv(text, kToday);
  REQUIRE(r.ok());
  REQUIRE(r->size() == 1);
  CHECK(r->front().id == "B7");
  CHECK(r->front().patient.surname == "Jones");
  CHECK(r->front().patient.sex == Sex::kMale);
  CHECK(r->front().patient.dateOfBirth == Date{1984, 3, 7});
  CHECK(r->front().clinician == "Nurse Kay");
  CHECK_FALSE(r->front().patient.nhsNumber.has_value());
  CHECK(r->front().patient.postcode.empty());
}

TEST_CASE("UTF-8 names, quoting, BOM and CRLF") {
  const std::string text =
      "\xEF\xBB\xBF" +
      std::string(
          "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\r\n"
          "A1,2026-11-29T09:00,\"Patel, Dr\",GP,,O'Brien,Zoë,1984-03-07,F,\r\n"
          "A2,2026-11-29T09:10,Dr Nowak,GP,,Łukasz,\"Anna \"\"Ania\"\"\",2001-12-31,U,\r\n"
          "A3,2026-11-29T09:20,Dr Nowak,GP,,Ó Briain,Siobhán,1950-06-15,f,\r\n");
  Result<std::vector<AppointmentRecord>> r = parseAppointmentCsv(text, kToday);
  REQUIRE(r.ok());
  REQUIRE(r->size() == 3);
  CHECK(r->at(0).clinician == "Patel, Dr");
  CHECK(r->at(0).patient.surname == "O'Brien");
  CHECK(r->at(0).patient.forenames == "Zoë");
  CHECK(r->at(1).patient.surname == "Łukasz");
  CHECK(r->at(1).patient.forenames == "Anna \"Ania\"");
  CHECK(r->at(1).patient.sex == Sex::kUnknown);
  CHECK(r->at(2).patient.surname == "Ó Briain");
  CHECK(r->at(2).patient.sex == Sex::kFemale);
  CHECK(r->at(2).line == 4);
  // The names survive the sealed text form unchanged.
  for (const AppointmentRecord& a : *r) CHECK(*parseDetails(serializeDetails(a.patient)) == a.patient);
}

TEST_CASE("a header alone is an empty list; no header at all is an error") {
  Result<std::vector<AppointmentRecord>> r = parseAppointmentCsv(kHeader, kToday);
  REQUIRE(r.ok());
  CHECK(r->empty());
  CHECK_THAT(errorOf(""), Catch::StartsWith("line 1: the file is empty"));
  CHECK_THAT(errorOf("\n\n"), Catch::StartsWith("line 1: the file is empty"));
}

TEST_CASE("header problems are reported on the header line") {
  CHECK_THAT(errorOf("appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,"
                     "postcode,room\n"),
             Catch::StartsWith("line 1: unknown column \"room\""));
  CHECK_THAT(
      errorOf("appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex\n"),
      Catch::StartsWith("line 1: the column \"postcode\" is missing"));
  CHECK_THAT(errorOf("appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,"
                     "postcode,sex\n"),
             Catch::StartsWith("line 1: the column \"sex\" appears twice"));
  CHECK_THAT(
      errorOf("\n\nappointment_id,start,clinician,service,nhs_number,surname,forenames,dob,sex,postcode\n"),
      Catch::StartsWith("line 3: unknown column \"dob\""));
}

TEST_CASE("each bad row aborts the whole file with its line number") {
  struct Case {
    std::string row;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {rowWith("nhs_number", "943 476 5918"),
       "the NHS number 943 476 5918 is not valid (check digit is wrong)"},
      {rowWith("nhs_number", "1000000010"), "is not valid"},
      {rowWith("nhs_number", "94347659"), "too short"},
      {rowWith("nhs_number", "943-476-5919"), "only contain digits"},
      {rowWith("date_of_birth", "2023-02-29"), "not a real date"},
      {rowWith("date_of_birth", "31/04/2000"), "not a real date"},
      {rowWith("date_of_birth", "2027-01-01"), "in the future"},
      {rowWith("date_of_birth", "1890-01-01"), "over 120"},
      {rowWith("date_of_birth", "1984"), "not a date"},
      {rowWith("date_of_birth", ""), "date of birth is empty"},
      {rowWith("sex", "X"), "F, M or U"},
      {rowWith("sex", ""), "F, M or U"},
      {rowWith("appointment_id", ""), "appointment_id is empty"},
      {rowWith("surname", ""), "surname is empty"},
      {rowWith("start", ""), "start time is empty"},
      {rowWith("start", "2026-11-29 09:20"), "not a date and time"},
      {rowWith("start", "2026-11-29T25:00"), "not a real time"},
      {rowWith("forenames", "\"Bob\tBy\""), "control character"},
      {"A2002,2026-11-29T09:20,Dr Patel,GP,,Jones,Bob,1970-01-01,M\n", "has 9 fields but the header has 10"},
      {"A2002,2026-11-29T09:20,Dr Patel,GP,,Jones,Bob,1970-01-01,M,,\n", "has 11 fields"},
  };
  for (const Case& c : cases) {
    // The bad row is the third data row, on line 4, after two good rows; one good row follows it.
    const std::string text =
        kHeader + kGoodRow + rowWith("appointment_id", "A3") + c.row + rowWith("appointment_id", "A5");
    INFO(c.row);
    const std::string message = errorOf(text);
    CHECK_THAT(message, Catch::StartsWith("line 4: "));
    CHECK_THAT(message, Catch::Contains(c.reason));
  }
}

TEST_CASE("a duplicate appointment_id names both lines") {
  const std::string text =
      kHeader + kGoodRow + rowWith("appointment_id", "A7") + rowWith("appointment_id", "A1001");
  Result<std::vector<AppointmentRecord>> r = parseAppointmentCsv(text, kToday);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error().message, Catch::StartsWith("line 4: "));
  CHECK_THAT(r.error().message, Catch::Contains("A1001"));
  CHECK_THAT(r.error().message, Catch::Contains("line 2"));
}

TEST_CASE("line numbers count the lines inside quoted fields") {
  const std::string text = kHeader +
                           "A1,2026-11-29T09:00,\"Dr Patel\nRoom 3\",GP,,Smith,Ann,1984-03-07,F,\n"
                           "A2,2026-11-29T09:10,\"Dr\r\nNowak\",GP,,Jones,Bob,1984-03-07,M,\n" +
                           rowWith("sex", "Q");
  const std::string message = errorOf(text);
  CHECK_THAT(message, Catch::StartsWith("line 6: "));
  // And without the bad row the good rows carry the lines they start on.
  Result<std::vector<AppointmentRecord>> r =
      parseAppointmentCsv(text.substr(0, text.size() - rowWith("sex", "Q").size()), kToday);
  REQUIRE(r.ok());
  CHECK(r->at(0).line == 2);
  CHECK(r->at(1).line == 4);
  CHECK(r->at(1).clinician == "Dr\r\nNowak");
}

TEST_CASE("CSV syntax errors come through with their line") {
  CHECK_THAT(errorOf(kHeader + kGoodRow + "A2,\"open\n"),
             Catch::StartsWith("line 3: a quoted field is not closed"));
  CHECK_THAT(errorOf(kHeader + kGoodRow + "A2,Zo\xC3\n"), Catch::StartsWith("line 3: "));
}

TEST_CASE("rows from the file are never marked traced") {
  Result<std::vector<AppointmentRecord>> r =
      parseAppointmentCsv(kHeader + kGoodRow + rowWith("nhs_number", "9434765919"), kToday);
  REQUIRE(r.ok());
  for (const AppointmentRecord& a : *r) CHECK_FALSE(a.patient.nhsNumberTraced);
}

TEST_CASE("a field longer than its limit aborts the file, naming the line and the column") {
  struct Case {
    std::string column;
    size_t limit;
  };
  const std::vector<Case> cases = {
      {"appointment_id", 64}, {"start", 32},      {"clinician", 100},    {"service", 100}, {"nhs_number", 32},
      {"surname", 100},       {"forenames", 100}, {"date_of_birth", 32}, {"sex", 16},      {"postcode", 16}};
  for (const Case& c : cases) {
    INFO(c.column);
    const std::string tooLong(c.limit + 1, '9');
    const std::string message = errorOf(kHeader + kGoodRow + rowWith(c.column, tooLong));
    CHECK(message == "line 3: the " + c.column + " field is too long (" + std::to_string(c.limit + 1) +
                         " bytes; at most " + std::to_string(c.limit) + ")");
  }
  // The clinician that started it: ten megabytes in one field.
  const std::string huge(10 * 1024 * 1024, 'x');
  CHECK_THAT(errorOf(kHeader + kGoodRow + rowWith("clinician", huge) + kGoodRow),
             Catch::StartsWith("line 3: the clinician field is too long (10485760 bytes; at most 100)"));
}

TEST_CASE("fields at their limits load") {
  const std::string text = kHeader + rowWith("appointment_id", std::string(64, 'A')) +
                           "A9,2026-11-29T09:20," + std::string(100, 'x') + ",GP,,Jones,Bob,1970-01-01,M,\n" +
                           "A10,2026-11-29T09:20,Dr Patel,GP,,Jones,Bob,1970-01-01,M," +
                           std::string(16, 'Z') + "\n";
  Result<std::vector<AppointmentRecord>> r = parseAppointmentCsv(text, kToday);
  REQUIRE(r.ok());
  CHECK(r->at(0).id.size() == 64);
  CHECK(r->at(1).clinician.size() == 100);
  CHECK(r->at(2).patient.postcode.size() == 16);
}
