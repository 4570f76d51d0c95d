// Text for the screens. ImGui's atlas draws what it has glyphs for (the Latin-script languages, as
// before); anything else (Urdu, Bengali, Chinese, ...) is shaped by the engine (shaper.h) and drawn
// from its cache as an image, so every widget measures and draws through these two functions.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <imgui.h>

namespace longstop::ui::shaping {

/// True when `font` has an atlas glyph for every character of `s` (then ImGui draws it).
bool atlasDraws(ImFont* font, std::string_view s);

/// The size of `s` drawn in `font` at `px`, wrapped at `wrap` (0: lines only where it has '\n').
ImVec2 textSize(ImFont* font, float px, std::string_view s, float wrap = 0);

/// Draws `s` with its top-left corner at `pos`; a right-to-left paragraph's lines are aligned to the
/// right of `wrap`. Returns the rectangle its lines take.
std::pair<ImVec2, ImVec2> drawText(ImDrawList* dl, ImFont* font, float px, ImVec2 pos, ImU32 col,
                                   std::string_view s, float wrap = 0);

/// The reader's language for text measured and drawn now: the current catalogue's, unless a
/// LanguageScope is open (the language list draws each name in its own).
std::string readerLanguage();
/// True when the screens are laid out right to left (Back on the right, progress from the right).
bool rightToLeft();

/// While it lives, text is shaped for a reader of `lang`; with `leftToRight`, every paragraph reads
/// left to right (the language list's "اردو — Urdu": its own name first, as in the English list).
class LanguageScope {
 public:
  explicit LanguageScope(std::string lang, bool leftToRight = false);
  ~LanguageScope();
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;

 private:
  std::string previous_;
  bool previousLtr_;
};

}  // namespace longstop::ui::shaping
