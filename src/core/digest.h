// A narrow interface to a cryptographic hash, so that modules below crypto (store) can chain rows
// without depending on libsodium. The real one is service::SodiumDigest; core never hashes itself.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace longstop::core {

using Hash256 = std::array<uint8_t, 32>;

struct Digest {
  virtual ~Digest() = default;
  /// SHA-256 of the bytes.
  virtual Hash256 sha256(std::string_view bytes) const = 0;
};

}  // namespace longstop::core
