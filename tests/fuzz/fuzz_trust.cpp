// Fuzzes what longstop-batch reads for pinned signers: LSD1 trust codes (typed, scanned) and the trust
// store's text. An accepted code must format back to a code that reads the same; an accepted store
// must write back to text that reads the same; nothing may crash.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "crypto/primitives.h"
#include "exporter/device_code.h"
#include "exporter/trust_store.h"

using namespace longstop;

namespace {
const bool kReady = crypto::initialise();

bool sameCode(const exporter::DeviceCode& a, const exporter::DeviceCode& b) {
  return a.odsCode == b.odsCode && a.deviceId == b.deviceId && a.signPublicKey == b.signPublicKey;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!kReady) std::abort();
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto code = exporter::parseDeviceCode(text); code.ok()) {
    if (code->signPublicKey.size() != 32) std::abort();
    auto back = exporter::parseDeviceCode(exporter::formatDeviceCode(*code));
    if (!back.ok() || !sameCode(*back, *code)) std::abort();
  }
  if (auto store = exporter::parseTrustStore(text); store.ok()) {
    auto back = exporter::parseTrustStore(exporter::formatTrustStore(*store));
    if (!back.ok() || back->devices.size() != store->devices.size()) std::abort();
    for (size_t i = 0; i < store->devices.size(); ++i)
      if (!sameCode(back->devices[i].code, store->devices[i].code) ||
          back->devices[i].addedUtc != store->devices[i].addedUtc)
        std::abort();
  }
  return 0;
}
