// NHS numbers: parsing, the Modulo 11 check digit, 3-3-4 display, the never-issued test range.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace longstop::core {

/// A valid NHS number: exactly ten digits whose check digit is right.
struct NhsNumber {
  std::string digits;  // ten ASCII digits, no spaces

  /// `943 476 5919`
  std::string formatted() const;
  /// True in 999 000 0000 – 999 999 9999, which is never issued (safe for tests and demos).
  bool isTestNumber() const;
  bool operator==(const NhsNumber&) const = default;
};

/// Accepts ten digits with optional spaces (and nothing else). Errors say what is wrong in plain words:
/// too short, not digits, wrong check digit.
Result<NhsNumber> parseNhsNumber(std::string_view text);

/// The check digit for nine digits, or -1 when the remainder gives 10 (no valid number exists).
int nhsCheckDigit(std::string_view firstNine);

/// Groups up to ten typed digits 3-3-4 as they are typed: "94347" -> "943 47".
std::string groupNhsDigits(std::string_view digits);

}  // namespace longstop::core
