// Fuzzes parseJoinCode: any bytes give a code or a refusal with a sentence; a code's canonical text
// reads back to the same canonical text, is within the length a join code may have, and holds only
// the characters of a QR code's alphanumeric mode.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/join_code.h"

using namespace longstop::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<JoinCode> c = parseJoinCode(text);
  if (!c) {
    if (c.error().message.empty() || c.error().code != ErrorCode::kInvalidInput) std::abort();
    return 0;
  }
  const std::string canonical = formatJoinCode(*c);
  if (canonical.size() > kMaxJoinCodeLength) std::abort();
  for (char ch : canonical)
    if (std::string_view("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.:").find(ch) == std::string_view::npos)
      std::abort();
  Result<JoinCode> again = parseJoinCode(canonical);
  if (!again || formatJoinCode(*again) != canonical) std::abort();
  (void)joinCodeExpiry(*c, 0);
  (void)joinCodeExpiry(*c, INT64_MAX / 2);
  return 0;
}
