// The settings file that `longstopctl config import` reads, for people who prepare many kiosks:
//   # comment
//   site.name = Riverside Medical Practice
//   queue.gp = A | GP appointments | Room 3
// One `key = value` a line; blank lines and `#` comments are skipped; spaces around both are trimmed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace longstop::core {

struct SettingLine {
  int line = 0;
  std::string key;
  std::string value;
};

/// Splits the file into settings. Refuses a line without `=`, an empty key, a key with other than
/// [a-z0-9._-], a key given twice, invalid UTF-8 or control characters: "line 4: ...".
Result<std::vector<SettingLine>> parseSettingsFile(std::string_view text);

}  // namespace longstop::core
