// The libsodium primitives Longstop uses, behind plain functions. Byte strings are std::string.
// Failures that depend on input (a wrong key, a changed byte) come back as empty optionals or false.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/secret_bytes.h"

namespace longstop::crypto {

/// Must succeed once before anything else here; false means libsodium cannot work on this machine.
bool initialise();

std::string randomBytes(size_t n);
std::array<uint8_t, 32> sha256(std::string_view bytes);
bool equalConstantTime(std::string_view a, std::string_view b);

std::string toHex(std::string_view bytes);
std::optional<std::string> fromHex(std::string_view hex);
std::string toBase64(std::string_view bytes);  // URL-safe alphabet, no padding
std::optional<std::string> fromBase64(std::string_view text);
/// RFC 4648 base32 (A-Z, 2-7) without padding; the decoder refuses other characters and non-zero
/// trailing bits, so every text has one decoding and every decoding one text.
std::string toBase32(std::string_view bytes);
std::optional<std::string> fromBase32(std::string_view text);

// ---- Sealing personal data to the site's records key (X25519 sealed boxes) ----
struct BoxKeyPair {
  std::string publicKey;  // 32 bytes
  SecretBytes secretKey;  // 32 bytes
};
BoxKeyPair makeBoxKeyPair();
/// The public half of an X25519 secret key.
std::string boxPublicKeyOf(const SecretBytes& secretKey);
/// Anyone with the public key can seal; only the secret key opens. Output is 48 bytes longer.
std::string seal(std::string_view publicKey, std::string_view plaintext);
std::optional<std::string> unseal(std::string_view publicKey, const SecretBytes& secretKey,
                                  std::string_view sealed);

/// The costly half of one sealed box, done ahead of time (two X25519 multiplications): a fresh
/// ephemeral key pair and its shared key with the recipient. It seals exactly one message.
struct SealPrep {
  std::string recipient;        // the public key it was made for
  std::string ephemeralPublic;  // 32 bytes, the sealed box's first bytes
  std::string nonce;            // BLAKE2b(ephemeral public || recipient), 24 bytes
  SecretBytes sharedKey;        // crypto_box_beforenm(recipient, ephemeral secret)
};
std::optional<SealPrep> prepareSeal(std::string_view publicKey);
/// The same bytes crypto_box_seal would give with that ephemeral key (unseal() opens them). The prep is
/// used up: its shared key is zeroed in place and its public half cleared, so it seals nothing more. Its
/// locked memory is released when the caller drops it (freeing locked memory takes system calls, which
/// a caller can keep out of a hurried moment).
std::string sealPrepared(SealPrep& prep, std::string_view plaintext);

// ---- Signatures (Ed25519) ----
struct SignKeyPair {
  std::string publicKey;  // 32 bytes
  SecretBytes secretKey;  // 64 bytes
};
SignKeyPair makeSignKeyPair();
std::string sign(const SecretBytes& secretKey, std::string_view message);  // 64-byte detached
bool verifySignature(std::string_view publicKey, std::string_view message, std::string_view signature);

/// The costly half of one Ed25519 signature, done ahead of time: a nonce r and its point R = r·B (the
/// base-point multiplication that is most of a signature's cost). The nonce is a keyed hash of the
/// secret key's nonce half and 32 fresh random bytes, so a weak random source alone does not reveal it.
/// The signature it makes is an ordinary Ed25519 signature (verifySignature and libsodium's
/// crypto_sign_verify_detached accept it); only its nonce is not derived from the message. It signs
/// exactly one message: a nonce used twice would give the secret key away.
struct SignPrep {
  std::string point;  // R, 32 bytes: the signature's first half
  SecretBytes nonce;  // r, 32 bytes, reduced modulo the group order
};
/// Empty on a secret key of the wrong size.
std::optional<SignPrep> prepareSign(const SecretBytes& secretKey);
/// The 64-byte detached signature of `message` with the prepared nonce; empty for a used prep or a wrong
/// key. `secretKey` must be the one the prep was made with. The prep is used up as sealPrepared's is:
/// nonce zeroed in place, point cleared.
std::string signPrepared(SignPrep& prep, const SecretBytes& secretKey, std::string_view message);
/// The public half of an Ed25519 secret key (libsodium keeps it in the secret key's second half, which
/// is exactly why it must be checked against a key that came from elsewhere).
std::string signPublicKeyOf(const SecretBytes& secretKey);

// ---- Keys from what people hold (Argon2id) and key wrapping (XSalsa20-Poly1305) ----
struct KdfParams {
  std::string salt;  // 16 bytes
  uint64_t opsLimit = 0;
  uint64_t memLimit = 0;
};
/// The cost of every new credential: Argon2id, 4 passes over 128 MiB. About 0.6 s here (an EPYC core)
/// and, taking a Pi 4 core as 3-5 times slower at Argon2, 1.7-2.8 s on the kiosk: one wait a sign-in, and a
/// whole 8-digit PIN space costs an attacker years of computing (see docs/decisions.md, "Security").
/// (Measured: 0.57 s best of three, 1.8 core-years for 10^8 PINs.) Credentials keep the cost they were made
/// with (stored beside them), so older ones still open.
inline constexpr uint64_t kKdfOpsLimit = 4;
inline constexpr uint64_t kKdfMemLimit = 128ull << 20;
/// Fresh salt with the cost above. Only a build configured with -Dcheap_test_kdf=true (the test build)
/// looks at LONGSTOP_TEST_CHEAP_KDF=1 and then uses libsodium's minimum cost instead, so the test suite
/// does not spend minutes deriving keys; any other build ignores that variable.
KdfParams newKdfParams();
/// 32 bytes from the secret; empty when the memory cannot be had.
std::optional<SecretBytes> deriveKey(std::string_view secret, const KdfParams& params);
/// nonce || secretbox(plaintext)
std::string wrap(const SecretBytes& key, std::string_view plaintext);
std::optional<SecretBytes> unwrap(const SecretBytes& key, std::string_view wrapped);

/// BLAKE2b keyed hash, `outLen` bytes (16 to 64); for matching and ticket MACs.
std::string keyedHash(std::string_view key, std::string_view message, size_t outLen = 16);

/// A recovery code to print once: 120 random bits as 6 groups of 4 from A–Z2–7, "K7QX-..." style.
std::string newRecoveryCode();
/// Zeroes a string that held a secret (a PIN, a code) before it goes away.
void wipe(std::string& s);
/// Upper-cases, drops spaces and dashes: what the person typed -> what is hashed.
std::string normaliseCode(std::string_view typed);

}  // namespace longstop::crypto
