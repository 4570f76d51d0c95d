#include "crypto/primitives.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace longstop::crypto {
namespace {

const unsigned char* u8(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* u8(std::string& s) {
  return reinterpret_cast<unsigned char*>(s.data());
}

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

}  // namespace

bool initialise() {
  return sodium_init() >= 0;
}

std::string randomBytes(size_t n) {
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

std::array<uint8_t, 32> sha256(std::string_view bytes) {
  std::array<uint8_t, 32> out{};
  crypto_hash_sha256(out.data(), u8(bytes), bytes.size());
  return out;
}

bool equalConstantTime(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string toHex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), u8(bytes), bytes.size());
  out.pop_back();
  return out;
}

std::optional<std::string> fromHex(std::string_view hex) {
  std::string out(hex.size() / 2, '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(u8(out), out.size(), hex.data(), hex.size(), nullptr, &len, &end) != 0) return {};
  if (end != hex.data() + hex.size() || hex.size() % 2 != 0) return {};
  out.resize(len);
  return out;
}

std::string toBase64(std::string_view bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_encoded_len(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), u8(bytes), bytes.size(), kVariant);
  out.resize(out.size() - 1);
  return out;
}

std::optional<std::string> fromBase64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(u8(out), out.size(), text.data(), text.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return {};
  if (end != text.data() + text.size()) return {};
  out.resize(len);
  return out;
}

BoxKeyPair makeBoxKeyPair() {
  BoxKeyPair kp{std::string(crypto_box_PUBLICKEYBYTES, '\0'), SecretBytes(crypto_box_SECRETKEYBYTES)};
  crypto_box_keypair(u8(kp.publicKey), kp.secretKey.data());
  return kp;
}

std::string seal(std::string_view publicKey, std::string_view plaintext) {
  std::string out(plaintext.size() + crypto_box_SEALBYTES, '\0');
  if (publicKey.size() != crypto_box_PUBLICKEYBYTES ||
      crypto_box_seal(u8(out), u8(plaintext), plaintext.size(), u8(publicKey)) != 0)
    return {};
  return out;
}

std::optional<SealPrep> prepareSeal(std::string_view publicKey) {
  if (publicKey.size() != crypto_box_PUBLICKEYBYTES) return std::nullopt;
  SealPrep p;
  p.recipient = std::string(publicKey);
  p.ephemeralPublic.assign(crypto_box_PUBLICKEYBYTES, '\0');
  SecretBytes ephemeralSecret(crypto_box_SECRETKEYBYTES);
  crypto_box_keypair(u8(p.ephemeralPublic), ephemeralSecret.data());
  // libsodium's sealed-box nonce: BLAKE2b-192 of the ephemeral public key then the recipient's.
  p.nonce.assign(crypto_box_NONCEBYTES, '\0');
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, crypto_box_NONCEBYTES);
  crypto_generichash_update(&st, u8(p.ephemeralPublic), p.ephemeralPublic.size());
  crypto_generichash_update(&st, u8(publicKey), publicKey.size());
  crypto_generichash_final(&st, u8(p.nonce), p.nonce.size());
  p.sharedKey = SecretBytes(crypto_box_BEFORENMBYTES);
  if (crypto_box_beforenm(p.sharedKey.data(), u8(publicKey), ephemeralSecret.data()) != 0)
    return std::nullopt;
  return p;
}

std::string sealPrepared(SealPrep& prep, std::string_view plaintext) {
  if (prep.sharedKey.size() != crypto_box_BEFORENMBYTES ||
      prep.ephemeralPublic.size() != crypto_box_PUBLICKEYBYTES)
    return {};
  std::string out = prep.ephemeralPublic;
  out.resize(crypto_box_SEALBYTES + plaintext.size());
  const int rc = crypto_box_easy_afternm(u8(out) + crypto_box_PUBLICKEYBYTES, u8(plaintext), plaintext.size(),
                                         u8(prep.nonce), prep.sharedKey.data());
  sodium_memzero(prep.sharedKey.data(), prep.sharedKey.size());
  prep.ephemeralPublic.clear();
  return rc == 0 ? out : std::string();
}

std::optional<std::string> unseal(std::string_view publicKey, const SecretBytes& secretKey,
                                  std::string_view sealed) {
  if (sealed.size() < crypto_box_SEALBYTES || publicKey.size() != crypto_box_PUBLICKEYBYTES ||
      secretKey.size() != crypto_box_SECRETKEYBYTES)
    return {};
  std::string out(sealed.size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(u8(out), u8(sealed), sealed.size(), u8(publicKey), secretKey.data()) != 0)
    return {};
  return out;
}

SignKeyPair makeSignKeyPair() {
  SignKeyPair kp{std::string(crypto_sign_PUBLICKEYBYTES, '\0'), SecretBytes(crypto_sign_SECRETKEYBYTES)};
  crypto_sign_keypair(u8(kp.publicKey), kp.secretKey.data());
  return kp;
}

std::string sign(const SecretBytes& secretKey, std::string_view message) {
  std::string sig(crypto_sign_BYTES, '\0');
  if (secretKey.size() != crypto_sign_SECRETKEYBYTES) return {};
  crypto_sign_detached(u8(sig), nullptr, u8(message), message.size(), secretKey.data());
  return sig;
}

namespace {

// Ed25519's secret scalar a (the clamped first half of SHA-512 of the seed) and its nonce half, as
// libsodium's crypto_sign_detached computes them.
void expandKey(const SecretBytes& secretKey, unsigned char az[crypto_hash_sha512_BYTES]) {
  crypto_hash_sha512(az, secretKey.data(), 32);
  az[0] &= 248;
  az[31] &= 127;
  az[31] |= 64;
}

// Intermediate secrets live on the stack, as in libsodium's own signing, and are zeroed on the way out.
template <typename T>
struct WipedOnExit {
  T& bytes;
  ~WipedOnExit() { sodium_memzero(&bytes, sizeof bytes); }
};

}  // namespace

std::optional<SignPrep> prepareSign(const SecretBytes& secretKey) {
  if (secretKey.size() != crypto_sign_SECRETKEYBYTES) return std::nullopt;
  struct {
    unsigned char az[crypto_hash_sha512_BYTES];
    unsigned char wide[crypto_hash_sha512_BYTES];
    crypto_hash_sha512_state st;
  } t;
  WipedOnExit<decltype(t)> wipe{t};
  expandKey(secretKey, t.az);
  const std::string fresh = randomBytes(32);
  crypto_hash_sha512_init(&t.st);
  crypto_hash_sha512_update(&t.st, t.az + 32, 32);
  crypto_hash_sha512_update(&t.st, u8(fresh), fresh.size());
  crypto_hash_sha512_final(&t.st, t.wide);
  SignPrep p{std::string(crypto_core_ed25519_BYTES, '\0'), SecretBytes(crypto_core_ed25519_SCALARBYTES)};
  crypto_core_ed25519_scalar_reduce(p.nonce.data(), t.wide);
  if (crypto_scalarmult_ed25519_base_noclamp(u8(p.point), p.nonce.data()) != 0)
    return std::nullopt;  // r = 0: a chance of 2^-252
  return p;
}

std::string signPrepared(SignPrep& prep, const SecretBytes& secretKey, std::string_view message) {
  if (prep.nonce.size() != crypto_core_ed25519_SCALARBYTES || prep.point.size() != crypto_core_ed25519_BYTES)
    return {};
  // Used up whatever happens next.
  struct UsedUp {
    SignPrep& p;
    ~UsedUp() {
      sodium_memzero(p.nonce.data(), p.nonce.size());
      p.point.clear();
    }
  } usedUp{prep};
  SignPrep& used = prep;
  if (secretKey.size() != crypto_sign_SECRETKEYBYTES) return {};
  struct {
    unsigned char az[crypto_hash_sha512_BYTES];
    unsigned char a[crypto_core_ed25519_SCALARBYTES];
    unsigned char ka[crypto_core_ed25519_SCALARBYTES];
  } t;
  WipedOnExit<decltype(t)> wipe{t};
  // k = SHA-512(R || A || M) mod L, then S = r + k·a mod L: the signature is (R, S), as in RFC 8032.
  unsigned char hram[crypto_hash_sha512_BYTES];
  crypto_hash_sha512_state st;
  crypto_hash_sha512_init(&st);
  crypto_hash_sha512_update(&st, u8(used.point), used.point.size());
  crypto_hash_sha512_update(&st, secretKey.data() + 32, 32);
  crypto_hash_sha512_update(&st, u8(message), message.size());
  crypto_hash_sha512_final(&st, hram);
  unsigned char k[crypto_core_ed25519_SCALARBYTES];
  crypto_core_ed25519_scalar_reduce(k, hram);
  expandKey(secretKey, t.az);
  std::fill_n(t.az + 32, 32, 0);  // a as 64 bytes, to reduce it modulo L
  crypto_core_ed25519_scalar_reduce(t.a, t.az);
  crypto_core_ed25519_scalar_mul(t.ka, k, t.a);
  std::string sig = used.point;
  sig.resize(crypto_sign_BYTES);
  crypto_core_ed25519_scalar_add(u8(sig) + 32, used.nonce.data(), t.ka);
  return sig;
}

bool verifySignature(std::string_view publicKey, std::string_view message, std::string_view signature) {
  return publicKey.size() == crypto_sign_PUBLICKEYBYTES && signature.size() == crypto_sign_BYTES &&
         crypto_sign_verify_detached(u8(signature), u8(message), message.size(), u8(publicKey)) == 0;
}

std::string boxPublicKeyOf(const SecretBytes& secretKey) {
  if (secretKey.size() != crypto_box_SECRETKEYBYTES) return {};
  std::string pk(crypto_box_PUBLICKEYBYTES, '\0');
  crypto_scalarmult_base(u8(pk), secretKey.data());
  return pk;
}

std::string signPublicKeyOf(const SecretBytes& secretKey) {
  if (secretKey.size() != crypto_sign_SECRETKEYBYTES) return {};
  std::string pk(crypto_sign_PUBLICKEYBYTES, '\0');
  crypto_sign_ed25519_sk_to_pk(u8(pk), secretKey.data());
  return pk;
}

KdfParams newKdfParams() {
#ifdef LONGSTOP_CHEAP_TEST_KDF
  if (const char* cheap = std::getenv("LONGSTOP_TEST_CHEAP_KDF"); cheap && std::string_view(cheap) == "1")
    return {randomBytes(crypto_pwhash_SALTBYTES), crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
#endif
  return {randomBytes(crypto_pwhash_SALTBYTES), kKdfOpsLimit, kKdfMemLimit};
}

std::optional<SecretBytes> deriveKey(std::string_view secret, const KdfParams& params) {
  if (params.salt.size() != crypto_pwhash_SALTBYTES) return {};
  SecretBytes key(crypto_secretbox_KEYBYTES);
  if (crypto_pwhash(key.data(), key.size(), secret.data(), secret.size(), u8(params.salt), params.opsLimit,
                    static_cast<size_t>(params.memLimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
    return {};
  return key;
}

std::string wrap(const SecretBytes& key, std::string_view plaintext) {
  std::string out = randomBytes(crypto_secretbox_NONCEBYTES);
  out.resize(out.size() + plaintext.size() + crypto_secretbox_MACBYTES);
  auto* nonce = reinterpret_cast<const unsigned char*>(out.data());
  crypto_secretbox_easy(u8(out) + crypto_secretbox_NONCEBYTES, u8(plaintext), plaintext.size(), nonce,
                        key.data());
  return out;
}

std::optional<SecretBytes> unwrap(const SecretBytes& key, std::string_view wrapped) {
  constexpr size_t kOverhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
  if (wrapped.size() < kOverhead || key.size() != crypto_secretbox_KEYBYTES) return {};
  SecretBytes out(wrapped.size() - kOverhead);
  const auto* nonce = u8(wrapped);
  const auto* box = nonce + crypto_secretbox_NONCEBYTES;
  if (crypto_secretbox_open_easy(out.data(), box, wrapped.size() - crypto_secretbox_NONCEBYTES, nonce,
                                 key.data()) != 0)
    return {};
  return out;
}

std::string keyedHash(std::string_view key, std::string_view message, size_t outLen) {
  std::string out(outLen, '\0');
  crypto_generichash(u8(out), outLen, u8(message), message.size(), u8(key), key.size());
  return out;
}

std::string newRecoveryCode() {
  std::string random = randomBytes(15);  // 120 bits -> 24 base32 characters, in groups of four
  std::string plain = toBase32(random);
  std::string code;
  for (size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && i % 4 == 0) code += '-';
    code += plain[i];
  }
  wipe(random);
  wipe(plain);
  return code;
}

std::string toBase32(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += kBase32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::string> fromBase32(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 5 / 8);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = -1;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= '2' && c <= '7')
      v = c - '2' + 26;
    if (v < 0) return std::nullopt;
    buffer = (buffer << 5) | static_cast<uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  // Leftover bits must be padding zeros, and fewer than a whole character's worth.
  if (bits >= 5 || (buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

void wipe(std::string& s) {
  sodium_memzero(s.data(), s.size());
  s.clear();
}

std::string normaliseCode(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace longstop::crypto
