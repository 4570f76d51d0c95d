// Fuzzes parseBundlePlain, the reading of a credential's bundle once unsealed (bytes from the card:
// anyone with the credential's public key can seal a bundle to it). It never crashes, and what it
// accepts has exactly the sizes of the site's keys.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "crypto/primitives.h"
#include "service/key_bundle.h"

using namespace longstop;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool ready = longstop::crypto::initialise();  // locked memory needs libsodium started
  if (!ready) std::abort();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto s = service::parseBundlePlain(bytes);
  if (!s) return 0;
  if (s->signSecretKey.size() != 64 || s->matchKey.size() != 32 || s->ticketKey.size() != 32 ||
      s->recordsSecretKey.size() != 32 || (!s->adminSecretKey.empty() && s->adminSecretKey.size() != 64))
    std::abort();
  for (const auto& k : s->olderRecordsKeys)
    if (k.size() != 32) std::abort();
  for (const auto& k : s->olderMatchKeys)
    if (k.size() != 32) std::abort();
  return 0;
}
