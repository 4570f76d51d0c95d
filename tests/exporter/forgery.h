// Forged batches, as someone without the kiosk's signing key could make them: from nothing but the
// organisation's public key, or from a real batch re-signed or with its signer line swapped. The
// Catch2 tests and the forge-batch program (for the command-line tests) make them the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crypto/primitives.h"
#include "exporter/batch_file.h"
#include "exporter/csv_export.h"
#include "exporter/fhir.h"
#include "exporter/org_keys.h"

namespace longstop::test {

/// A whole batch of made-up check-ins claiming to be batch `seq` of kiosk ods-device, sealed to the
/// organisation's public key and signed by `signer`: a plausible file that verifies on its own terms.
inline std::string forgeFreshBatch(const std::string& ods, const std::string& device, int64_t seq,
                                   const exporter::OrgPublicKey& org, const crypto::SignKeyPair& signer) {
  exporter::BatchContext ctx{ods, device, seq, 1'796'000'000'000, 0};
  exporter::BatchRecord r;
  r.recordId = device + "-000901";
  r.ticket = "W1";
  r.queueId = "walkin";
  r.state = "seen";
  r.arrivedMs = r.stateMs = ctx.createdMs - 60'000;
  core::PatientDetails p;
  p.surname = "Fabricated";
  p.forenames = "Nobody";
  p.dateOfBirth = {1970, 1, 1};
  r.patient = p;
  const std::vector<exporter::BatchRecord> records{r};
  exporter::BatchHeader h;
  h.odsCode = ods;
  h.deviceId = device;
  h.seq = seq;
  h.prevHash = std::string(32, '\0');
  h.records = 1;
  h.createdMs = ctx.createdMs;
  h.firstArrivalMs = h.lastArrivalMs = r.arrivedMs;
  h.signer = signer.publicKey;
  return exporter::makeBatchFile(h, {exporter::fhirBundle(ctx, records), exporter::checkinsCsv(ctx, records)},
                                 org, signer.secretKey);
}

/// `file` with its `signer:` line set to `publicKey` (32 raw bytes); everything else, the signature
/// included, as it was.
inline std::string swapSigner(std::string_view file, std::string_view publicKey) {
  const size_t at = file.find("\nsigner: ") + 9;
  const size_t end = file.find('\n', at);
  return std::string(file.substr(0, at)) + crypto::toHex(publicKey) + std::string(file.substr(end));
}

/// `file` with its signer set to `signer`'s key and its header signed again by it: the real header's
/// fields and the real sealed payload, under a signature the kiosk never made.
inline std::string resignBatch(std::string_view file, const crypto::SignKeyPair& signer) {
  const std::string swapped = swapSigner(file, signer.publicKey);
  const size_t sig = swapped.find("\nsignature: ") + 1;
  const size_t body = swapped.find("\n\n", sig) + 2;
  const std::string header = swapped.substr(0, sig);
  return header + "signature: " + crypto::toBase64(crypto::sign(signer.secretKey, header)) + "\n\n" +
         swapped.substr(body);
}

}  // namespace longstop::test
