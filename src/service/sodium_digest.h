// core::Digest, core::Signer and core::SignatureCheck backed by libsodium: how the store's event log
// gets its hashes and signatures.
#pragma once

#include <vector>

#include "core/digest.h"
#include "core/signer.h"
#include "crypto/primitives.h"

namespace longstop::service {

class SodiumDigest final : public core::Digest {
 public:
  core::Hash256 sha256(std::string_view bytes) const override { return crypto::sha256(bytes); }
};

/// Ed25519 with a secret key borrowed from its owner (a Site's unlocked keys), which must outlive this.
/// It keeps a few signatures prepared ahead (crypto::SignPrep) and uses each for one message; with none
/// left it signs the ordinary way. Not for use from two threads (each Site has its own).
class SodiumSigner final : public core::Signer {
 public:
  explicit SodiumSigner(const crypto::SecretBytes& secretKey) : secretKey_(secretKey) {}
  std::string sign(std::string_view message) const override {
    if (ready_.empty()) return crypto::sign(secretKey_, message);
    spent_.push_back(std::move(ready_.back()));
    ready_.pop_back();
    return crypto::signPrepared(spent_.back(), secretKey_, message);
  }
  /// Prepares signatures until `count` are ready, and releases the used ones' (zeroed) locked memory.
  void prepare(size_t count) {
    spent_.clear();
    while (ready_.size() < count) {
      auto prep = crypto::prepareSign(secretKey_);
      if (!prep) return;
      ready_.push_back(std::move(*prep));
    }
  }
  size_t prepared() const { return ready_.size(); }

 private:
  const crypto::SecretBytes& secretKey_;
  mutable std::vector<crypto::SignPrep> ready_;  // each used once, wiped when used or with this signer
  mutable std::vector<crypto::SignPrep>
      spent_;  // used and zeroed; freed at the next prepare(), not mid-commit
};

class SodiumSignatureCheck final : public core::SignatureCheck {
 public:
  bool verify(std::string_view publicKey, std::string_view message,
              std::string_view signature) const override {
    return crypto::verifySignature(publicKey, message, signature);
  }
};

}  // namespace longstop::service
