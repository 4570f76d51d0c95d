#include "crypto/sealed_stream.h"

#include <sodium.h>

#include <algorithm>

namespace longstop::crypto {
namespace {

using State = crypto_secretstream_xchacha20poly1305_state;
static_assert(kStreamChunkOverhead == crypto_secretstream_xchacha20poly1305_ABYTES);
static_assert(kStreamPrefix == crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES +
                                   crypto_secretstream_xchacha20poly1305_HEADERBYTES);

const unsigned char* u8(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
constexpr size_t kSealedKey = crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES;

}  // namespace

bool sealStream(std::string_view publicKey, std::string_view ad, std::string_view plain,
                const std::function<bool(std::string_view)>& out) {
  if (publicKey.size() != crypto_box_PUBLICKEYBYTES) return false;
  SecretBytes key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
  crypto_secretstream_xchacha20poly1305_keygen(key.data());
  std::string prefix(kStreamPrefix, '\0');
  auto* p = reinterpret_cast<unsigned char*>(prefix.data());
  if (crypto_box_seal(p, key.data(), key.size(), u8(publicKey)) != 0) return false;
  State st;
  crypto_secretstream_xchacha20poly1305_init_push(&st, p + kSealedKey, key.data());
  key.wipe();
  bool ok = out(prefix);
  std::string chunk;
  size_t at = 0;
  do {
    const size_t n = std::min(kStreamChunk, plain.size() - at);
    const bool last = at + n == plain.size();
    chunk.resize(n + kStreamChunkOverhead);
    const std::string_view withAd = at == 0 ? ad : std::string_view();
    crypto_secretstream_xchacha20poly1305_push(&st, reinterpret_cast<unsigned char*>(chunk.data()), nullptr,
                                               u8(plain) + at, n, u8(withAd), withAd.size(),
                                               last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                    : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    ok = ok && out(chunk);
    at += n;
  } while (ok && at < plain.size());
  sodium_memzero(&st, sizeof st);
  return ok;
}

std::optional<std::string> openStream(std::string_view publicKey, const SecretBytes& secretKey,
                                      std::string_view ad, std::string_view sealed) {
  if (publicKey.size() != crypto_box_PUBLICKEYBYTES || secretKey.size() != crypto_box_SECRETKEYBYTES ||
      sealed.size() < kStreamPrefix + kStreamChunkOverhead)
    return {};
  SecretBytes key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
  if (crypto_box_seal_open(key.data(), u8(sealed), kSealedKey, u8(publicKey), secretKey.data()) != 0)
    return {};
  State st;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&st, u8(sealed) + kSealedKey, key.data()) != 0)
    return {};
  key.wipe();
  std::string plain;
  size_t at = kStreamPrefix;
  bool final = false;
  while (at < sealed.size() && !final) {
    const size_t n = std::min(kStreamChunk + kStreamChunkOverhead, sealed.size() - at);
    if (n < kStreamChunkOverhead) break;
    const size_t start = plain.size();
    plain.resize(start + n - kStreamChunkOverhead);
    unsigned char tag = 0;
    const std::string_view withAd = at == kStreamPrefix ? ad : std::string_view();
    if (crypto_secretstream_xchacha20poly1305_pull(
            &st, reinterpret_cast<unsigned char*>(plain.data()) + start, nullptr, &tag, u8(sealed) + at, n,
            u8(withAd), withAd.size()) != 0)
      break;
    final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    // Only the last chunk may be short or tagged final: anything else is a cut or a splice.
    if (!final && n != kStreamChunk + kStreamChunkOverhead) break;
    at += n;
  }
  sodium_memzero(&st, sizeof st);
  if (final && at == sealed.size()) return plain;
  sodium_memzero(plain.data(), plain.size());
  return {};
}

}  // namespace longstop::crypto
