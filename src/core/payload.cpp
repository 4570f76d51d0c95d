// Strict parsers for the code formats. Each field is checked against its alphabet and length; a text
// that is almost right is refused, because a code is either made by Longstop or it is not ours.
#include "core/payload.h"

#include <vector>

#include "core/ids.h"

namespace longstop::core {
namespace {

constexpr std::string_view kNotRecognised = "This code isn't one we recognise.";

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isUpperHex(char c) {
  return isDigit(c) || (c >= 'A' && c <= 'F');
}
bool isHex(char c) {
  return isUpperHex(c) || (c >= 'a' && c <= 'f');
}
bool isBase32(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
}
bool isBase64Url(char c) {
  return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
}
bool isOdsChar(char c) {
  return isDigit(c) || (c >= 'A' && c <= 'Z');
}
// Printable ASCII without the field separator and without space (a code never holds spaces).
bool isIdChar(char c) {
  return c > ' ' && c < 0x7f && c != ':';
}

template <typename Pred>
bool all(std::string_view s, Pred pred) {
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}

bool fieldOk(std::string_view s, size_t minLen, size_t maxLen, bool (*pred)(char)) {
  return s.size() >= minLen && s.size() <= maxLen && all(s, pred);
}

std::vector<std::string_view> splitFields(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ':') {
      out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A positive decimal without leading zeros, at most maxDigits digits; -1 when it is not one.
int64_t positiveNumber(std::string_view s, size_t maxDigits) {
  if (s.empty() || s.size() > maxDigits || s[0] == '0' || !all(s, isDigit)) return -1;
  int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

Error damaged(std::string_view what) {
  return invalidInput("This " + std::string(what) + " is damaged or incomplete.");
}

Result<Payload> parseTicket(const std::vector<std::string_view>& f) {
  if (f.size() != 3 || !parseRecordId(f[1]) || !fieldOk(f[2], 8, 8, isUpperHex))
    return damaged("ticket code");
  return Payload{PayloadKind::kTicket, TicketCode{std::string(f[1]), std::string(f[2])}};
}

Result<Payload> parseAppointment(const std::vector<std::string_view>& f) {
  if (f.size() != 4 || !fieldOk(f[1], 3, 10, isOdsChar) || !fieldOk(f[2], 1, 64, isIdChar) ||
      !fieldOk(f[3], 8, 8, isUpperHex))
    return damaged("appointment code");
  return Payload{PayloadKind::kAppointment,
                 AppointmentCode{std::string(f[1]), std::string(f[2]), std::string(f[3])}};
}

Result<Payload> parseStaffCard(const std::vector<std::string_view>& f) {
  constexpr size_t kStaffIdLength = 6;
  constexpr size_t kSecretLength = 26;
  // A staff ID uses the device-ID alphabet: any four of its characters make a valid device ID.
  const bool idOk = f.size() == 3 && f[1].size() == kStaffIdLength && isValidDeviceId(f[1].substr(0, 4)) &&
                    isValidDeviceId(f[1].substr(2, 4));
  if (!idOk || !fieldOk(f[2], kSecretLength, kSecretLength, isBase32)) return damaged("staff card");
  return Payload{PayloadKind::kStaffCard, StaffCardCode{std::string(f[1]), std::string(f[2])}};
}

Result<Payload> parseBatchAck(std::string_view text, const std::vector<std::string_view>& f) {
  constexpr size_t kSignatureLength = 86;  // 64 bytes in base64url without padding
  if (f.size() != 6 || !fieldOk(f[1], 3, 10, isOdsChar) || !isValidDeviceId(f[2]) ||
      !fieldOk(f[4], 16, 16, isHex) || !fieldOk(f[5], kSignatureLength, kSignatureLength, isBase64Url))
    return damaged("batch acknowledgement");
  // 64 bytes take 85 and a third characters: the last one carries 2 bits and 4 zero bits.
  const char last = f[5].back();
  if (last != 'A' && last != 'Q' && last != 'g' && last != 'w') return damaged("batch acknowledgement");
  const int64_t seq = positiveNumber(f[3], 18);
  if (seq < 1) return damaged("batch acknowledgement");
  BatchAckCode ack{
      std::string(f[1]), std::string(f[2]), seq,
      lower(f[4]),       std::string(f[5]), std::string(text.substr(0, text.size() - f[5].size() - 1))};
  return Payload{PayloadKind::kBatchAck, std::move(ack)};
}

Result<Payload> parseBatchFrame(const std::vector<std::string_view>& f) {
  if (f.size() != 4 || !fieldOk(f[1], 8, 8, isUpperHex) || !fieldOk(f[3], 0, kMaxPayloadLength, isBase32))
    return damaged("batch transfer code");
  const size_t slash = f[2].find('/');
  if (slash == std::string_view::npos) return damaged("batch transfer code");
  const int64_t index = positiveNumber(f[2].substr(0, slash), 5);
  const int64_t count = positiveNumber(f[2].substr(slash + 1), 5);
  if (index < 1 || count < 1 || count > 65535 || index > count) return damaged("batch transfer code");
  return Payload{PayloadKind::kBatchFrame, BatchFrameCode{std::string(f[1]), static_cast<int>(index),
                                                          static_cast<int>(count), std::string(f[3])}};
}

bool looksLikeNhsNumber(std::string_view text) {
  size_t digits = 0;
  for (char c : text) {
    if (isDigit(c))
      ++digits;
    else if (c != ' ')
      return false;
  }
  return digits == 10;
}

}  // namespace

std::string_view payloadKindName(PayloadKind kind) {
  switch (kind) {
    case PayloadKind::kTicket:
      return "ticket";
    case PayloadKind::kAppointment:
      return "appointment";
    case PayloadKind::kStaffCard:
      return "staff-card";
    case PayloadKind::kBatchAck:
      return "batch-ack";
    case PayloadKind::kBatchFrame:
      return "batch-frame";
    case PayloadKind::kNhsNumber:
      return "nhs-number";
    case PayloadKind::kUnknown:
      break;
  }
  return "unknown";
}

PayloadKind claimedPayloadKind(std::string_view text) {
  const std::string_view prefix = text.substr(0, 5);
  if (prefix == "LST1:") return PayloadKind::kTicket;
  if (prefix == "LSA1:") return PayloadKind::kAppointment;
  if (prefix == "LSS1:") return PayloadKind::kStaffCard;
  if (prefix == "LSK1:") return PayloadKind::kBatchAck;
  if (prefix == "LSQ1:") return PayloadKind::kBatchFrame;
  if (looksLikeNhsNumber(text)) return PayloadKind::kNhsNumber;
  return PayloadKind::kUnknown;
}

Result<Payload> parsePayload(std::string_view text) {
  const PayloadKind kind = claimedPayloadKind(text);
  if (kind == PayloadKind::kUnknown || text.size() > kMaxPayloadLength)
    return invalidInput(std::string(kNotRecognised));
  if (kind == PayloadKind::kNhsNumber) {
    Result<NhsNumber> n = parseNhsNumber(text);
    if (!n) return n.error();
    return Payload{PayloadKind::kNhsNumber, std::move(*n)};
  }
  const std::vector<std::string_view> f = splitFields(text);
  switch (kind) {
    case PayloadKind::kTicket:
      return parseTicket(f);
    case PayloadKind::kAppointment:
      return parseAppointment(f);
    case PayloadKind::kStaffCard:
      return parseStaffCard(f);
    case PayloadKind::kBatchAck:
      return parseBatchAck(text, f);
    case PayloadKind::kBatchFrame:
      return parseBatchFrame(f);
    default:
      break;
  }
  return invalidInput(std::string(kNotRecognised));
}

std::string batchAckSignedText(const BatchAckCode& a) {
  return "LSK1:" + a.odsCode + ":" + a.deviceId + ":" + std::to_string(a.batchSeq) + ":" + a.batchHash;
}

std::string formatPayload(const Payload& p) {
  return formatCode(p.fields);
}

std::string formatCode(const PayloadFields& fields) {
  struct Visitor {
    std::string operator()(const std::monostate&) const { return {}; }
    std::string operator()(const TicketCode& t) const { return "LST1:" + t.recordId + ":" + t.mac; }
    std::string operator()(const AppointmentCode& a) const {
      return "LSA1:" + a.odsCode + ":" + a.appointmentId + ":" + a.mac;
    }
    std::string operator()(const StaffCardCode& s) const { return "LSS1:" + s.staffId + ":" + s.secret; }
    std::string operator()(const BatchAckCode& a) const { return batchAckSignedText(a) + ":" + a.signature; }
    std::string operator()(const BatchFrameCode& f) const {
      return "LSQ1:" + f.batchHash + ":" + std::to_string(f.index) + "/" + std::to_string(f.count) + ":" +
             f.data;
    }
    std::string operator()(const NhsNumber& n) const { return n.digits; }
  };
  return std::visit(Visitor{}, fields);
}

}  // namespace longstop::core
