// Fuzzes parsePayload: any bytes give a payload or an error with a message; a payload's canonical text
// parses back to the same kind and the same canonical text; the claimed kind agrees with the parse.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/payload.h"

using namespace longstop::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const PayloadKind claimed = claimedPayloadKind(text);
  Result<Payload> p = parsePayload(text);
  if (!p) {
    if (p.error().message.empty() || p.error().code != ErrorCode::kInvalidInput) std::abort();
    return 0;
  }
  if (p->kind != claimed || p->kind == PayloadKind::kUnknown) std::abort();
  if (p->fields.index() == 0) std::abort();
  const std::string canonical = formatPayload(*p);
  Result<Payload> again = parsePayload(canonical);
  if (!again || again->kind != p->kind || formatPayload(*again) != canonical) std::abort();
  if (auto* ack = std::get_if<BatchAckCode>(&p->fields)) {
    if (ack->signedText.size() + ack->signature.size() + 1 != text.size()) std::abort();
  }
  return 0;
}
