#include "ui/screens/language.h"

#include <algorithm>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

LanguageIntent drawLanguage(const LanguageView& v) {
  const Theme& t = theme();
  Rect area;
  LanguageIntent intent;
  if (drawChrome(tr("Choose your language"), true, false, &area) == Nav::kBack)
    intent.kind = LanguageIntent::Kind::kBack;
  // A grid, as many rows as fit above the interpreter note; each name in its own language.
  const auto& langs = languages();
  int n = static_cast<int>(langs.size());
  float rowH = t.target() + t.gap() * 2;
  float noteH = measure("W").y * 2 + t.gap();
  int rows = std::max(1, static_cast<int>((area.height() - noteH) / rowH));
  int cols = (n + rows - 1) / rows;
  rows = (n + cols - 1) / cols;
  float colGap = t.gap() * 2;
  float w = std::min(t.basePx * 12, (area.width() - colGap * (cols - 1)) / cols);
  float x0 = area.min.x + std::max(0.0f, (area.width() - cols * w - (cols - 1) * colGap) / 2);
  for (int i = 0; i < n; ++i) {
    const auto& lang = langs[size_t(i)];
    int r = i % rows, c = i / rows;
    ImGui::SetCursorScreenPos(ImVec2(x0 + c * (w + colGap), area.min.y + r * rowH));
    ButtonStyle style = lang.code == v.current ? ButtonStyle::kSelected : ButtonStyle::kSecondary;
    if (button(lang.name, ImVec2(w, t.target()), style, true, lang.code.c_str()))
      intent = {LanguageIntent::Kind::kChoose, lang.code};
  }
  float y = area.min.y + rows * rowH;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  textWrapped(tr("If you need an interpreter, please tell reception."), area.width());
  return intent;
}

}  // namespace longstop::ui
