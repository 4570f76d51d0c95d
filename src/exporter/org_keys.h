// The receiving organisation's keys. Batches are sealed to its X25519 key; acknowledgements are signed
// with its Ed25519 key, so one key pair file holds both.
//   PREFIX.pub  one line: LSR1:<x25519-public>:<ed25519-public>   (base64url, no padding)
//   PREFIX.key  one line: LSRK1:<x25519-public>:<x25519-secret>:<ed25519-public>:<ed25519-secret>
// The .pub line is also what a QR code of the key holds, so the kiosk can scan it.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "crypto/secret_bytes.h"

namespace longstop::exporter {

struct OrgPublicKey {
  std::string box;   // X25519, 32 bytes: what batches are sealed to
  std::string sign;  // Ed25519, 32 bytes: what acknowledgements are checked with
  /// 16 hex characters naming this key pair in batch headers: SHA-256 of box || sign, first 8 bytes.
  std::string keyId() const;
  /// The LSR1 line (no newline).
  std::string text() const;
};

struct OrgKeyPair {
  OrgPublicKey pub;
  crypto::SecretBytes boxSecret;   // 32 bytes
  crypto::SecretBytes signSecret;  // 64 bytes
  /// The LSRK1 line (no newline). Holds the secrets: write it only to a file its owner alone can read.
  std::string secretText() const;
};

OrgKeyPair makeOrgKeyPair();
/// Reads an LSR1 line (surrounding whitespace allowed). Errors say what is wrong with it.
core::Result<OrgPublicKey> parseOrgPublicKey(std::string_view text);
/// Reads an LSRK1 line and checks that its halves belong together.
core::Result<OrgKeyPair> parseOrgKeyPair(std::string_view text);

}  // namespace longstop::exporter
