// Fuzz target: the settings file parser never crashes, and what it accepts is well formed.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

#include "core/settings_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = longstop::core::parseSettingsFile(text);
  if (!r.ok()) {
    if (r.error().message.rfind("line ", 0) != 0) std::abort();
    return 0;
  }
  std::set<std::string> keys;
  int lastLine = 0;
  for (const auto& l : r.value()) {
    if (l.key.empty() || !keys.insert(l.key).second || l.line <= lastLine) std::abort();
    if (l.value.find('\n') != std::string::npos) std::abort();
    lastLine = l.line;
  }
  return 0;
}
