#include "ui/i18n.h"

namespace longstop::ui {
namespace {
std::string& current() {
  static std::string code = "en";
  return code;
}
}  // namespace

const char* tr(const char* english) {
  // Catalogues will be looked up here by (current(), english). Until one exists, English stands.
  return english;
}

std::string fill(std::string_view pattern,
                 const std::vector<std::pair<std::string_view, std::string>>& values) {
  std::string out;
  out.reserve(pattern.size() + 16);
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [key, value] : values) {
          if (key == name) {
            out += value;
            found = true;
            break;
          }
        }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

const std::vector<Language>& languages() {
  static const std::vector<Language> kLanguages = {{"en", "English"}};
  return kLanguages;
}

std::string setLanguage(std::string_view code) {
  for (const auto& l : languages()) {
    if (l.code == code) {
      current() = l.code;
      return current();
    }
  }
  current() = "en";
  return current();
}

std::string currentLanguage() {
  return current();
}

}  // namespace longstop::ui
