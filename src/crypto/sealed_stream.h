// Sealing a large byte string to a public key, for backups: the bytes are encrypted in chunks with
// crypto_secretstream (XChaCha20-Poly1305) under a fresh random key, and that key is sealed
// (crypto_box_seal) to the recipient. Anyone with the public key can seal; only the secret key opens.
// A cut, reordered, changed or extended stream does not open.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/secret_bytes.h"

namespace longstop::crypto {

/// Plaintext bytes per chunk; each chunk on disk is this plus kStreamChunkOverhead (the last is shorter).
inline constexpr size_t kStreamChunk = 64 * 1024;
inline constexpr size_t kStreamChunkOverhead = 17;
/// What comes before the chunks: the sealed stream key (80 bytes) and the stream's header (24).
inline constexpr size_t kStreamPrefix = 80 + 24;

/// Seals `plain` to `publicKey` (32 bytes), handing each piece of the output to `out` in order
/// (kStreamPrefix bytes, then one piece per chunk). `ad` is authenticated with the first chunk (the
/// file's own header, say). False when `out` refuses a piece or the key is not 32 bytes.
bool sealStream(std::string_view publicKey, std::string_view ad, std::string_view plain,
                const std::function<bool(std::string_view)>& out);

/// Opens what sealStream made. Empty when the secret key is not the recipient's, `ad` differs, or the
/// stream is damaged, cut short or has bytes after its end.
std::optional<std::string> openStream(std::string_view publicKey, const SecretBytes& secretKey,
                                      std::string_view ad, std::string_view sealed);

}  // namespace longstop::crypto
