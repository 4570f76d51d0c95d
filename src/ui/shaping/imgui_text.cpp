#include "ui/shaping/imgui_text.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/utf8.h"
#include "ui/i18n.h"
#include "ui/shaping/text_cache.h"
#include "ui/theme.h"

namespace longstop::ui::shaping {
namespace {
std::string& scopeLanguage() {
  static std::string lang;
  return lang;
}
bool& scopeLtr() {
  static bool ltr = false;
  return ltr;
}

Style styleFor(ImFont* font, float px) {
  const Fonts& f = theme().fonts;
  Style s;
  s.px = px;
  s.bold = font && (font == f.heading || font == f.headingLarger || font == f.huge);
  s.lang = readerLanguage();
  s.leftToRight = scopeLtr();
  return s;
}

const std::vector<std::string>& linesOf(std::string_view s, const Style& style, float wrap) {
  return cache().wrapped(s, style, wrap > 0 ? wrap : FLT_MAX);
}
}  // namespace

std::string readerLanguage() {
  return scopeLanguage().empty() ? currentLanguage() : scopeLanguage();
}

bool rightToLeft() {
  return isRtlLanguage(currentLanguage());
}

LanguageScope::LanguageScope(std::string lang, bool leftToRight)
    : previous_(std::move(scopeLanguage())), previousLtr_(scopeLtr()) {
  scopeLanguage() = std::move(lang);
  scopeLtr() = leftToRight;
}
LanguageScope::~LanguageScope() {
  scopeLanguage() = std::move(previous_);
  scopeLtr() = previousLtr_;
}

bool atlasDraws(ImFont* font, std::string_view s) {
  if (!font) return true;
  size_t pos = 0;
  while (pos < s.size()) {
    int32_t c = core::nextCodePoint(s, pos);
    if (c == '\n' || c == '\r') continue;
    if (c < 0 || c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
  }
  return true;
}

ImVec2 textSize(ImFont* font, float px, std::string_view s, float wrap) {
  if (atlasDraws(font, s)) return font->CalcTextSizeA(px, FLT_MAX, wrap, s.data(), s.data() + s.size());
  const Style style = styleFor(font, px);
  const int frame = ImGui::GetFrameCount();
  float w = 0, h = 0;
  const auto& lines = linesOf(s, style, wrap);
  for (const std::string& l : lines) {
    const Line& line = cache().line(l, style, frame).line;
    w = std::max(w, line.width);
    h += lines.size() == 1 ? px : line.advance;  // one line is the box, as ImGui measures it
  }
  return ImVec2(w, h);
}

std::pair<ImVec2, ImVec2> drawText(ImDrawList* dl, ImFont* font, float px, ImVec2 pos, ImU32 col,
                                   std::string_view s, float wrap) {
  if (atlasDraws(font, s)) {
    ImVec2 ts = font->CalcTextSizeA(px, FLT_MAX, wrap, s.data(), s.data() + s.size());
    dl->AddText(font, px, pos, col, s.data(), s.data() + s.size(), wrap);
    return {pos, ImVec2(pos.x + ts.x, pos.y + ts.y)};
  }
  const Style style = styleFor(font, px);
  const int frame = ImGui::GetFrameCount();
  ImVec2 min(FLT_MAX, pos.y), max(-FLT_MAX, pos.y);
  float y = pos.y;
  const auto& lines = linesOf(s, style, wrap);
  for (const std::string& l : lines) {
    const CachedLine& c = cache().drawn(l, style, frame);
    const float x = c.line.rtl && wrap > 0 ? pos.x + wrap - c.line.width : pos.x;
    if (c.texture) {
      ImVec2 a(std::round(x) + float(c.geometry.left), std::round(y) + float(c.geometry.top));
      dl->AddImage(c.texture, a, ImVec2(a.x + float(c.geometry.w), a.y + float(c.geometry.h)), ImVec2(0, 0),
                   ImVec2(1, 1), col);
    }
    min.x = std::min(min.x, x);
    max.x = std::max(max.x, x + c.line.width);
    y += lines.size() == 1 ? px : c.line.advance;
  }
  if (min.x > max.x) min.x = max.x = pos.x;
  max.y = y;
  return {min, max};
}

}  // namespace longstop::ui::shaping
