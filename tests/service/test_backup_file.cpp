// The sealed backup reader against bad input: every cut, every flipped byte of a small backup, a wrong
// header and a wrong key are refused with a sentence; only the file as made opens, to the same bytes.
#include <catch2/catch.hpp>

#include "crypto/primitives.h"
#include "crypto/sealed_stream.h"
#include "service/backup_file.h"
#include "service/key_bundle.h"

using namespace longstop;

namespace {

struct Sealed {
  crypto::BoxKeyPair keys = crypto::makeBoxKeyPair();
  service::BackupHeader header;
  std::string image;
  std::string file;
  explicit Sealed(size_t imageSize) {
    REQUIRE(crypto::initialise());
    header.deviceId = "K7QX";
    header.createdMs = 1764406800000;
    header.recordsPublicKey = keys.publicKey;
    header.recovery.kdfSalt = crypto::randomBytes(16);
    header.recovery.kdfOps = 1;
    header.recovery.kdfMem = 8192;
    header.recovery.wrapped = crypto::randomBytes(200);
    image = crypto::randomBytes(imageSize);
    auto f = service::sealBackup(header, image);
    REQUIRE(f.ok());
    file = *f;
  }
};

}  // namespace

TEST_CASE("a sealed backup opens to the same bytes, at chunk boundaries too") {
  for (size_t size : {size_t{0}, size_t{1}, crypto::kStreamChunk - 1, crypto::kStreamChunk,
                      crypto::kStreamChunk + 1, 3 * crypto::kStreamChunk}) {
    Sealed s(size);
    auto h = service::readBackupHeader(s.file);
    REQUIRE(h.ok());
    CHECK(h->header.deviceId == "K7QX");
    CHECK(h->header.createdMs == s.header.createdMs);
    CHECK(h->header.recovery.wrapped == s.header.recovery.wrapped);
    CHECK(h->header.recovery.kdfMem == 8192);
    auto image = service::openBackup(s.file, s.keys.secretKey);
    REQUIRE(image.ok());
    CHECK(*image == s.image);
  }
}

TEST_CASE("every cut of a sealed backup is refused") {
  Sealed s(crypto::kStreamChunk + 100);  // two chunks: a cut at the boundary must fail too
  for (size_t n = 0; n < s.file.size(); ++n) {
    auto r = service::openBackup(std::string_view(s.file).substr(0, n), s.keys.secretKey);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::kCorrupt);
  }
  // Bytes after its end are refused as well: the file is exactly what was sealed.
  CHECK_FALSE(service::openBackup(s.file + "x", s.keys.secretKey).ok());
  CHECK_FALSE(service::openBackup(s.file + s.file.substr(s.file.size() - 200), s.keys.secretKey).ok());
}

TEST_CASE("every flipped byte of a sealed backup is refused") {
  Sealed s(300);
  for (size_t i = 0; i < s.file.size(); ++i) {
    std::string changed = s.file;
    changed[i] ^= 0x40;
    auto r = service::openBackup(changed, s.keys.secretKey);
    INFO("byte " << i);
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.error().message.empty());
  }
}

TEST_CASE("a wrong header or a wrong key is refused with a sentence") {
  Sealed s(1000);
  auto other = crypto::makeBoxKeyPair();
  auto wrongKey = service::openBackup(s.file, other.secretKey);
  REQUIRE_FALSE(wrongKey.ok());
  CHECK(wrongKey.error().code == core::ErrorCode::kUnauthorised);
  CHECK(wrongKey.error().message.find("sealed to another key") != std::string::npos);

  // A header naming the other key, over the original seal: the key matches the header, the seal does not.
  std::string swapped = s.file;
  const size_t pkAt = 4 + 1 + 1 + 4 + 8;
  swapped.replace(pkAt, 32, other.publicKey);
  auto r = service::openBackup(swapped, other.secretKey);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == core::ErrorCode::kCorrupt);

  CHECK(service::readBackupHeader("LSBX" + s.file.substr(4)).error().message.find("not a Longstop backup") !=
        std::string::npos);
  std::string v3 = s.file;
  v3[4] = 3;
  CHECK(service::readBackupHeader(v3).error().message.find("format 3") != std::string::npos);
  std::string noId = s.file;
  noId[5] = 0;
  CHECK(service::readBackupHeader(noId).error().message.find("damaged") != std::string::npos);
  // A planted cost that would make the restore derive for hours is refused before any derivation.
  std::string costly = s.file;
  costly[pkAt + 32 + 16] = 0x7f;
  CHECK(service::readBackupHeader(costly).error().message.find("damaged") != std::string::npos);
  CHECK(service::readBackupHeader("").error().message.find("not a Longstop backup") != std::string::npos);
}

TEST_CASE("the recovery code opens the keys the header carries, and a wrong one does not") {
  REQUIRE(crypto::initialise());
  const crypto::BoxKeyPair records = crypto::makeBoxKeyPair();
  const crypto::SignKeyPair signer = crypto::makeSignKeyPair();
  service::BackupHeader h;
  h.deviceId = "K7QX";
  h.recordsPublicKey = records.publicKey;
  const std::string code = crypto::newRecoveryCode();
  crypto::KdfParams kdf{crypto::randomBytes(16), 1, 8192};
  auto kek = crypto::deriveKey(crypto::normaliseCode(code), kdf);
  REQUIRE(kek);
  std::string plain =
      std::string(records.secretKey.view()) + std::string(signer.secretKey.view()) + crypto::randomBytes(64);
  h.recovery = {"recovery", "recovery", kdf.salt, 1, 8192, crypto::wrap(*kek, plain), 0, {}, {}};
  auto keys = service::backupKeysFromCode(h, code);
  REQUIRE(keys.ok());
  CHECK(keys->recordsSecretKey.view() == records.secretKey.view());
  CHECK(keys->signPublicKey == signer.publicKey);
  CHECK(service::backupKeysFromCode(h, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF").error().code ==
        core::ErrorCode::kUnauthorised);
  h.recordsPublicKey = crypto::makeBoxKeyPair().publicKey;
  CHECK(service::backupKeysFromCode(h, code).error().code == core::ErrorCode::kCorrupt);
}

TEST_CASE("a schema-5 recovery credential in the header opens through its own key and bundle") {
  REQUIRE(crypto::initialise());
  const crypto::BoxKeyPair records = crypto::makeBoxKeyPair();
  const crypto::SignKeyPair signer = crypto::makeSignKeyPair();
  service::SiteSecrets secrets;
  secrets.recordsSecretKey = crypto::SecretBytes::copyOf(records.secretKey.view());
  secrets.signSecretKey = crypto::SecretBytes::copyOf(signer.secretKey.view());
  secrets.matchKey = crypto::SecretBytes::copyOf(crypto::randomBytes(32));
  secrets.ticketKey = crypto::SecretBytes::copyOf(crypto::randomBytes(32));
  const std::string code = crypto::newRecoveryCode();
  crypto::KdfParams kdf{crypto::randomBytes(16), 1, 8192};
  auto kek = crypto::deriveKey(crypto::normaliseCode(code), kdf);
  REQUIRE(kek);
  const service::CredentialKeys own = service::makeCredentialKeys(*kek, secrets, true);
  service::BackupHeader h;
  h.deviceId = "K7QX";
  h.recordsPublicKey = records.publicKey;
  h.recovery = {"recovery", "recovery", kdf.salt, 1, 8192, own.wrapped, 0, own.publicKey, own.bundle};
  auto file = service::sealBackup(h, "image");
  REQUIRE(file.ok());
  auto read = service::readBackupHeader(*file);
  REQUIRE(read.ok());
  CHECK(read->header.recovery.publicKey == own.publicKey);
  CHECK(read->header.recovery.bundle == own.bundle);
  auto keys = service::backupKeysFromCode(read->header, code);
  REQUIRE(keys.ok());
  CHECK(keys->recordsSecretKey.view() == records.secretKey.view());
  CHECK(keys->signPublicKey == signer.publicKey);
  CHECK(service::backupKeysFromCode(read->header, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF").error().code ==
        core::ErrorCode::kUnauthorised);
  service::BackupHeader changed = read->header;
  changed.recovery.bundle[changed.recovery.bundle.size() / 2] ^= 1;
  CHECK(service::backupKeysFromCode(changed, code).error().code == core::ErrorCode::kCorrupt);
}
