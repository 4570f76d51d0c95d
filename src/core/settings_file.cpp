#include "core/settings_file.h"

#include <set>

namespace longstop::core {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool validUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += len;
  }
  return true;
}

Error at(int line, const std::string& why) {
  return invalidInput("line " + std::to_string(line) + ": " + why);
}

}  // namespace

Result<std::vector<SettingLine>> parseSettingsFile(std::string_view text) {
  std::vector<SettingLine> out;
  std::set<std::string> seen;
  int line = 0;
  while (!text.empty()) {
    ++line;
    const size_t nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line == 1 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    const std::string_view l = trim(raw);
    if (l.empty() || l.front() == '#') continue;
    if (!validUtf8(l)) return at(line, "the text is not valid UTF-8");
    for (unsigned char c : l)
      if (c < 0x20 && c != '\t') return at(line, "the line holds a control character");
    const size_t eq = l.find('=');
    if (eq == std::string_view::npos) return at(line, "expected `key = value`");
    const std::string key(trim(l.substr(0, eq)));
    if (key.empty()) return at(line, "the key is missing before `=`");
    for (char c : key)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
        return at(line, "the key '" + key + "' may hold only a-z, 0-9, '.', '_' and '-'");
    if (!seen.insert(key).second) return at(line, "'" + key + "' is set twice");
    out.push_back({line, key, std::string(trim(l.substr(eq + 1)))});
  }
  return out;
}

}  // namespace longstop::core
