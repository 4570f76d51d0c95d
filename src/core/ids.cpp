// Device and record identifiers.
//
// Device IDs use 30 symbols: Crockford's base-32 alphabet (which already leaves out I, L, O and U) without
// 0 and 1, so that nothing can be mistaken for O, I or L when it is read aloud or typed from a ticket.
#include "core/ids.h"

namespace longstop::core {
namespace {

constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
static_assert(kAlphabet.size() == 30);
constexpr size_t kDeviceIdLength = 4;
constexpr size_t kMinSequenceDigits = 6;
constexpr size_t kMaxSequenceDigits = 18;  // fits in int64_t

}  // namespace

// 4 random bytes give 2^32 values, taken modulo 30^4 = 810000: the bias is below 0.02 %.
std::string deviceIdFromRandom(std::array<uint8_t, 4> random) {
  uint32_t value = 0;
  for (uint8_t b : random) value = (value << 8) | b;
  std::string id(kDeviceIdLength, ' ');
  for (size_t i = kDeviceIdLength; i-- > 0;) {
    id[i] = kAlphabet[value % kAlphabet.size()];
    value /= static_cast<uint32_t>(kAlphabet.size());
  }
  return id;
}

bool isValidDeviceId(std::string_view id) {
  if (id.size() != kDeviceIdLength) return false;
  for (char c : id)
    if (kAlphabet.find(c) == std::string_view::npos) return false;
  return true;
}

// A negative sequence is never issued; it is written as 0 rather than with a sign.
std::string formatRecordId(std::string_view deviceId, int64_t sequence) {
  std::string digits = std::to_string(sequence < 0 ? 0 : sequence);
  if (digits.size() < kMinSequenceDigits) digits.insert(0, kMinSequenceDigits - digits.size(), '0');
  return std::string(deviceId) + "-" + digits;
}

// Only the form formatRecordId writes is accepted: no extra leading zeros beyond six digits.
std::optional<RecordIdParts> parseRecordId(std::string_view text) {
  if (text.size() < kDeviceIdLength + 1 || text[kDeviceIdLength] != '-') return std::nullopt;
  const std::string_view device = text.substr(0, kDeviceIdLength);
  const std::string_view digits = text.substr(kDeviceIdLength + 1);
  if (!isValidDeviceId(device)) return std::nullopt;
  if (digits.size() < kMinSequenceDigits || digits.size() > kMaxSequenceDigits) return std::nullopt;
  if (digits.size() > kMinSequenceDigits && digits[0] == '0') return std::nullopt;
  int64_t sequence = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    sequence = sequence * 10 + (c - '0');
  }
  return RecordIdParts{std::string(device), sequence};
}

}  // namespace longstop::core
