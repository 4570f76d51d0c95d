// core::Digest backed by libsodium's SHA-256: how the store's event chain gets its hash.
#pragma once

#include "core/digest.h"
#include "crypto/primitives.h"

namespace longstop::service {

class SodiumDigest final : public core::Digest {
 public:
  core::Hash256 sha256(std::string_view bytes) const override { return crypto::sha256(bytes); }
};

}  // namespace longstop::service
