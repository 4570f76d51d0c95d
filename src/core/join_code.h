// The join code: what a device about to join a site reads (as a QR code or typed from the inviting
// device's screen) to reach and authenticate the device that invited it. Pure parsing and formatting;
// the secret is checked by the inviter and the fingerprint against the inviter's key elsewhere
// (service/site_join.h). It holds nothing about a patient or a member of staff.
//
//   LSJ1:<site>:<device>:<ipv4>:<port>:<fingerprint>:<secret>:<expiry>:<check>
//   LSJ1:B82005:K7QX:10.0.0.2:4222:MFRGGZDFMZTWQ2LK:ONSWG4TFOQYTEMZUGU3DOOBZGA:29446731:KSOC
//
// site: the ODS code; device: the inviter's device ID; ipv4:port: the inviter's own nats-server;
// fingerprint: 16 base32 characters (80 bits) of the SHA-256 of the inviter's signing public key;
// secret: 26 base32 characters (128 random bits), used once; expiry: Unix minutes (UTC) after which
// the inviter refuses it; check: 4 base32 characters (20 bits) of a checksum of everything before,
// so that a typing mistake is told apart from a wrong secret. Only characters of a QR code's
// alphanumeric mode, so the code fits a small QR code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace longstop::core {

struct JoinCode {
  std::string site;           // ODS code, e.g. B82005
  std::string deviceId;       // the inviter, e.g. K7QX
  std::string host;           // dotted IPv4 of the inviter's server
  int port = 0;               // 1..65535
  std::string fingerprint;    // kJoinFingerprintLength base32 characters
  std::string secret;         // kJoinSecretLength base32 characters
  int64_t expiresMinute = 0;  // Unix minutes, UTC
};

inline constexpr size_t kJoinFingerprintLength = 16;
inline constexpr size_t kJoinSecretLength = 26;
inline constexpr size_t kMaxJoinCodeLength = 160;

/// Reads a join code as scanned or typed: spaces and line breaks are ignored, small letters taken as
/// capitals, and in the base32 parts 0, 1 and 8 as O, I and B (they look alike on a screen). Any
/// other departure is refused (kInvalidInput) with a sentence a person can act on: not a join code
/// (another Longstop code, another product's), a newer version, part missing, a typing mistake, a
/// part that is not what it should be. Never throws; any bytes are safe. Expiry is not judged here
/// (joinCodeExpiry).
Result<JoinCode> parseJoinCode(std::string_view text);

/// The canonical text; parseJoinCode of it gives the same code back.
std::string formatJoinCode(const JoinCode& code);

/// The 4-character check of the text before it (`LSJ1:...:<expiry>`).
std::string joinCodeCheck(std::string_view body);

/// okStatus while `nowUnixMs` is before the code's expiry; otherwise kInvalidInput with the sentence
/// that says when it expired (UTC) and what to do.
Status joinCodeExpiry(const JoinCode& code, int64_t nowUnixMs);

}  // namespace longstop::core
