// Acknowledgements: `LSK1:<ods>:<device>:<batch-seq>:<batch-hash-hex16>:<sig-base64url>`, made by
// longstop-batch on the receiving PC once a batch has been verified and opened, and scanned (or typed)
// on the kiosk to mark that batch received. The signature is Ed25519 by the organisation's signing key
// over the text before the last colon, so only the holder of the .key file can make one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "crypto/secret_bytes.h"

namespace longstop::exporter {

struct Ack {
  std::string odsCode;
  std::string deviceId;
  int64_t seq = 0;
  std::string hashPrefix;  // 16 lower-case hex: the first 8 bytes of the batch hash
  std::string signature;   // 64 raw bytes
  /// The signed part: "LSK1:<ods>:<device>:<seq>:<hash16>".
  std::string signedText() const;
};

std::string makeAck(std::string_view odsCode, std::string_view deviceId, int64_t seq,
                    std::string_view batchHash, const crypto::SecretBytes& orgSignSecret);
/// Parses the text (surrounding whitespace allowed; hex in either case). Does not check the signature.
core::Result<Ack> parseAck(std::string_view text);
/// True when the signature is the organisation's.
bool verifyAck(const Ack& ack, std::string_view orgSignPublic);

}  // namespace longstop::exporter
