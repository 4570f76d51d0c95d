// The .lsbatch container: a plain, signed text header and the payload sealed to the recipient.
//
//   LONGSTOP-BATCH 1
//   site: B82005
//   device: K7QX
//   seq: 3
//   prev-hash: <64 hex: SHA-256 of the whole previous batch file; zeros for the first>
//   records: 42
//   created-ms: <unix ms>
//   first-arrival-ms: <unix ms>
//   last-arrival-ms: <unix ms>
//   clock-confirmed: yes|no          (yes only when staff had confirmed the clock for every check-in)
//   recipient-key-id: <16 hex>       (OrgPublicKey::keyId of the key the payload is sealed to)
//   signer: <64 hex: the device's Ed25519 public key>
//   payload-bytes: <n>
//   payload-sha256: <64 hex of the sealed payload>
//   signature: <base64url Ed25519 signature of every byte above this line>
//   <empty line>
//   <n bytes: crypto_box_seal(recipient X25519 key, packPayload(...))>
//
// The batch hash, which the next batch's prev-hash and the acknowledgement name, is the SHA-256 of the
// whole file. See docs/batch-format.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "crypto/secret_bytes.h"
#include "exporter/org_keys.h"
#include "exporter/payload.h"

namespace longstop::exporter {

inline constexpr int kBatchFormatVersion = 1;

struct BatchHeader {
  int version = kBatchFormatVersion;
  std::string odsCode;
  std::string deviceId;
  int64_t seq = 0;
  std::string prevHash;  // 32 raw bytes
  int64_t records = 0;
  int64_t createdMs = 0;
  int64_t firstArrivalMs = 0;
  int64_t lastArrivalMs = 0;
  bool clockConfirmed = false;
  std::string recipientKeyId;  // 16 hex
  std::string signer;          // 32 raw bytes, Ed25519 public
  int64_t payloadBytes = 0;
  std::string payloadHash;  // 32 raw bytes
};

/// A batch file that has passed every check that needs no secret key.
struct VerifiedBatch {
  BatchHeader header;
  std::string batchHash;  // 32 raw bytes: SHA-256 of the whole file
  std::string sealedPayload;
};

/// Seals `payload` to `recipient`, fills the payload fields of `header`, signs, and returns the file.
/// `header.signer` must be the public half of `signSecret`.
std::string makeBatchFile(BatchHeader header, const Payload& payload, const OrgPublicKey& recipient,
                          const crypto::SecretBytes& signSecret);

/// Checks the layout, the signature (with the signer key in the header) and the payload's length and
/// hash. Every refusal is a kCorrupt error saying which check failed.
core::Result<VerifiedBatch> readBatchFile(std::string_view bytes);

/// Opens the payload with the organisation's keys; says so plainly when the batch was sealed to another key.
core::Result<Payload> openBatch(const VerifiedBatch& batch, const OrgKeyPair& keys);

/// `<ods>-<device>-<seq>-<yyyymmdd>.lsbatch`, the date being the local day the batch was made.
std::string batchFileName(const BatchHeader& h, int32_t utcOffsetMinutes);

/// SHA-256 of bytes, as 32 raw bytes in a string.
std::string sha256Bytes(std::string_view bytes);

}  // namespace longstop::exporter
