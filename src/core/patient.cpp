// Patient details: name checks, the sealed text form ("LSD1") and the arrival-screen initial.
//
// The text form is one line "LSD1", then exactly these lines in this order, each ending in "\n":
//   surname=  forenames=  dob=YYYY-MM-DD  sex=F|M|U  nhs=<10 digits or empty>  traced=0|1  postcode=
// In values, '%', '=' and every byte below 0x20 or equal to 0x7F are written %XX (upper-case hex) and
// nothing else is escaped, so any bytes round-trip and each details value has exactly one text form.
#include "core/patient.h"

#include <array>
#include <cstdint>

#include "core/utf8.h"

namespace longstop::core {
namespace {

constexpr std::string_view kVersionLine = "LSD1";
constexpr std::array<std::string_view, 7> kKeys = {"surname", "forenames", "dob",     "sex",
                                                   "nhs",     "traced",    "postcode"};
constexpr char kHex[] = "0123456789ABCDEF";

bool isControl(int32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

Status checkName(std::string_view what, std::string_view name) {
  if (name.size() > kMaxNameBytes) {
    return invalidInput("The " + std::string(what) + " is too long (at most " +
                        std::to_string(kMaxNameBytes) + " bytes)");
  }
  for (size_t pos = 0; pos < name.size();) {
    const int32_t cp = nextCodePoint(name, pos);
    if (cp < 0)
      return invalidInput("The " + std::string(what) + " contains characters that are not valid text");
    if (isControl(cp)) {
      return invalidInput("The " + std::string(what) + " contains a control character such as a line break");
    }
  }
  return okStatus();
}

// Maps U+00C0..U+017F to a base letter; '.' where there is none (× and ÷).
constexpr std::string_view kLatin1Fold = "AAAAAAACEEEEIIIIDNOOOOO.OUUUUYTSAAAAAAACEEEEIIIIDNOOOOO.OUUUUYTY";
constexpr std::string_view kExtendedAFold =
    "AAAAAACCCCCCCCDDDDEEEEEEEEEEGGGGGGGGHHHHIIIIIIIIIIIIJJKKKLLLLLLLLLLNNNNNNNNNOOOOOOOORRRRRRSSSSSSSSTTTTTT"
    "UUUUUUUUUUUUWWYYYZZZZZZS";
static_assert(kLatin1Fold.size() == 0x40 && kExtendedAFold.size() == 0x80);

std::optional<char> foldLatin(int32_t cp) {
  if (cp >= 'a' && cp <= 'z') return static_cast<char>(cp - 'a' + 'A');
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp);
  char c = '.';
  if (cp >= 0xC0 && cp < 0x100) c = kLatin1Fold[static_cast<size_t>(cp - 0xC0)];
  if (cp >= 0x100 && cp < 0x180) c = kExtendedAFold[static_cast<size_t>(cp - 0x100)];
  if (c == '.') return std::nullopt;
  return c;
}

// Apostrophes (' ‘ ’ `), spaces (incl. no-break) and hyphens (- ‐ ‑) that may come before the first letter.
bool isLeadingPunctuation(int32_t cp) {
  return cp == '\'' || cp == '`' || cp == ' ' || cp == '-' || cp == 0xA0 || cp == 0x2018 || cp == 0x2019 ||
         cp == 0x2010 || cp == 0x2011;
}

std::string escapeValue(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char ch : v) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F || c == '%' || c == '=') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  return out;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;  // lower case is refused: there is one text form
}

// Undoes escapeValue; refuses escapes that escapeValue would not have written, and raw control bytes.
std::optional<std::string> unescapeValue(std::string_view v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    const auto c = static_cast<unsigned char>(v[i]);
    if (c < 0x20 || c == 0x7F || c == '=') return std::nullopt;
    if (c != '%') {
      out += v[i];
      continue;
    }
    if (i + 2 >= v.size()) return std::nullopt;
    const int hi = hexValue(v[i + 1]), lo = hexValue(v[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    const auto decoded = static_cast<unsigned char>(hi * 16 + lo);
    if (!(decoded < 0x20 || decoded == 0x7F || decoded == '%' || decoded == '=')) return std::nullopt;
    out += static_cast<char>(decoded);
    i += 2;
  }
  return out;
}

Error malformed(std::string_view why) {
  return corrupt("The stored patient details are damaged (" + std::string(why) + ")");
}

// Splits the text into the values of kKeys, in order; an error when the layout is wrong.
Result<std::array<std::string, kKeys.size()>> splitFields(std::string_view text) {
  if (!text.starts_with(kVersionLine) || text.size() == kVersionLine.size() ||
      text[kVersionLine.size()] != '\n') {
    return malformed("unknown format version");
  }
  std::array<std::string, kKeys.size()> values;
  size_t pos = kVersionLine.size() + 1;
  for (size_t k = 0; k < kKeys.size(); ++k) {
    const size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) return malformed("missing " + std::string(kKeys[k]));
    const std::string_view line = text.substr(pos, end - pos);
    if (!line.starts_with(kKeys[k]) || line.size() == kKeys[k].size() || line[kKeys[k].size()] != '=') {
      return malformed("expected " + std::string(kKeys[k]));
    }
    auto value = unescapeValue(line.substr(kKeys[k].size() + 1));
    if (!value) return malformed("bad characters in " + std::string(kKeys[k]));
    values[k] = std::move(*value);
    pos = end + 1;
  }
  if (pos != text.size()) return malformed("unexpected text at the end");
  return values;
}

}  // namespace

char sexCode(Sex s) {
  switch (s) {
    case Sex::kFemale:
      return 'F';
    case Sex::kMale:
      return 'M';
    case Sex::kUnknown:
      break;
  }
  return 'U';
}

Result<Sex> parseSex(std::string_view text) {
  if (text == "F" || text == "f") return Sex::kFemale;
  if (text == "M" || text == "m") return Sex::kMale;
  if (text == "U" || text == "u") return Sex::kUnknown;
  if (text.empty()) return invalidInput("The sex is empty; it must be F, M or U");
  return invalidInput("The sex must be F, M or U");
}

Status validateNames(std::string_view surname, std::string_view forenames) {
  if (surname.find_first_not_of(' ') == std::string_view::npos) return invalidInput("The surname is empty");
  if (Status s = checkName("surname", surname); !s) return s;
  return checkName("forenames", forenames);
}

Status validateDetails(const PatientDetails& d) {
  if (Status s = validateNames(d.surname, d.forenames); !s) return s;
  if (d.postcode.size() > kMaxPostcodeBytes) {
    return invalidInput("The postcode is too long (at most " + std::to_string(kMaxPostcodeBytes) + " bytes)");
  }
  return checkName("postcode", d.postcode);
}

std::string serializeDetails(const PatientDetails& d) {
  const std::array<std::string, kKeys.size()> values = {d.surname,
                                                        d.forenames,
                                                        d.dateOfBirth.iso(),
                                                        std::string(1, sexCode(d.sex)),
                                                        d.nhsNumber ? d.nhsNumber->digits : std::string(),
                                                        d.nhsNumberTraced ? "1" : "0",
                                                        d.postcode};
  std::string out(kVersionLine);
  out += '\n';
  for (size_t k = 0; k < kKeys.size(); ++k) {
    out += kKeys[k];
    out += '=';
    out += escapeValue(values[k]);
    out += '\n';
  }
  return out;
}

Result<PatientDetails> parseDetails(std::string_view text) {
  auto fields = splitFields(text);
  if (!fields) return fields.error();
  auto& v = *fields;
  PatientDetails d;
  d.surname = std::move(v[0]);
  d.forenames = std::move(v[1]);
  Result<Date> dob = parseDate(v[2]);
  if (!dob || dob->iso() != v[2]) return malformed("bad date of birth");
  d.dateOfBirth = *dob;
  Result<Sex> sex = parseSex(v[3]);
  if (!sex || v[3] != std::string(1, sexCode(*sex))) return malformed("bad sex code");
  d.sex = *sex;
  if (!v[4].empty()) {
    Result<NhsNumber> nhs = parseNhsNumber(v[4]);
    if (!nhs || nhs->digits != v[4]) return malformed("bad NHS number");
    d.nhsNumber = *nhs;
  }
  if (v[5] != "0" && v[5] != "1") return malformed("bad traced flag");
  d.nhsNumberTraced = v[5] == "1";
  d.postcode = std::move(v[6]);
  return d;
}

std::optional<char> surnameInitial(std::string_view utf8Surname) {
  for (size_t pos = 0; pos < utf8Surname.size();) {
    const int32_t cp = nextCodePoint(utf8Surname, pos);
    if (cp >= 0 && isLeadingPunctuation(cp)) continue;
    return cp < 0 ? std::nullopt : foldLatin(cp);
  }
  return std::nullopt;
}

}  // namespace longstop::core
