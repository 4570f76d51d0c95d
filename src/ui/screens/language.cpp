#include "ui/screens/language.h"

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
  float y = area.min.y;
  for (const auto& lang : languages()) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    ButtonStyle style = lang.code == v.current ? ButtonStyle::kSelected : ButtonStyle::kSecondary;
    if (button(lang.name, ImVec2(std::min(area.width(), t.basePx * 12), t.target()), style, true,
               lang.code.c_str()))
      intent = {LanguageIntent::Kind::kChoose, lang.code};
    y += t.target() + t.gap() * 2;
  }
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y + t.gap()));
  textWrapped(tr("More languages are coming. If you need an interpreter, please tell reception."),
              area.width());
  return intent;
}

}  // namespace longstop::ui
