// The sealed backup file: a small plain header, then the whole SQLite image sealed to the site's
// records public key (crypto/sealed_stream.h). Making one needs no secret, so the unattended timer
// can; opening one needs the records secret key, which the recovery code gives through the recovery
// credential that the header carries (the same wrapped bytes the database holds). See
// docs/decisions.md, "Backups", and docs/appliance.md for restoring.
//
//   "LSBK" | version (1 byte, 1) | device ID (1-byte length, 1-16 bytes) | made at (8 bytes, ms, big-endian)
//   | records public key (32) | recovery KDF salt (16) | passes (4, big-endian) | memory (8, big-endian)
//   | wrapped (2-byte length, up to 1024 bytes) | credential public key (1-byte length, 0 or 32)
//   | bundle (2-byte length, up to 16384 bytes) | sealed stream (key, header, chunks)
//
// Format 1 (before per-credential key pairs) has no public key or bundle fields and is still read. A
// recovery credential from before schema 5 is written with no public key and no bundle: its wrapped
// bytes are then the site's keys themselves. Restore opens either the way Site::unlock does.
//
// Everything before the sealed stream is authenticated with its first chunk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "crypto/secret_bytes.h"
#include "store/site_tables.h"

namespace longstop::service {

inline constexpr std::string_view kBackupMagic = "LSBK";
inline constexpr int kBackupVersion = 2;
inline constexpr const char* kBackupSuffix = ".lsbackup";

struct BackupHeader {
  std::string deviceId;
  int64_t createdMs = 0;
  std::string recordsPublicKey;   // 32 bytes: what the image is sealed to
  store::CredentialRow recovery;  // salt, cost, wrapped, public key and bundle of the recovery credential
};

/// The whole file: the header, then `image` sealed to header.recordsPublicKey.
/// kInvalidInput when a field does not fit the format.
core::Result<std::string> sealBackup(const BackupHeader& header, std::string_view image);

/// The header of a backup file; kCorrupt, saying what is wrong, for anything that is not one.
struct ParsedHeader {
  BackupHeader header;
  size_t size = 0;  // bytes of the file that are header
};
core::Result<ParsedHeader> readBackupHeader(std::string_view file);

/// What the recovery code opens through a header's credential.
struct BackupKeys {
  crypto::SecretBytes recordsSecretKey;
  std::string signPublicKey;  // the device's, to check the restored log's signatures with
};
/// One Argon2id derivation at the header's cost (refused when it is beyond what Longstop ever uses).
/// kUnauthorised for a wrong code; kCorrupt when the keys do not match the header's public key.
core::Result<BackupKeys> backupKeysFromCode(const BackupHeader& header, std::string_view code);

/// The SQLite image inside `file`. kUnauthorised when the key is not the one the backup is sealed to;
/// kCorrupt when the file is cut short, changed or not a backup. The caller zeroes the image.
core::Result<std::string> openBackup(std::string_view file, const crypto::SecretBytes& recordsSecretKey);

}  // namespace longstop::service
