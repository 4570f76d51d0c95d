// A narrow interface to signatures, so that the store can sign and check its event log without
// depending on libsodium (as core::Digest does for hashing). The real ones live in service.
#pragma once

#include <string>
#include <string_view>

namespace longstop::core {

/// Signs with one device's secret key, held elsewhere.
struct Signer {
  virtual ~Signer() = default;
  /// A 64-byte detached signature of the message.
  virtual std::string sign(std::string_view message) const = 0;
};

/// Checks a detached signature under a public key.
struct SignatureCheck {
  virtual ~SignatureCheck() = default;
  virtual bool verify(std::string_view publicKey, std::string_view message,
                      std::string_view signature) const = 0;
};

}  // namespace longstop::core
