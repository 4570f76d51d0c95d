#include <catch2/catch.hpp>

#include <sodium.h>

#include "crypto/primitives.h"

using namespace longstop::crypto;

TEST_CASE("sealed data opens only with the matching secret key") {
  REQUIRE(initialise());
  auto kp = makeBoxKeyPair();
  auto other = makeBoxKeyPair();
  const std::string sealed = seal(kp.publicKey, "Smith|1984-03-07");
  CHECK(sealed.find("Smith") == std::string::npos);
  CHECK(sealed.size() == 16 + 48);
  REQUIRE(unseal(kp.publicKey, kp.secretKey, sealed) == std::optional<std::string>("Smith|1984-03-07"));
  CHECK_FALSE(unseal(other.publicKey, other.secretKey, sealed).has_value());
  std::string flipped = sealed;
  flipped[20] ^= 1;
  CHECK_FALSE(unseal(kp.publicKey, kp.secretKey, flipped).has_value());
  CHECK_FALSE(unseal(kp.publicKey, kp.secretKey, "short").has_value());
  // Two seals of the same text differ (ephemeral keys), so equal details cannot be spotted on disk.
  CHECK(seal(kp.publicKey, "x") != seal(kp.publicKey, "x"));
}

TEST_CASE("a seal prepared ahead of time is a standard sealed box, used once") {
  REQUIRE(initialise());
  const BoxKeyPair kp = makeBoxKeyPair();
  const BoxKeyPair other = makeBoxKeyPair();
  auto prep = prepareSeal(kp.publicKey);
  REQUIRE(prep.has_value());
  const std::string ephemeral = prep->ephemeralPublic;
  const std::string sealed = sealPrepared(*prep, "Smith|1984-03-07");
  CHECK(sealed.size() == 16 + 48);
  CHECK(sealed.substr(0, 32) == ephemeral);
  CHECK(sealed.find("Smith") == std::string::npos);
  // Opened by libsodium's own crypto_box_seal_open, and by nothing else.
  CHECK(unseal(kp.publicKey, kp.secretKey, sealed) == std::optional<std::string>("Smith|1984-03-07"));
  CHECK_FALSE(unseal(other.publicKey, other.secretKey, sealed).has_value());
  std::string flipped = sealed;
  flipped[40] = static_cast<char>(flipped[40] ^ 1);
  CHECK_FALSE(unseal(kp.publicKey, kp.secretKey, flipped).has_value());
  // Used up: the shared key is zeroed and the same prep cannot seal a second message under it.
  CHECK(prep->sharedKey.view() == std::string(32, '\0'));
  CHECK(prep->ephemeralPublic.empty());
  CHECK(sealPrepared(*prep, "again").empty());
  // Each prep has its own ephemeral key.
  auto a = prepareSeal(kp.publicKey);
  auto b = prepareSeal(kp.publicKey);
  REQUIRE((a && b));
  CHECK(a->ephemeralPublic != b->ephemeralPublic);
  CHECK_FALSE(prepareSeal("short").has_value());
}

TEST_CASE("signatures verify and any change is refused") {
  REQUIRE(initialise());
  auto kp = makeSignKeyPair();
  const std::string sig = sign(kp.secretKey, "batch header");
  CHECK(verifySignature(kp.publicKey, "batch header", sig));
  CHECK_FALSE(verifySignature(kp.publicKey, "batch headeR", sig));
  CHECK_FALSE(verifySignature(makeSignKeyPair().publicKey, "batch header", sig));
  CHECK_FALSE(verifySignature(kp.publicKey, "batch header", sig.substr(1)));
}

TEST_CASE("a key wrapped under an Argon2id key unwraps only with the same secret and salt") {
  REQUIRE(initialise());
  KdfParams kdf = newKdfParams();
  kdf.opsLimit = 1;
  kdf.memLimit = 8 * 1024 * 1024;  // small for the test; the site uses the interactive cost
  auto key = deriveKey("ABCD2345", kdf);
  REQUIRE(key);
  const std::string wrapped = wrap(*key, "thirty-two bytes of key material");
  auto back = unwrap(*key, wrapped);
  REQUIRE(back);
  CHECK(back->view() == "thirty-two bytes of key material");
  auto wrongKey = deriveKey("ABCD2346", kdf);
  CHECK_FALSE(unwrap(*wrongKey, wrapped).has_value());
  KdfParams otherSalt = kdf;
  otherSalt.salt = newKdfParams().salt;
  CHECK_FALSE(unwrap(*deriveKey("ABCD2345", otherSalt), wrapped).has_value());
  KdfParams badSalt = kdf;
  badSalt.salt = "short";
  CHECK_FALSE(deriveKey("x", badSalt).has_value());
}

TEST_CASE("recovery codes are 24 base32 characters in dashed groups and normalise as typed") {
  REQUIRE(initialise());
  const std::string code = newRecoveryCode();
  REQUIRE(code.size() == 29);
  for (size_t i = 0; i < code.size(); ++i) {
    if (i % 5 == 4)
      CHECK(code[i] == '-');
    else
      CHECK(std::string("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567").find(code[i]) != std::string::npos);
  }
  CHECK(newRecoveryCode() != code);
  CHECK(normaliseCode("abcd-efgh ijkl") == "ABCDEFGHIJKL");
}

TEST_CASE("hex and base64 round-trip and refuse junk") {
  REQUIRE(initialise());
  const std::string bytes = randomBytes(33);
  CHECK(fromHex(toHex(bytes)) == bytes);
  CHECK(fromBase64(toBase64(bytes)) == bytes);
  CHECK_FALSE(fromHex("abc").has_value());
  CHECK_FALSE(fromHex("zz").has_value());
  CHECK_FALSE(fromBase64("***").has_value());
  CHECK(toHex("\x01\xff") == "01ff");
}

TEST_CASE("sha256 and keyed hashes are the standard ones") {
  REQUIRE(initialise());
  auto h = sha256("abc");
  CHECK(toHex(std::string(h.begin(), h.end())) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(keyedHash("key-one", "text") != keyedHash("key-two", "text"));
  CHECK(keyedHash("key-one", "text").size() == 16);
  CHECK(equalConstantTime("abc", "abc"));
  CHECK_FALSE(equalConstantTime("abc", "abd"));
  CHECK_FALSE(equalConstantTime("abc", "ab"));
}

TEST_CASE("secret bytes move and wipe") {
  REQUIRE(initialise());
  SecretBytes a = SecretBytes::copyOf("secret");
  SecretBytes b = std::move(a);
  CHECK(a.empty());
  CHECK(b.view() == "secret");
  b.wipe();
  CHECK(b.empty());
}

TEST_CASE("a signature prepared ahead of time is an ordinary Ed25519 signature, made once") {
  REQUIRE(initialise());
  const SignKeyPair kp = makeSignKeyPair();
  const SignKeyPair other = makeSignKeyPair();
  for (const std::string& message :
       {std::string(), std::string("LSEV1") + std::string(32, 'h'), std::string(5000, 'x')}) {
    auto prep = prepareSign(kp.secretKey);
    REQUIRE(prep.has_value());
    const std::string point = prep->point;
    const std::string sig = signPrepared(*prep, kp.secretKey, message);
    REQUIRE(sig.size() == 64);
    CHECK(sig.substr(0, 32) == point);
    // Checked by libsodium's crypto_sign_verify_detached, and refused for any other message or key.
    CHECK(verifySignature(kp.publicKey, message, sig));
    CHECK_FALSE(verifySignature(kp.publicKey, message + "!", sig));
    CHECK_FALSE(verifySignature(other.publicKey, message, sig));
    // Used up: the nonce is zeroed, and the prep signs nothing more.
    CHECK(prep->nonce.view() == std::string(32, '\0'));
    CHECK(prep->point.empty());
    CHECK(signPrepared(*prep, kp.secretKey, "again").empty());
  }
  // Each prep has its own nonce.
  auto a = prepareSign(kp.secretKey);
  auto b = prepareSign(kp.secretKey);
  REQUIRE((a && b));
  CHECK(a->point != b->point);
  CHECK_FALSE(prepareSign(SecretBytes::copyOf("short")).has_value());
  CHECK(signPrepared(*a, SecretBytes::copyOf("short"), "m").empty());
}

TEST_CASE("with libsodium's own nonce, a prepared signature is byte for byte crypto_sign_detached's") {
  REQUIRE(initialise());
  const SignKeyPair kp = makeSignKeyPair();
  const std::string message = "LSHD1 the log's signed end";
  // libsodium's deterministic nonce: SHA-512(second half of SHA-512(seed) || message) mod L.
  unsigned char az[64], wide[64];
  crypto_hash_sha512(az, kp.secretKey.data(), 32);
  crypto_hash_sha512_state st;
  crypto_hash_sha512_init(&st);
  crypto_hash_sha512_update(&st, az + 32, 32);
  crypto_hash_sha512_update(&st, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  crypto_hash_sha512_final(&st, wide);
  SignPrep prep{std::string(32, '\0'), SecretBytes(32)};
  crypto_core_ed25519_scalar_reduce(prep.nonce.data(), wide);
  REQUIRE(crypto_scalarmult_ed25519_base_noclamp(reinterpret_cast<unsigned char*>(prep.point.data()),
                                                 prep.nonce.data()) == 0);
  CHECK(signPrepared(prep, kp.secretKey, message) == sign(kp.secretKey, message));
}
