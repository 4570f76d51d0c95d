// Fuzz target for the automation script parser: any bytes must give commands or a line-numbered error,
// never a crash, and an error never comes with commands.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "app/script.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = longstop::app::parseScript(text);
  if (parsed.error && !parsed.commands.empty()) std::abort();
  for (const auto& c : parsed.commands) {
    if (c.line <= 0) std::abort();
    (void)longstop::app::commandName(c.kind);
  }
  return 0;
}
