// Civil dates (proleptic Gregorian, years 1–9999) and local wall-clock minutes. No clock reads here.
#include "core/date.h"

#include <array>

namespace longstop::core {
namespace {

constexpr int kMaxAgeYears = 120;
constexpr std::array<std::string_view, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};

bool isLeapYear(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[static_cast<size_t>(month - 1)];
}

std::string padded(int64_t value, size_t width) {
  std::string s = std::to_string(value < 0 ? -value : value);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return value < 0 ? "-" + s : s;
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// Reads text[pos, pos+len) as a decimal number; false unless every character is a digit.
bool readNumber(std::string_view text, size_t pos, size_t len, int& out) {
  out = 0;
  if (pos + len > text.size() || len == 0) return false;
  for (size_t i = pos; i < pos + len; ++i) {
    if (!isDigit(text[i])) return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

// Why a (year, month, day) that has the right shape is still not a real date.
std::string whyNotADate(int year, int month, int day) {
  if (year < 1 || year > 9999) return "the year " + std::to_string(year) + " is not possible";
  if (month < 1 || month > 12) return "there is no month " + std::to_string(month);
  std::string monthName(kMonthNames[static_cast<size_t>(month - 1)]);
  if (day < 1) return "there is no day 0 in a month";
  if (month == 2 && day == 29) return "February " + std::to_string(year) + " has only 28 days";
  return monthName + " has only " + std::to_string(daysInMonth(year, month)) + " days";
}

Result<Date> makeDate(std::string_view text, int year, int month, int day) {
  if (isValidDate(year, month, day)) return Date{year, month, day};
  return invalidInput(std::string(text) + " is not a real date (" + whyNotADate(year, month, day) + ")");
}

std::string shown(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "This";
  if (text.size() > 40) return "This";
  return "\"" + std::string(text) + "\"";
}

// Checks that a real date is a plausible date of birth on `today`.
Result<Date> checkPlausibleBirth(Date dob, Date today) {
  if (dob > today) return invalidInput("The date of birth " + dob.iso() + " is in the future");
  if (ageOn(dob, today) > kMaxAgeYears)
    return invalidInput("The date of birth " + dob.iso() + " would make the person over " +
                        std::to_string(kMaxAgeYears) + " years old; please check the year");
  return dob;
}

}  // namespace

std::string Date::iso() const {
  return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2);
}

bool isValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t daysFromCivil(Date d) {
  const int64_t y = static_cast<int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civilFromDays(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

int ageOn(Date dob, Date today) {
  int age = today.year - dob.year;
  if (today.month < dob.month || (today.month == dob.month && today.day < dob.day)) --age;
  return age;
}

Result<Date> parseDate(std::string_view text) {
  int year = 0, month = 0, day = 0;
  const bool iso = text.size() == 10 && text[4] == '-' && text[7] == '-' && readNumber(text, 0, 4, year) &&
                   readNumber(text, 5, 2, month) && readNumber(text, 8, 2, day);
  if (iso) return makeDate(text, year, month, day);
  // DD/MM/YYYY, also allowing a single-digit day or month (7/3/1984), as people write it.
  const size_t first = text.find('/');
  const size_t second = first == std::string_view::npos ? first : text.find('/', first + 1);
  const bool uk = second != std::string_view::npos && first >= 1 && first <= 2 && second - first - 1 >= 1 &&
                  second - first - 1 <= 2 && text.size() - second - 1 == 4 &&
                  readNumber(text, 0, first, day) && readNumber(text, first + 1, second - first - 1, month) &&
                  readNumber(text, second + 1, 4, year);
  if (uk) return makeDate(text, year, month, day);
  return invalidInput(shown(text) + " is not a date; please write it like 1984-03-07 or 07/03/1984");
}

Result<Date> parseDateOfBirth(std::string_view text, Date today) {
  Result<Date> d = parseDate(text);
  if (!d) return d.error();
  return checkPlausibleBirth(*d, today);
}

BirthDateProblem birthDateProblem(int year, int month, int day, Date today) {
  if (!isValidDate(year, month, day)) return BirthDateProblem::kNotADate;
  const Date dob{year, month, day};
  if (dob > today) return BirthDateProblem::kInFuture;
  if (ageOn(dob, today) > kMaxAgeYears) return BirthDateProblem::kTooOld;
  return BirthDateProblem::kNone;
}

Result<Date> checkDateOfBirth(int year, int month, int day, Date today) {
  if (!isValidDate(year, month, day)) {
    return invalidInput("That date of birth is not a real date (" + whyNotADate(year, month, day) + ")");
  }
  return checkPlausibleBirth(Date{year, month, day}, today);
}

Result<int64_t> parseLocalDateTime(std::string_view text) {
  int hour = 0, minute = 0;
  const bool shape = text.size() == 16 && text[10] == 'T' && text[13] == ':' &&
                     readNumber(text, 11, 2, hour) && readNumber(text, 14, 2, minute);
  if (!shape) {
    return invalidInput(shown(text) + " is not a date and time; please write it like 2026-11-29T09:10");
  }
  Result<Date> day = parseDate(text.substr(0, 10));
  if (!day || text[4] != '-') {
    return invalidInput(day ? shown(text) + " is not a date and time; please write it like 2026-11-29T09:10"
                            : day.error().message);
  }
  if (hour > 23 || minute > 59) {
    return invalidInput(std::string(text.substr(11)) + " is not a real time of day");
  }
  return daysFromCivil(*day) * 1440 + hour * 60 + minute;
}

std::string formatClockTime(int64_t localMinutes) {
  const int64_t inDay = localMinutes - (localMinutes / 1440 - (localMinutes % 1440 < 0 ? 1 : 0)) * 1440;
  return padded(inDay / 60, 2) + ":" + padded(inDay % 60, 2);
}

std::string formatLocalDateTime(int64_t localMinutes) {
  const int64_t day = localMinutes / 1440 - (localMinutes % 1440 < 0 ? 1 : 0);
  return civilFromDays(day).iso() + "T" + formatClockTime(localMinutes);
}

}  // namespace longstop::core
