// The text formats of the codes Longstop reads (QR codes, barcodes, typed): strict parsers, no I/O.
// The formats are described in docs/scanning.md; anything that does not match exactly is refused with a
// sentence a person can act on. MACs and signatures are checked elsewhere (service/scan_actions.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/nhs_number.h"
#include "core/result.h"

namespace longstop::core {

enum class PayloadKind { kTicket, kAppointment, kStaffCard, kBatchAck, kBatchFrame, kNhsNumber, kUnknown };

/// `ticket`, `appointment`, `staff-card`, `batch-ack`, `batch-frame`, `nhs-number`, `unknown`.
std::string_view payloadKindName(PayloadKind kind);

/// `LST1:<record-id>:<mac>`: a patient's ticket. mac: 8 upper-case hex characters.
struct TicketCode {
  std::string recordId;  // K7QX-000123
  std::string mac;       // 9C3B455C
};

/// `LSA1:<ods-code>:<appointment-id>:<mac>`: an appointment code printed on a letter or sent by text.
struct AppointmentCode {
  std::string odsCode;        // B82005
  std::string appointmentId;  // 1 to 64 printable ASCII characters, no ':' or space
  std::string mac;            // 8 upper-case hex characters
};

/// `LSS1:<staff-id>:<secret>`: a staff card. The secret is checked at sign-in, together with the PIN.
struct StaffCardCode {
  std::string staffId;  // 6 characters of the device-ID alphabet
  std::string secret;   // 26 base32 characters (A-Z, 2-7): 130 bits, of which 128 are random
};

/// `LSK1:<ods>:<device>:<batch-seq>:<batch-hash>:<signature>`: the receiving PC's acknowledgement.
struct BatchAckCode {
  std::string odsCode;
  std::string deviceId;
  int64_t batchSeq = 0;   // 1 or more
  std::string batchHash;  // 16 hex characters, stored lower-case
  std::string signature;  // base64url (no padding) of a 64-byte Ed25519 signature: 86 characters
  /// The text the signature covers: everything before the last ':'.
  std::string signedText;
};

/// `LSQ1:<batch-hash8>:<i>/<n>:<data>`: frame i (1-based) of n of a batch sent as QR codes (made by
/// exporter/qr_stream.h, which also decodes the data).
struct BatchFrameCode {
  std::string batchHash;  // 8 upper-case hex characters
  int index = 0;          // 1..count
  int count = 0;          // 1..65535
  std::string data;       // RFC 4648 base32 (A-Z, 2-7), no padding
};

using PayloadFields = std::variant<std::monostate, TicketCode, AppointmentCode, StaffCardCode, BatchAckCode,
                                   BatchFrameCode, NhsNumber>;

/// A recognised code: its kind and the fields parsed out of it.
struct Payload {
  PayloadKind kind = PayloadKind::kUnknown;
  PayloadFields fields;
};

/// The kind a text claims to be, from its prefix alone (or digits and spaces for an NHS number); used to
/// say "this ticket is damaged" rather than "not recognised". kUnknown when it claims nothing.
PayloadKind claimedPayloadKind(std::string_view text);

/// Parses a code's text. An error (kInvalidInput) says whether it is unknown or which kind is damaged.
/// Never throws; any byte sequence is safe.
Result<Payload> parsePayload(std::string_view text);

/// The canonical text of a payload (an LSK1 hash lower-case, an NHS number as ten digits); parsePayload of it
/// gives the same payload back. For BatchAckCode, signedText is ignored and rebuilt from the fields.
std::string formatPayload(const Payload& payload);
/// The same, from the fields alone (the kind follows from them): `formatCode(TicketCode{id, mac})`. Every
/// code Longstop writes is made here or by formatPayload, never by joining strings elsewhere.
std::string formatCode(const PayloadFields& fields);
/// The text an LSK1 signature covers: `LSK1:<ods>:<device>:<batch-seq>:<batch-hash>`.
std::string batchAckSignedText(const BatchAckCode& ack);

/// Longest text accepted (a version-40 QR code holds at most 2953 bytes).
inline constexpr size_t kMaxPayloadLength = 4096;

}  // namespace longstop::core
