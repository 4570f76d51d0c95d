// core::Digest, core::Signer and core::SignatureCheck backed by libsodium: how the store's event log
// gets its hashes and signatures.
#pragma once

#include "core/digest.h"
#include "core/signer.h"
#include "crypto/primitives.h"

namespace longstop::service {

class SodiumDigest final : public core::Digest {
 public:
  core::Hash256 sha256(std::string_view bytes) const override { return crypto::sha256(bytes); }
};

/// Ed25519 with a secret key borrowed from its owner (a Site's unlocked keys), which must outlive this.
class SodiumSigner final : public core::Signer {
 public:
  explicit SodiumSigner(const crypto::SecretBytes& secretKey) : secretKey_(secretKey) {}
  std::string sign(std::string_view message) const override { return crypto::sign(secretKey_, message); }

 private:
  const crypto::SecretBytes& secretKey_;
};

class SodiumSignatureCheck final : public core::SignatureCheck {
 public:
  bool verify(std::string_view publicKey, std::string_view message, std::string_view signature) const override {
    return crypto::verifySignature(publicKey, message, signature);
  }
};

}  // namespace longstop::service
