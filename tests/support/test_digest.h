// The real SHA-256 (libsodium) as a core::Digest, for store tests.
#pragma once

#include "core/digest.h"
#include "crypto/primitives.h"

namespace longstop::test {

class TestDigest final : public core::Digest {
 public:
  TestDigest() { crypto::initialise(); }
  core::Hash256 sha256(std::string_view bytes) const override { return crypto::sha256(bytes); }
};

}  // namespace longstop::test
