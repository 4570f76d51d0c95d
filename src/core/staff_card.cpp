// Reading a typed staff card, complete or not.
#include "core/staff_card.h"

#include "core/ids.h"

namespace longstop::core {
namespace {

char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
bool isBase32(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
}

// A staff ID uses the device-ID alphabet: its first four and its last four are each a valid device ID.
// While it is being typed, each character on its own must be one a device ID can hold.
bool staffIdCharOk(char c) {
  std::string probe(4, c);
  return isValidDeviceId(probe);
}

}  // namespace

TypedCard readTypedCard(std::string_view typed) {
  TypedCard out;
  std::string t;
  for (char c : typed)
    if (c != ' ' && c != '-') t += upper(c);
  constexpr std::string_view kPrefix = "LSS1:";
  if (!t.empty() && t.size() < kPrefix.size() && kPrefix.substr(0, t.size()) == t) {
    out.prefix = t;  // the prefix, still being typed
    return out;
  }
  if (t.rfind(kPrefix, 0) == 0) {
    out.prefix = kPrefix;
    t = t.substr(5);
  } else if (t.size() >= 5 && t[4] == ':' && t.substr(0, 2) == "LS") {
    out.problem = CardProblem::kNotACard;
    return out;
  }
  const size_t colon = t.find(':');
  out.staffId = colon == std::string::npos ? t.substr(0, kStaffIdLength) : t.substr(0, colon);
  if (colon != std::string::npos)
    out.secret = t.substr(colon + 1);
  else if (t.size() > kStaffIdLength)
    out.secret = t.substr(kStaffIdLength);
  for (char c : out.staffId)
    if (c == ':' || !staffIdCharOk(c)) {
      out.problem = CardProblem::kBadStaffId;
      out.badChar = c;
      return out;
    }
  if (out.staffId.size() > kStaffIdLength ||
      (colon != std::string::npos && out.staffId.size() != kStaffIdLength)) {
    out.problem = CardProblem::kBadStaffId;
    return out;
  }
  for (char c : out.secret)
    if (!isBase32(c)) {
      out.problem = CardProblem::kBadSecretChar;
      out.badChar = c;
      return out;
    }
  if (out.secret.size() > kStaffSecretLength) {
    out.problem = CardProblem::kTooLong;
    return out;
  }
  if (out.staffId.size() < kStaffIdLength || out.secret.size() < kStaffSecretLength) return out;
  const bool idOk = isValidDeviceId(out.staffId.substr(0, 4)) && isValidDeviceId(out.staffId.substr(2, 4));
  out.problem = idOk ? CardProblem::kNone : CardProblem::kBadStaffId;
  return out;
}

}  // namespace longstop::core
