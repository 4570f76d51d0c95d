// The translation layer for everything a patient reads. English is the source language; the other
// languages are gettext catalogues (po/*.po, compiled to .mo by meson's i18n module) keyed by the
// English text. The .mo files are read here directly rather than through libintl's setlocale():
// a kiosk image generates no locales, and each patient may pick a different language (docs/languages.md).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace longstop::ui {

/// The text to show for `english` in the current language. Returns `english` when there is no
/// translation. The pointer stays valid for the life of the program.
const char* tr(const char* english);
/// The same in a named language, whatever the current one is (tests, the language list).
const char* trIn(std::string_view code, const char* english);

/// Fills `{name}` placeholders in an already translated pattern. Named placeholders let a translator
/// move them around: "Your appointment at {time} with {clinician}".
std::string fill(std::string_view pattern,
                 const std::vector<std::pair<std::string_view, std::string>>& values);

struct Language {
  std::string code;     // "en"
  std::string name;     // in its own language and script: "English", "Polski", "اردو"
  std::string english;  // its English name: "Urdu", "Panjabi (Shahmukhi)"
};

/// How the language list names it: in its own script and in English, "اردو — Urdu" ("English" alone).
std::string languageListLabel(const Language& l);

/// The languages a patient can choose; English is always first.
const std::vector<Language>& languages();
/// Switches the language; an unknown code falls back to English. Returns the code in force.
std::string setLanguage(std::string_view code);
std::string currentLanguage();
/// The current language's own name ("Cymraeg").
std::string currentLanguageName();
/// What the language button says, in the languages' own names so that a patient who reads no English
/// finds theirs: the current one first, then the next few, "English · Cymraeg · Polski · Română …".
/// `namesShown` (at least 1) caps how many names it lists before the "…".
std::string languageButtonLabel(size_t namesShown = 4);

/// Where the compiled catalogues are looked for, first match wins: $LONGSTOP_LOCALEDIR, the build
/// tree's po/ (an uninstalled run), then the installed locale directory. `<dir>/<code>/LC_MESSAGES/
/// longstop.mo`.
std::vector<std::filesystem::path> catalogueDirs();
/// Test only: read catalogues from `dir` instead (and forget those already read).
void TEST_setCatalogueDir(const std::filesystem::path& dir);
/// Every translation in the catalogue for `code` (for the glyph coverage test).
std::vector<std::string> catalogueTexts(std::string_view code);
/// How many translations the catalogue for `code` holds (0 when it was not found).
size_t catalogueSize(std::string_view code);

}  // namespace longstop::ui
