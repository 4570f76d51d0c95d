// Choosing the language every patient screen is shown in.
#pragma once

#include <string>
#include <utility>

namespace longstop::ui {

struct LanguageView {
  std::string current;  // "en"
};

struct LanguageIntent {
  enum class Kind { kNone, kBack, kChoose };
  Kind kind = Kind::kNone;
  std::string code;

  LanguageIntent(Kind k = Kind::kNone, std::string c = {}) : kind(k), code(std::move(c)) {}
};

LanguageIntent drawLanguage(const LanguageView& v);

}  // namespace longstop::ui
