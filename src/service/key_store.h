// Where the kiosk keeps the keys it needs unattended (matching, tickets, signing) between a restart of
// the process and the next boot: the kernel's keyring, never the card. The OS behind a narrow interface.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "crypto/secret_bytes.h"

namespace longstop::service {

class KeyStore {
 public:
  virtual ~KeyStore() = default;
  /// The bytes saved under `name` since the last boot, or nothing.
  virtual std::optional<crypto::SecretBytes> load(const std::string& name) = 0;
  /// Keeps the bytes under `name` until the next boot (or until forget()).
  virtual core::Status save(const std::string& name, const crypto::SecretBytes& bytes) = 0;
  virtual void forget(const std::string& name) = 0;
};

/// The real one: this user's persistent keyring (keyctl_get_persistent), which outlives the process
/// (so a watchdog restart needs no one) and not the boot. Keys are readable only by their possessor.
/// LONGSTOP_KEYRING_TIMEOUT_S, if set, makes each saved key expire after that many seconds (the
/// tests set it so that thousands of test sites do not pile up in the keyring until a reboot).
KeyStore& kernelKeyring();

}  // namespace longstop::service
