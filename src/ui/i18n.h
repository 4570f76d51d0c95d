// The translation layer for everything a patient reads. English is the source language; other
// languages arrive later as gettext-style catalogues keyed by the English text.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace longstop::ui {

/// The text to show for `english` in the current language. Returns `english` when there is no
/// translation. The pointer stays valid for the life of the program.
const char* tr(const char* english);

/// Fills `{name}` placeholders in an already translated pattern. Named placeholders let a translator
/// move them around: "Your appointment at {time} with {clinician}".
std::string fill(std::string_view pattern,
                 const std::vector<std::pair<std::string_view, std::string>>& values);

struct Language {
  std::string code;  // "en"
  std::string name;  // in its own language: "English", "Polski"
};

/// The languages a patient can choose; English is always first.
const std::vector<Language>& languages();
/// Switches the language; an unknown code falls back to English. Returns the code in force.
std::string setLanguage(std::string_view code);
std::string currentLanguage();

}  // namespace longstop::ui
