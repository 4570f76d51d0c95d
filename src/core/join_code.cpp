// The join code's text (core/join_code.h). The refusals are ordered so that each names the likeliest
// cause: another code first, then a part missing, then a typing mistake (the check), and only then a
// part that is not what it should be (which a code Longstop made never has).
#include "core/join_code.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <optional>
#include <vector>

#include "core/date.h"
#include "core/payload.h"

namespace longstop::core {
namespace {

constexpr std::string_view kPrefix = "LSJ1:";
constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr size_t kFields = 9;
constexpr size_t kCheckLength = 4;
enum Field { kTag, kSite, kDevice, kHost, kPort, kFingerprint, kSecret, kExpiry, kCheck };

const char* const kIncomplete =
    "This join code is incomplete: part of it is missing. Scan its QR code again, or type it again "
    "from the other device's screen.";

bool isBase32(std::string_view s) {
  for (char c : s)
    if (kBase32.find(c) == std::string_view::npos) return false;
  return true;
}

// Digits only, no sign, no leading zero (but "0" itself), at most `maxDigits`.
std::optional<int64_t> plainNumber(std::string_view s, size_t maxDigits) {
  if (s.empty() || s.size() > maxDigits || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool isIpv4(std::string_view s) {
  int parts = 0;
  size_t at = 0;
  while (at <= s.size()) {
    const size_t dot = s.find('.', at);
    const std::string_view part = s.substr(at, dot == std::string_view::npos ? s.npos : dot - at);
    auto v = plainNumber(part, 3);
    if (!v || *v > 255) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    at = dot + 1;
  }
  return parts == 4;
}

bool isOds(std::string_view s) {
  if (s.size() < 3 || s.size() > 10) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

bool isDeviceId(std::string_view s) {
  constexpr std::string_view kDeviceAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  if (s.size() != 4) return false;
  for (char c : s)
    if (kDeviceAlphabet.find(c) == std::string_view::npos) return false;
  return true;
}

// What a person typed or a scanner sent, before the strict reading: no spaces or line breaks,
// capitals; in the base32 parts the digits that look like letters read as those letters.
std::string normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

char lookAlike(char c) {
  return c == '0' ? 'O' : c == '1' ? 'I' : c == '8' ? 'B' : c;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  size_t at = 0;
  for (;;) {
    const size_t colon = s.find(':', at);
    out.push_back(s.substr(at, colon == std::string::npos ? std::string::npos : colon - at));
    if (colon == std::string::npos) return out;
    at = colon + 1;
  }
}

Error notAJoinCode(std::string_view text) {
  const PayloadKind kind = claimedPayloadKind(text);
  if (kind != PayloadKind::kUnknown) {
    std::string what = kind == PayloadKind::kTicket        ? "a patient's ticket"
                       : kind == PayloadKind::kAppointment ? "an appointment code"
                       : kind == PayloadKind::kStaffCard   ? "a staff card"
                       : kind == PayloadKind::kNhsNumber   ? "an NHS number"
                                                           : "a code for the receiving PC";
    return invalidInput("This is " + what +
                        ", not a join code. Scan the join code that the device already in the site shows "
                        "under Add a device.");
  }
  return invalidInput(
      "This is not a Longstop join code. A join code starts with LSJ1: and is shown on a device already "
      "in the site, under Add a device.");
}

std::string twoDigits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

std::string joinCodeCheck(std::string_view body) {
  uint32_t h = 2166136261u;  // FNV-1a: a typing check, not a MAC (the secret is what authenticates)
  for (char c : body) {
    h ^= static_cast<uint8_t>(c);
    h *= 16777619u;
  }
  std::string out(kCheckLength, 'A');
  for (size_t i = 0; i < kCheckLength; ++i) out[i] = kBase32[(h >> (5 * i)) & 31];
  return out;
}

Result<JoinCode> parseJoinCode(std::string_view raw) {
  if (raw.size() > 4 * kMaxJoinCodeLength)
    return invalidInput("This is far longer than a join code: it is not one.");
  const std::string text = normalise(raw);
  if (text.empty())
    return invalidInput(
        "Nothing was read. Scan the join code again, or type it as the other device shows it.");
  if (text.size() >= 4 && text.compare(0, 3, "LSJ") == 0 && text[3] >= '2' && text[3] <= '9')
    return invalidInput(
        "This join code was made by a newer version of Longstop than this device has. Update this device "
        "first, or make the code on a device of the same version.");
  if (text.compare(0, kPrefix.size(), kPrefix) != 0) {
    if (std::string_view(kPrefix).substr(0, text.size()) == text) return invalidInput(kIncomplete);
    return notAJoinCode(raw);
  }
  if (text.size() > kMaxJoinCodeLength)
    return invalidInput(
        "This is longer than a join code: perhaps two codes were read at once. Scan it again.");
  std::vector<std::string> f = split(text);
  if (f.size() < kFields || f[kCheck].size() < kCheckLength) return invalidInput(kIncomplete);
  if (f.size() > kFields || f[kCheck].size() > kCheckLength)
    return invalidInput(
        "This join code has more in it than a join code holds. Scan it again, or type it again.");
  for (Field i : {kFingerprint, kSecret, kCheck})
    for (char& c : f[i]) c = lookAlike(c);
  std::string bodyRead;
  for (size_t i = 0; i < kCheck; ++i) bodyRead += (i ? ":" : "") + f[i];
  if (joinCodeCheck(bodyRead) != f[kCheck])
    return invalidInput(
        "This join code has a typing mistake in it: its last four characters do not match the rest. "
        "Compare it with the other device's screen character by character.");
  auto wrong = [](const char* part) {
    return invalidInput(std::string("This join code's ") + part +
                        " is not right, so it was not made by Longstop. Make a new one on the device "
                        "already in the site.");
  };
  if (!isOds(f[kSite])) return wrong("site (ODS code)");
  if (!isDeviceId(f[kDevice])) return wrong("device ID");
  if (!isIpv4(f[kHost])) return wrong("network address");
  auto port = plainNumber(f[kPort], 5);
  if (!port || *port < 1 || *port > 65535) return wrong("port");
  if (f[kFingerprint].size() != kJoinFingerprintLength || !isBase32(f[kFingerprint]))
    return wrong("key fingerprint");
  if (f[kSecret].size() != kJoinSecretLength || !isBase32(f[kSecret])) return wrong("secret");
  auto expiry = plainNumber(f[kExpiry], 10);
  if (!expiry || *expiry < 1) return wrong("expiry time");
  return JoinCode{f[kSite],        f[kDevice], f[kHost], static_cast<int>(*port),
                  f[kFingerprint], f[kSecret], *expiry};
}

std::string formatJoinCode(const JoinCode& c) {
  std::string body = std::string(kPrefix) + c.site + ":" + c.deviceId + ":" + c.host + ":" +
                     std::to_string(c.port) + ":" + c.fingerprint + ":" + c.secret + ":" +
                     std::to_string(c.expiresMinute);
  return body + ":" + joinCodeCheck(body);
}

Status joinCodeExpiry(const JoinCode& code, int64_t nowUnixMs) {
  if (nowUnixMs < code.expiresMinute * 60'000) return okStatus();
  const int64_t day = code.expiresMinute / 1440;
  const int minute = static_cast<int>(code.expiresMinute % 1440);
  return invalidInput("This join code expired at " + twoDigits(minute / 60) + ":" + twoDigits(minute % 60) +
                      " UTC on " + civilFromDays(day).iso() +
                      ". A join code is valid for 10 minutes: ask an administrator on the device already "
                      "in the site for a new one (Add a device).");
}

}  // namespace longstop::core
