// Fuzzes the batch reader: readBatchFile never crashes, and what it accepts is self-consistent; the
// payload unpacker and the chain check take the same bytes without crashing.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "crypto/primitives.h"
#include "exporter/batch_file.h"
#include "exporter/chain.h"
#include "exporter/payload.h"

using namespace longstop;

namespace {
const bool kReady = crypto::initialise();
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!kReady) std::abort();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto batch = exporter::readBatchFile(bytes);
  if (batch.ok()) {
    if (batch->batchHash != exporter::sha256Bytes(bytes)) std::abort();
    if (static_cast<int64_t>(batch->sealedPayload.size()) != batch->header.payloadBytes) std::abort();
    if (exporter::sha256Bytes(batch->sealedPayload) != batch->header.payloadHash) std::abort();
  } else if (batch.error().code != core::ErrorCode::kCorrupt || batch.error().message.empty()) {
    std::abort();
  }
  auto payload = exporter::unpackPayload(bytes);
  if (payload.ok()) {
    // What unpacks packs to something that unpacks to the same.
    auto again = exporter::unpackPayload(exporter::packPayload(*payload));
    if (!again.ok() || again->bundleJson != payload->bundleJson || again->checkinsCsv != payload->checkinsCsv)
      std::abort();
  }
  const auto report = exporter::verifyChain({{"a", std::string(bytes)}, {"b", std::string(bytes)}});
  if (report.sound()) std::abort();  // the same bytes twice is a replay at best
  return 0;
}
