#include "exporter/device_code.h"

#include <vector>

#include "core/ids.h"
#include "crypto/primitives.h"

namespace longstop::exporter {
namespace {

constexpr std::string_view kPrefix = "LSD1";
constexpr size_t kKeyBytes = 32;
constexpr size_t kKeyChars = 52;  // 256 bits in 5-bit characters, the last padded with zero bits
constexpr size_t kCheckChars = 4;
constexpr size_t kMaxCodeLength = 256;

std::string checkFor(std::string_view signedText) {
  const auto h = crypto::sha256(signedText);
  return crypto::toBase32(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()))
      .substr(0, kCheckChars);
}

std::string signedTextOf(const DeviceCode& c) {
  return std::string(kPrefix) + ":" + c.odsCode + ":" + c.deviceId + ":" + crypto::toBase32(c.signPublicKey);
}

// What the person meant: no spaces or tabs, upper case. Nothing else is forgiven.
std::string normalise(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    const size_t end = s.find(':', start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

bool isOds(std::string_view s) {
  if (s.size() < 3 || s.size() > 10) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

bool isBase32(std::string_view s) {
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) return false;
  return true;
}

core::Error bad(const std::string& what) {
  return core::invalidInput("This trust code " + what +
                            " Type it again from the kiosk's admin screen (Admin, "
                            "then \"Code for the receiving PC\").");
}

}  // namespace

std::string formatDeviceCode(const DeviceCode& code) {
  const std::string text = signedTextOf(code);
  return text + ":" + checkFor(text);
}

core::Result<DeviceCode> parseDeviceCode(std::string_view text) {
  if (text.size() > kMaxCodeLength) return bad("is far too long to be one.");
  const std::string norm = normalise(text);
  const auto f = split(norm);
  if (f[0] != kPrefix)
    return core::invalidInput(
        "This is not a kiosk's trust code: it should start LSD1: as shown on the kiosk's "
        "admin screen (Admin, then \"Code for the receiving PC\").");
  if (f.size() != 5)
    return bad("should have five parts separated by ':' but has " + std::to_string(f.size()) + ".");
  if (!isOds(f[1])) return bad("names the site '" + std::string(f[1]) + "', which is not an ODS code.");
  if (!core::isValidDeviceId(f[2]))
    return bad("names the kiosk '" + std::string(f[2]) + "', which is not a device ID.");
  if (!isBase32(f[3]) || !isBase32(f[4]))
    return bad(
        "holds a character its key cannot have: the key and the check use only the letters A to Z and the "
        "digits 2 to 7 (0 is the letter O, 1 the letter I).");
  if (f[3].size() != kKeyChars)
    return bad("has a key of " + std::to_string(f[3].size()) + " characters; it should be " +
               std::to_string(kKeyChars) + ".");
  auto key = crypto::fromBase32(f[3]);
  // The last character carries 4 bits of padding, which must be zero: only one text per key.
  if (!key || key->size() != kKeyBytes) return bad("has a damaged key: its last character cannot end a key.");
  DeviceCode code{std::string(f[1]), std::string(f[2]), std::move(*key)};
  if (f[4].size() != kCheckChars || f[4] != checkFor(signedTextOf(code)))
    return bad(
        "does not add up: its last four characters do not match the rest, so a character was mistyped.");
  return code;
}

std::string keyForReading(std::string_view signPublicKey) {
  const std::string b32 = crypto::toBase32(signPublicKey);
  std::string out;
  for (size_t i = 0; i < b32.size(); i += 4) {
    if (i) out += ' ';
    out += b32.substr(i, 4);
  }
  return out;
}

}  // namespace longstop::exporter
