#include "ui/screens/language.h"

#include <algorithm>
#include <cmath>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/shaping/imgui_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

namespace {
// The label of the button that turns to the list's next page: the names there, in their own languages
// (a patient who cannot read the current language still finds theirs), as many as show at full size.
std::string moreLabel(size_t from, float width, float height) {
  const Theme& t = theme();
  const auto& langs = languages();
  std::string label;
  for (size_t i = from; i < langs.size(); ++i) {
    std::string next = label.empty() ? langs[i].name : label + " \u00b7 " + langs[i].name;
    std::string shown = next + (i + 1 < langs.size() ? " \u2026 \u2192" : " \u2192");
    if (!label.empty() && fitLabel(shown, ImVec2(width - t.basePx * 0.4f, height - t.basePx * 0.15f)).size <
                              t.body()->FontSize - 0.01f)
      break;
    label = next;
  }
  return label + " \u2026 \u2192";
}
}  // namespace

LanguageIntent drawLanguage(const LanguageView& v) {
  const Theme& t = theme();
  Rect area;
  LanguageIntent intent;
  const auto& langs = languages();
  const Rect d = displayRect();
  // As many columns as fit with every name at full size (larger text has fewer), the buttons a touch
  // target tall, less on a short screen (never below a fingertip).
  const float colGap = t.gap() * 2;
  // A name with its English name may take two lines ("ਪੰਜਾਬੀ —" over "Panjabi (Gurmukhi)").
  float widest = 0;
  for (const auto& lang : langs) {
    shaping::LanguageScope reader(lang.code, true);
    const float whole = buttonWidth(languageListLabel(lang));
    widest = std::max(widest, lang.name == lang.english
                                  ? whole
                                  : std::min(whole, std::max(buttonWidth(lang.name + " \u2014"),
                                                             buttonWidth(lang.english))));
  }
  const float width = d.width() - 2 * t.margin();
  const int fitCols = std::max(1, static_cast<int>((width + colGap) / (std::min(widest, width) + colGap)));
  const bool shortScreen = d.height() < 600;
  float h = shortScreen && t.largerText ? std::max(kMinButtonPx, t.target() * 0.8f) : t.target();
  // Larger text on a tall screen: room for a name and its English name on two lines at full size.
  if (t.largerText && !shortScreen) h = std::max(h, std::ceil(t.body()->FontSize * 2 + t.basePx * 0.3f));
  const float rowH = h + t.gap() * 2;
  const float noteH = t.body()->FontSize + t.gap();
  if (drawChrome(tr("Choose your language"), true, false, &area, rowH * 2 + noteH) == Nav::kBack)
    intent.kind = LanguageIntent::Kind::kBack;
  // A grid, as many rows as fit above the interpreter note; each name in its own language. When they do
  // not all fit at full size (larger text on a short screen), pages: the last place on each turns to
  // the next page, named by the languages there; no language is ever out of view on its page.
  const int n = static_cast<int>(langs.size());
  const float noteRoom =
      measureWrapped(tr("If you need an interpreter, please tell reception."), area.width()).y;
  // With larger text the note may keep one line in view (it scrolls), so more languages share a page.
  const float noteKeeps = t.largerText ? std::min(noteRoom, noteH) : std::min(noteRoom, noteH * 2);
  int rows = std::max(1, static_cast<int>((area.height() - noteKeeps + t.gap() * 2) / rowH));
  int cols = std::max(1, std::min(fitCols, (n + rows - 1) / rows));
  // Normal text: one page, as before, while every name still fits its button at full size.
  bool wide = t.largerText;
  if (!t.largerText) {
    const int onePage = (n + rows - 1) / rows;
    const float w1 = std::min(t.basePx * 12, (area.width() - colGap * (onePage - 1)) / onePage);
    bool allFit = true;
    for (const auto& lang : langs) {
      shaping::LanguageScope reader(lang.code, true);
      allFit = allFit &&
               fitLabel(languageListLabel(lang), ImVec2(w1 - t.basePx * 0.4f, h - t.basePx * 0.15f)).size >=
                   t.body()->FontSize - 0.01f;
    }
    if (allFit) cols = onePage;
    wide = !allFit;
  }
  const bool paged = rows * cols < n;
  const int perPage = paged ? std::max(1, rows * cols - 1) : n;
  const int pages = (n + perPage - 1) / perPage;
  const int page = std::clamp(v.page, 0, pages - 1);
  const int first = page * perPage, count = std::min(perPage, n - first);
  const int slots = count + (paged ? 1 : 0);
  rows = std::min(rows, (slots + cols - 1) / cols);
  float w = std::min(t.basePx * 12, (area.width() - colGap * (cols - 1)) / cols);
  if (wide) w = std::max(w, std::min(widest, (area.width() - colGap * (cols - 1)) / cols));
  float x0 = area.min.x + std::max(0.0f, (area.width() - cols * w - (cols - 1) * colGap) / 2);
  // Column by column, from the right when the patient's language reads right to left.
  auto at = [&](int slot) {
    return ImVec2(mirrorX(x0 + (slot / rows) * (w + colGap), w), area.min.y + (slot % rows) * rowH);
  };
  for (int i = 0; i < count; ++i) {
    const auto& lang = langs[size_t(first + i)];
    ImGui::SetCursorScreenPos(at(i));
    ButtonStyle style = lang.code == v.current ? ButtonStyle::kSelected : ButtonStyle::kSecondary;
    shaping::LanguageScope reader(lang.code,
                                  true);  // each name shaped as its readers write it (Nastaliq for Urdu)
    if (button(languageListLabel(lang), ImVec2(w, h), style, true, lang.code.c_str()))
      intent = {LanguageIntent::Kind::kChoose, lang.code};
  }
  if (paged) {
    ImGui::SetCursorScreenPos(at(count));
    const size_t next = page + 1 < pages ? size_t(first + count) : 0;
    if (button(moreLabel(next, w, h), ImVec2(w, h), ButtonStyle::kPrimary, true, "language-more"))
      intent = {LanguageIntent::Kind::kMore, {}, page + 1 < pages ? page + 1 : 0};
  }
  float y = area.min.y + rows * rowH;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  scrollingText(tr("If you need an interpreter, please tell reception."),
                ImVec2(area.width(), std::max(t.body()->FontSize, area.max.y - y)), "language-note");
  return intent;
}

}  // namespace longstop::ui
