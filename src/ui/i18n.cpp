#include "ui/i18n.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <unordered_map>

#ifndef LONGSTOP_BUILD_LOCALEDIR
#define LONGSTOP_BUILD_LOCALEDIR ""
#endif
#ifndef LONGSTOP_LOCALEDIR
#define LONGSTOP_LOCALEDIR "/usr/share/locale"
#endif

namespace longstop::ui {
namespace {
using Catalogue = std::unordered_map<std::string, std::string>;

std::string& current() {
  static std::string code = "en";
  return code;
}

std::optional<std::filesystem::path>& overrideDir() {
  static std::optional<std::filesystem::path> dir;
  return dir;
}

uint32_t word(const std::string& b, size_t at, bool swap) {
  if (at + 4 > b.size()) return 0;
  uint32_t v;
  std::memcpy(&v, b.data() + at, 4);
  return swap ? __builtin_bswap32(v) : v;
}

// A GNU .mo file: magic, revision, count, offset of the originals' table, offset of the translations'
// table; each table entry is (length, offset). Anything malformed yields what was read so far.
Catalogue parseMo(const std::string& b) {
  Catalogue c;
  if (b.size() < 20) return c;
  uint32_t magic = word(b, 0, false);
  bool swap = magic == 0xde120495u;
  if (magic != 0x950412deu && !swap) return c;
  uint32_t n = word(b, 8, swap), orig = word(b, 12, swap), trans = word(b, 16, swap);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t ol = word(b, orig + 8 * i, swap), oo = word(b, orig + 8 * i + 4, swap);
    uint32_t tl = word(b, trans + 8 * i, swap), to = word(b, trans + 8 * i + 4, swap);
    if (size_t(oo) + ol > b.size() || size_t(to) + tl > b.size()) break;
    std::string id = b.substr(oo, ol);
    if (id.empty()) continue;  // the header
    std::string str = b.substr(to, tl);
    if (size_t nul = str.find('\0'); nul != std::string::npos) str.resize(nul);  // first plural form
    if (size_t nul = id.find('\0'); nul != std::string::npos) id.resize(nul);
    if (!str.empty()) c.emplace(std::move(id), std::move(str));
  }
  return c;
}

Catalogue load(std::string_view code) {
  for (const auto& dir : catalogueDirs()) {
    std::ifstream in(dir / std::string(code) / "LC_MESSAGES" / "longstop.mo", std::ios::binary);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    return parseMo(ss.str());
  }
  return {};
}

std::mutex gMutex;
// Catalogues are read once and never freed, so the pointers tr() returns stay valid.
std::map<std::string, std::unique_ptr<Catalogue>, std::less<>>& loaded() {
  static std::map<std::string, std::unique_ptr<Catalogue>, std::less<>> m;
  return m;
}

const Catalogue& catalogue(std::string_view code) {
  std::lock_guard lock(gMutex);
  auto& m = loaded();
  auto it = m.find(code);
  if (it == m.end()) it = m.emplace(std::string(code), std::make_unique<Catalogue>(load(code))).first;
  return *it->second;
}
}  // namespace

std::vector<std::filesystem::path> catalogueDirs() {
  if (overrideDir()) return {*overrideDir()};
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("LONGSTOP_LOCALEDIR"); env && *env) dirs.emplace_back(env);
  if (*LONGSTOP_BUILD_LOCALEDIR) dirs.emplace_back(LONGSTOP_BUILD_LOCALEDIR);
  dirs.emplace_back(LONGSTOP_LOCALEDIR);
  return dirs;
}

void TEST_setCatalogueDir(const std::filesystem::path& dir) {
  std::lock_guard lock(gMutex);
  overrideDir() = dir;
  loaded().clear();
}

std::vector<std::string> catalogueTexts(std::string_view code) {
  std::vector<std::string> out;
  for (const auto& [id, text] : catalogue(code)) out.push_back(text);
  return out;
}

size_t catalogueSize(std::string_view code) {
  return catalogue(code).size();
}

const char* trIn(std::string_view code, const char* english) {
  if (code == "en") return english;
  const Catalogue& c = catalogue(code);
  auto it = c.find(english);
  return it == c.end() ? english : it->second.c_str();
}

const char* tr(const char* english) {
  return trIn(current(), english);
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
  // English, then Welsh (an official language in Wales), then the languages most spoken in England and
  // Wales after English (2021 census), Panjabi in both its scripts (Gurmukhi, then Shahmukhi, pa_PK:
  // docs/decisions.md), then Turkish and Persian. Each must have a catalogue in po/LINGUAS.
  static const std::vector<Language> kLanguages = {
      {"en", "English", "English"},
      {"cy", "Cymraeg", "Welsh"},
      {"pl", "Polski", "Polish"},
      {"ro", "Română", "Romanian"},
      {"pa", "ਪੰਜਾਬੀ", "Panjabi (Gurmukhi)"},
      {"pa_PK", "پنجابی", "Panjabi (Shahmukhi)"},
      {"ur", "اردو", "Urdu"},
      {"pt", "Português", "Portuguese"},
      {"es", "Español", "Spanish"},
      {"ar", "العربية", "Arabic"},
      {"bn", "বাংলা", "Bengali"},
      {"gu", "ગુજરાતી", "Gujarati"},
      {"it", "Italiano", "Italian"},
      {"fr", "Français", "French"},
      {"zh_CN", "简体中文", "Chinese (Simplified)"},
      {"lt", "Lietuvių", "Lithuanian"},
      {"ta", "தமிழ்", "Tamil"},
      {"tr", "Türkçe", "Turkish"},
      {"fa", "فارسی", "Persian"},
  };
  return kLanguages;
}

std::string languageListLabel(const Language& l) {
  return l.name == l.english ? l.name : l.name + " \u2014 " + l.english;
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

std::string languageButtonLabel(size_t namesShown) {
  namesShown = std::max<size_t>(namesShown, 1);
  std::string label = currentLanguageName();
  size_t shown = 1;
  for (const auto& l : languages()) {
    if (l.code == current() || shown == namesShown) continue;
    label += " \u00B7 " + l.name;
    ++shown;
  }
  if (languages().size() > namesShown) label += " \u2026";
  return label;
}

std::string currentLanguageName() {
  for (const auto& l : languages())
    if (l.code == current()) return l.name;
  return "English";
}

}  // namespace longstop::ui
