// Choosing the language every patient screen is shown in.
#pragma once

#include <string>
#include <utility>

namespace longstop::ui {

struct LanguageView {
  std::string current;  // "en"
  int page = 0;         // of the list, when the languages need more than one screen (larger text)
};

struct LanguageIntent {
  enum class Kind { kNone, kBack, kChoose, kMore };  // kMore: the list's next page
  Kind kind = Kind::kNone;
  std::string code;
  int page = 0;  // for kMore: the page to show

  LanguageIntent(Kind k = Kind::kNone, std::string c = {}, int p = 0)
      : kind(k), code(std::move(c)), page(p) {}
};

LanguageIntent drawLanguage(const LanguageView& v);

}  // namespace longstop::ui
