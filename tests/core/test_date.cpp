// Dates: both spellings, impossible dates, plausibility of a date of birth, local date-times.
#include <catch2/catch.hpp>

#include "core/date.h"

using namespace longstop::core;

namespace {
const Date kToday{2026, 11, 29};
}

TEST_CASE("ISO and UK spellings give the same date") {
  for (const char* text : {"1984-03-07", "07/03/1984", "7/3/1984", "07/3/1984"}) {
    Result<Date> d = parseDate(text);
    INFO(text);
    REQUIRE(d.ok());
    CHECK(*d == Date{1984, 3, 7});
  }
  CHECK(Date{1984, 3, 7}.iso() == "1984-03-07");
  CHECK(Date{5, 1, 2}.iso() == "0005-01-02");
}

TEST_CASE("impossible dates are refused with a reason a person understands") {
  Result<Date> notLeap = parseDate("2023-02-29");
  REQUIRE_FALSE(notLeap.ok());
  CHECK(notLeap.error().code == ErrorCode::kInvalidInput);
  CHECK_THAT(notLeap.error().message, Catch::Contains("not a real date"));
  CHECK_THAT(notLeap.error().message, Catch::Contains("28 days"));
  Result<Date> april = parseDate("31/04/2000");
  REQUIRE_FALSE(april.ok());
  CHECK_THAT(april.error().message, Catch::Contains("April has only 30 days"));
  Result<Date> month13 = parseDate("2000-13-01");
  REQUIRE_FALSE(month13.ok());
  CHECK_THAT(month13.error().message, Catch::Contains("no month 13"));
  for (const char* text : {"2000-00-10", "2000-01-00", "00/01/2000", "32/01/2000", "0000-01-01", "1900-02-29",
                           "2021-06-31", "2021-09-31", "2021-11-31"}) {
    INFO(text);
    CHECK_FALSE(parseDate(text).ok());
  }
}

TEST_CASE("leap years follow the Gregorian rule") {
  CHECK(parseDate("2000-02-29").ok());
  CHECK(parseDate("2024-02-29").ok());
  CHECK(parseDate("29/02/1996").ok());
  CHECK_FALSE(parseDate("2100-02-29").ok());
  CHECK_FALSE(parseDate("1900-02-29").ok());
  CHECK(isValidDate(2024, 2, 29));
  CHECK_FALSE(isValidDate(2023, 2, 29));
  CHECK_FALSE(isValidDate(2023, 4, 31));
  CHECK(isValidDate(2023, 12, 31));
  CHECK_FALSE(isValidDate(2023, 0, 1));
}

TEST_CASE("text that is not a date is refused") {
  for (const char* text :
       {"", "1984-3-7", "1984/03/07", "07-03-1984", "07/03/84", "1984-03-07 ", " 1984-03-07", "1984-03-0a",
        "seventh March", "07/03/19845", "/03/1984", "07//1984", "123/03/1984", "1984-03-07T00:00"}) {
    INFO(text);
    Result<Date> d = parseDate(text);
    REQUIRE_FALSE(d.ok());
    CHECK_FALSE(d.error().message.empty());
  }
  CHECK_THAT(parseDate("xyz").error().message, Catch::Contains("1984-03-07"));
}

TEST_CASE("days since the epoch match known values and round-trip") {
  CHECK(daysFromCivil(Date{1970, 1, 1}) == 0);
  CHECK(daysFromCivil(Date{1970, 1, 2}) == 1);
  CHECK(daysFromCivil(Date{1969, 12, 31}) == -1);
  CHECK(daysFromCivil(Date{2000, 3, 1}) == 11017);  // 30 years incl. 7 leap days + Jan + Feb(29)
  CHECK(civilFromDays(19723) == Date{2024, 1, 1});  // 54*365 + 13 leap days
  // 0001-01-01 is day -719162 and 9999-12-31 is day 2932896.
  CHECK(daysFromCivil({1, 1, 1}) == -719162);
  CHECK(daysFromCivil({9999, 12, 31}) == 2932896);
  for (int64_t day = -719162; day < 2932896; day += 997) {
    Date d = civilFromDays(day);
    REQUIRE(isValidDate(d.year, d.month, d.day));
    REQUIRE(daysFromCivil(d) == day);
    REQUIRE(daysFromCivil(civilFromDays(day + 1)) == day + 1);
  }
}

TEST_CASE("age is counted in whole years, birthday included") {
  CHECK(ageOn({1984, 3, 7}, {2026, 3, 6}) == 41);
  CHECK(ageOn({1984, 3, 7}, {2026, 3, 7}) == 42);
  CHECK(ageOn({1984, 3, 7}, {2026, 12, 31}) == 42);
  CHECK(ageOn({2000, 2, 29}, {2021, 2, 28}) == 20);
  CHECK(ageOn({2000, 2, 29}, {2021, 3, 1}) == 21);
  CHECK(ageOn({2026, 11, 29}, kToday) == 0);
}

TEST_CASE("a date of birth may be today but not in the future") {
  CHECK(parseDateOfBirth("2026-11-29", kToday).ok());
  CHECK(parseDateOfBirth("28/11/2026", kToday).ok());
  for (const char* text : {"2026-11-30", "01/12/2026", "2030-01-01"}) {
    Result<Date> d = parseDateOfBirth(text, kToday);
    INFO(text);
    REQUIRE_FALSE(d.ok());
    CHECK_THAT(d.error().message, Catch::Contains("in the future"));
  }
}

TEST_CASE("an age over 120 is refused, 120 itself is allowed") {
  CHECK(parseDateOfBirth("1906-11-29", kToday).ok());            // 120 today
  CHECK(parseDateOfBirth("1906-11-28", kToday).ok());            // turned 120 yesterday
  Result<Date> tooOld = parseDateOfBirth("1905-11-29", kToday);  // 121 today
  REQUIRE_FALSE(tooOld.ok());
  CHECK_THAT(tooOld.error().message, Catch::Contains("over 120"));
  CHECK(parseDateOfBirth("1905-11-30", kToday).ok());  // turns 121 tomorrow: still 120 today
  CHECK_FALSE(parseDateOfBirth("0850-01-01", kToday).ok());
}

TEST_CASE("a date of birth still has to be a real date") {
  Result<Date> d = parseDateOfBirth("2023-02-29", kToday);
  REQUIRE_FALSE(d.ok());
  CHECK_THAT(d.error().message, Catch::Contains("not a real date"));
}

TEST_CASE("checkDateOfBirth applies the same rules to keypad parts") {
  CHECK(*checkDateOfBirth(1984, 3, 7, kToday) == Date{1984, 3, 7});
  CHECK_THAT(checkDateOfBirth(2023, 2, 29, kToday).error().message, Catch::Contains("not a real date"));
  CHECK_THAT(checkDateOfBirth(2000, 4, 31, kToday).error().message, Catch::Contains("30 days"));
  CHECK_THAT(checkDateOfBirth(1984, 13, 1, kToday).error().message, Catch::Contains("month 13"));
  CHECK_THAT(checkDateOfBirth(2027, 1, 1, kToday).error().message, Catch::Contains("in the future"));
  CHECK_THAT(checkDateOfBirth(1900, 1, 1, kToday).error().message, Catch::Contains("over 120"));
  CHECK_FALSE(checkDateOfBirth(0, 1, 1, kToday).ok());
  CHECK_FALSE(checkDateOfBirth(-5, 1, 1, kToday).ok());
}

TEST_CASE("local date-times become minutes since the epoch and back") {
  CHECK(*parseLocalDateTime("1970-01-01T00:00") == 0);
  CHECK(*parseLocalDateTime("1970-01-02T01:05") == 1440 + 65);
  const int64_t m = *parseLocalDateTime("2026-11-29T09:10");
  CHECK(m == daysFromCivil({2026, 11, 29}) * 1440 + 9 * 60 + 10);
  CHECK(formatLocalDateTime(m) == "2026-11-29T09:10");
  CHECK(formatClockTime(m) == "09:10");
  CHECK(formatClockTime(23 * 60 + 59) == "23:59");
  CHECK(formatClockTime(-1) == "23:59");
  CHECK(formatLocalDateTime(-1) == "1969-12-31T23:59");
  CHECK(*parseLocalDateTime("1969-12-31T23:59") == -1);
}

TEST_CASE("bad local date-times are refused") {
  for (const char* text :
       {"2026-11-29 09:10", "2026-11-29T9:10", "2026-11-29T24:00", "2026-11-29T09:60", "2023-02-29T09:00",
        "29/11/2026T09:10", "2026-11-29T09:10:00", "", "T09:10", "2026-11-29t09:10", "2026-11-29T09-10"}) {
    INFO(text);
    Result<int64_t> t = parseLocalDateTime(text);
    REQUIRE_FALSE(t.ok());
    CHECK_FALSE(t.error().message.empty());
  }
}
