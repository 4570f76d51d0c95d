// Civil dates and local times without reading the clock: dates of birth, appointment times.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace longstop::core {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  auto operator<=>(const Date&) const = default;
  /// `1984-03-07`
  std::string iso() const;
};

bool isValidDate(int year, int month, int day);
/// Days since 1970-01-01 (proleptic Gregorian) and back.
int64_t daysFromCivil(Date d);
Date civilFromDays(int64_t days);
/// Whole years of age on `today`.
int ageOn(Date dob, Date today);

/// A date written `YYYY-MM-DD` or `DD/MM/YYYY`; checks only that the date exists.
Result<Date> parseDate(std::string_view text);
/// As parseDate, then refuses a date in the future or an age over 120, with a message for a person.
Result<Date> parseDateOfBirth(std::string_view text, Date today);
/// The same checks for a date already split into its parts (from the keypad).
Result<Date> checkDateOfBirth(int year, int month, int day, Date today);
/// What is wrong with a date of birth, as a kind, for screens that say it in the patient's language.
enum class BirthDateProblem { kNone, kNotADate, kInFuture, kTooOld };
BirthDateProblem birthDateProblem(int year, int month, int day, Date today);

/// `YYYY-MM-DDTHH:MM` local time -> minutes since 1970-01-01T00:00 on the local wall clock.
Result<int64_t> parseLocalDateTime(std::string_view text);
/// Minutes on the local wall clock -> `HH:MM`.
std::string formatClockTime(int64_t localMinutes);
/// Minutes on the local wall clock -> `YYYY-MM-DDTHH:MM`.
std::string formatLocalDateTime(int64_t localMinutes);

}  // namespace longstop::core
