// NHS numbers: the Modulo 11 check, 3-3-4 grouping and the never-issued 999 test range.
#include "core/nhs_number.h"

namespace longstop::core {
namespace {

constexpr size_t kDigits = 10;

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::string NhsNumber::formatted() const {
  return groupNhsDigits(digits);
}

bool NhsNumber::isTestNumber() const {
  return digits.size() == kDigits && digits.starts_with("999");
}

Result<NhsNumber> parseNhsNumber(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c == ' ') continue;
    if (!isDigit(c)) return invalidInput("An NHS number can only contain digits and spaces");
    if (digits.size() > kDigits) break;  // already too long; no need to copy the rest
    digits += c;
  }
  if (digits.empty()) return invalidInput("The NHS number is empty");
  if (digits.size() < kDigits) {
    return invalidInput("The NHS number is too short: it has " + std::to_string(digits.size()) +
                        " digits and needs 10");
  }
  if (digits.size() > kDigits) return invalidInput("The NHS number is too long: it needs exactly 10 digits");
  const int check = nhsCheckDigit(std::string_view(digits).substr(0, 9));
  if (check < 0) {
    return invalidInput("The NHS number " + groupNhsDigits(digits) +
                        " is not valid (no NHS number can start with these nine digits)");
  }
  if (digits[9] - '0' != check) {
    return invalidInput("The NHS number " + groupNhsDigits(digits) + " is not valid (check digit is wrong)");
  }
  return NhsNumber{digits};
}

// Returns -1 also when `firstNine` is not exactly nine digits, since no check digit exists for it.
int nhsCheckDigit(std::string_view firstNine) {
  if (firstNine.size() != 9) return -1;
  int sum = 0;
  for (size_t i = 0; i < 9; ++i) {
    if (!isDigit(firstNine[i])) return -1;
    sum += (firstNine[i] - '0') * static_cast<int>(10 - i);
  }
  const int check = 11 - sum % 11;
  if (check == 11) return 0;
  return check == 10 ? -1 : check;
}

std::string groupNhsDigits(std::string_view digits) {
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i == 3 || i == 6) out += ' ';
    out += digits[i];
  }
  return out;
}

}  // namespace longstop::core
