#include "exporter/ack.h"

#include "core/payload.h"
#include "crypto/primitives.h"

namespace longstop::exporter {
namespace {

core::BatchAckCode fieldsOf(const Ack& a) {
  return core::BatchAckCode{a.odsCode, a.deviceId, a.seq, a.hashPrefix, {}, {}};
}

}  // namespace

std::string Ack::signedText() const {
  return core::batchAckSignedText(fieldsOf(*this));
}

std::string makeAck(std::string_view odsCode, std::string_view deviceId, int64_t seq,
                    std::string_view batchHash, const crypto::SecretBytes& orgSignSecret) {
  Ack a{std::string(odsCode), std::string(deviceId), seq, crypto::toHex(batchHash.substr(0, 8)), {}};
  core::BatchAckCode code = fieldsOf(a);
  code.signature = crypto::toBase64(crypto::sign(orgSignSecret, a.signedText()));
  return core::formatCode(std::move(code));
}

core::Result<Ack> parseAck(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (core::claimedPayloadKind(text) != core::PayloadKind::kBatchAck)
    return core::invalidInput("This is not a Longstop acknowledgement code (LSK1:...).");
  auto payload = core::parsePayload(text);
  if (!payload.ok()) return payload.error();
  const auto& code = std::get<core::BatchAckCode>(payload->fields);
  // core checked the alphabet and length; the decoder also insists on the one canonical encoding.
  auto sig = crypto::fromBase64(code.signature);
  if (!sig || sig->size() != 64 || crypto::toBase64(*sig) != code.signature)
    return core::invalidInput("This acknowledgement code's signature is damaged.");
  return Ack{code.odsCode, code.deviceId, code.batchSeq, code.batchHash, std::move(*sig)};
}

bool verifyAck(const Ack& ack, std::string_view orgSignPublic) {
  return orgSignPublic.size() == 32 &&
         crypto::verifySignature(orgSignPublic, ack.signedText(), ack.signature);
}

}  // namespace longstop::exporter
