// Fuzzes the high-water mark reader (longstop.mark, read from a card anyone may have edited). Nothing
// may crash; a mark that parses must write back to the same text (so the signature covers all of it),
// and a refusal must say why in words.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "service/high_water.h"

using namespace longstop;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto mark = service::parseMark(text);
  if (!mark.ok()) {
    if (mark.error().message.empty()) std::abort();
    return 0;
  }
  if (mark->hash.size() != 32 || mark->signature.size() != 64) std::abort();
  auto again = service::parseMark(service::formatMark(*mark));
  if (!again.ok() || again->seq != mark->seq || again->counters != mark->counters) std::abort();
  return 0;
}
