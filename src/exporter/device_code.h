// A kiosk's trust code: how its batch-signing key reaches the receiving PC at first contact, shown on
// the kiosk's admin screen as text and as a QR code, and given to `longstop-batch trust add`:
//   LSD1:<ods>:<device>:<signing-key>:<check>
// signing-key is the device's Ed25519 public key (the batch header's `signer`) in RFC 4648 base32
// (A–Z, 2–7, no padding: 52 characters); check is the first 4 base32 characters of SHA-256 of
// everything before the last ':', so a mistyped character is refused (1 in a million slips through).
// Every character is in the QR alphanumeric set. See docs/batch-format.md.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace longstop::exporter {

struct DeviceCode {
  std::string odsCode;        // B82005
  std::string deviceId;       // K7QX
  std::string signPublicKey;  // 32 raw bytes
};

/// The canonical text (no spaces, upper case).
std::string formatDeviceCode(const DeviceCode& code);

/// Reads a code as shown, typed or scanned: surrounding whitespace, spaces and tabs inside (people type
/// the key in the groups the screen shows) and lower case are allowed. Any other difference, a wrong
/// check above all, is refused (kInvalidInput) with a sentence saying what to do.
core::Result<DeviceCode> parseDeviceCode(std::string_view text);

/// The key as the code and the screen show it, in groups of four for reading aloud: "ABCD EFGH … WXY".
std::string keyForReading(std::string_view signPublicKey);

}  // namespace longstop::exporter
