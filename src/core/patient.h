// A patient's identifying details, and the text form in which they are sealed at rest.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/nhs_number.h"
#include "core/result.h"

namespace longstop::core {

enum class Sex { kFemale, kMale, kUnknown };  // F, M, U (not known / prefer not to say)

/// 'F', 'M' or 'U'.
char sexCode(Sex s);
/// Accepts F, M, U (upper or lower case).
Result<Sex> parseSex(std::string_view text);

/// Everything that identifies a person. Only ever written to disk sealed.
struct PatientDetails {
  std::string surname;
  std::string forenames;
  Date dateOfBirth;
  Sex sex = Sex::kUnknown;
  std::optional<NhsNumber> nhsNumber;
  bool nhsNumberTraced = false;  // false: typed or imported, not verified against the national index
  std::string postcode;
  bool operator==(const PatientDetails&) const = default;
};

/// Longest accepted values, in bytes: generous for real names and UK postcodes, and small enough that a
/// damaged or hostile file cannot make every sealed record, export and screen carry megabytes.
inline constexpr size_t kMaxNameBytes = 100;
inline constexpr size_t kMaxPostcodeBytes = 16;

/// Refuses an empty surname, names with control characters or over kMaxNameBytes, invalid UTF-8.
Status validateNames(std::string_view surname, std::string_view forenames);
/// validateNames, and a postcode of at most kMaxPostcodeBytes printable characters. Every way in for
/// details (the appointment list, a walk-in, an edit at the desk) goes through this.
Status validateDetails(const PatientDetails& d);

/// A stable text form (versioned) for sealing; parse refuses anything malformed.
std::string serializeDetails(const PatientDetails& d);
Result<PatientDetails> parseDetails(std::string_view text);

/// The first letter of a surname folded to A–Z for the arrival-screen grid ("Łukasz" -> 'L',
/// "Ó Briain" -> 'O', "o'Brien" -> 'O'); nullopt when it has no Latin first letter.
std::optional<char> surnameInitial(std::string_view utf8Surname);

}  // namespace longstop::core
