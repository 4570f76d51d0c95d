#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

#include "ui/theme.h"

namespace longstop::ui {
namespace {
WidgetLog* gLog = nullptr;

void record(std::string_view label, ImVec2 min, ImVec2 max, bool clickable, bool enabled) {
  if (!gLog || label.empty()) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 cmin = dl->GetClipRectMin();
  ImVec2 cmax = dl->GetClipRectMax();
  ImVec2 display = ImGui::GetIO().DisplaySize;
  ImVec2 c((min.x + max.x) / 2, (min.y + max.y) / 2);
  bool visible = c.x >= std::max(cmin.x, 0.0f) && c.y >= std::max(cmin.y, 0.0f) &&
                 c.x <= std::min(cmax.x, display.x) && c.y <= std::min(cmax.y, display.y);
  gLog->add({std::string(label), min, max, clickable, enabled, visible});
}

struct Palette {
  ImU32 fill, text, edge;
};

Palette paletteFor(ButtonStyle style, bool hovered, bool active, bool enabled) {
  if (!enabled) return {colour::kDisabled, colour::kText, colour::kGreyBorder};
  switch (style) {
    case ButtonStyle::kPrimary:
      return {active ? colour::kDarkBlue : colour::kBlue, colour::kTextOnDark, colour::kDarkBlue};
    case ButtonStyle::kSecondary:
      return {active ? colour::kPaleBlue : colour::kBackground, colour::kBlue, colour::kBlue};
    case ButtonStyle::kSelected:
      return {colour::kDarkBlue, colour::kTextOnDark, colour::kYellow};
    case ButtonStyle::kUrgent:
      return {active ? colour::kDarkRed : colour::kRed, colour::kTextOnDark, colour::kDarkRed};
    case ButtonStyle::kKey:
      return {active || hovered ? colour::kPaleBlue : colour::rgb(0xF0F4F5), colour::kText,
              colour::kGreyBorder};
  }
  return {colour::kBlue, colour::kTextOnDark, colour::kDarkBlue};
}

// Draws `s` centred in [min,max], shrinking the font (never below 60%) rather than clipping it.
void drawCentred(ImDrawList* dl, std::string_view s, ImVec2 min, ImVec2 max, ImFont* font, ImU32 col) {
  float size = font->FontSize;
  float avail = (max.x - min.x) - theme().basePx * 0.4f;
  ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size());
  if (ts.x > avail && ts.x > 0) {
    size = std::max(size * 0.6f, size * avail / ts.x);
    ts = font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size());
  }
  ImVec2 pos(std::floor(min.x + (max.x - min.x - ts.x) / 2), std::floor(min.y + (max.y - min.y - ts.y) / 2));
  dl->AddText(font, size, pos, col, s.data(), s.data() + s.size());
}
}  // namespace

void setWidgetLog(WidgetLog* log) {
  gLog = log;
}
WidgetLog* widgetLog() {
  return gLog;
}

const WidgetRecord* WidgetLog::findClickable(std::string_view label) const {
  const WidgetRecord* partial = nullptr;
  int partialCount = 0;
  for (const auto& w : widgets_) {
    if (!w.clickable || !w.visible) continue;
    if (w.label == label) return &w;
    if (w.label.find(label) != std::string::npos) {
      partial = &w;
      ++partialCount;
    }
  }
  return partialCount == 1 ? partial : nullptr;
}

bool WidgetLog::showsText(std::string_view needle) const {
  return std::any_of(widgets_.begin(), widgets_.end(), [&](const WidgetRecord& w) {
    return w.visible && w.label.find(needle) != std::string::npos;
  });
}

std::string WidgetLog::describe() const {
  std::string out;
  for (const auto& w : widgets_) {
    if (!w.visible) continue;
    out += w.clickable ? "  [" + w.label + "]" : "  " + w.label;
    out += '\n';
  }
  return out;
}

float buttonWidth(std::string_view label) {
  ImVec2 ts = measure(label, theme().body());
  return std::max(theme().target(), ts.x + theme().basePx * 1.6f);
}

bool button(std::string_view label, const ImVec2& size, ButtonStyle style, bool enabled, const char* id) {
  std::string key = id ? std::string(id) : std::string(label);
  ImVec2 min = ImGui::GetCursorScreenPos();
  ImVec2 max(min.x + size.x, min.y + size.y);
  if (!enabled) ImGui::BeginDisabled();
  bool pressed = ImGui::InvisibleButton(key.c_str(), size);
  bool hovered = ImGui::IsItemHovered();
  bool active = ImGui::IsItemActive();
  if (!enabled) ImGui::EndDisabled();
  Palette p = paletteFor(style, hovered, active, enabled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float rounding = theme().basePx * 0.2f;
  dl->AddRectFilled(min, max, p.fill, rounding);
  float edge = style == ButtonStyle::kSelected ? theme().basePx * 0.15f : theme().basePx * 0.06f;
  dl->AddRect(min, max, p.edge, rounding, 0, std::max(2.0f, edge));
  drawCentred(dl, label, min, max, theme().body(), p.text);
  record(label, min, max, true, enabled);
  return pressed && enabled;
}

ImVec2 measure(std::string_view s, ImFont* font) {
  if (!font) font = theme().body();
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size());
}

void text(std::string_view s, ImFont* font, ImU32 col) {
  if (!font) font = theme().body();
  if (!col) col = colour::kText;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 ts = measure(s, font);
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, col, s.data(), s.data() + s.size());
  ImGui::Dummy(ts);
  record(s, pos, ImVec2(pos.x + ts.x, pos.y + ts.y), false, true);
}

void textCentred(std::string_view s, float x0, float x1, float y, ImFont* font, ImU32 col) {
  if (!font) font = theme().body();
  ImVec2 ts = measure(s, font);
  ImGui::SetCursorScreenPos(ImVec2(std::floor(x0 + std::max(0.0f, (x1 - x0 - ts.x) / 2)), y));
  text(s, font, col);
}

float textWrapped(std::string_view s, float width, ImFont* font, ImU32 col) {
  if (!font) font = theme().body();
  if (!col) col = colour::kText;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, s.data(), s.data() + s.size());
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, col, s.data(), s.data() + s.size(), width);
  ImGui::Dummy(ImVec2(width, ts.y));
  record(s, pos, ImVec2(pos.x + ts.x, pos.y + ts.y), false, true);
  return ts.y;
}

bool field(std::string_view label, std::string_view value, const ImVec2& boxSize, bool focused,
           const char* id) {
  ImVec2 top = ImGui::GetCursorScreenPos();
  text(label);
  ImGui::SetCursorScreenPos(ImVec2(top.x, ImGui::GetCursorScreenPos().y));
  ImVec2 min = ImGui::GetCursorScreenPos();
  std::string key = std::string("field:") + (id ? id : std::string(label));
  bool pressed = ImGui::InvisibleButton(key.c_str(), boxSize);
  ImVec2 max(min.x + boxSize.x, min.y + boxSize.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float t = theme().basePx;
  dl->AddRectFilled(min, max, colour::kBackground);
  if (focused) {
    dl->AddRect(min, max, colour::kText, 0, 0, t * 0.2f);
    dl->AddRect(ImVec2(min.x - t * 0.1f, min.y - t * 0.1f), ImVec2(max.x + t * 0.1f, max.y + t * 0.1f),
                colour::kYellow, 0, 0, t * 0.12f);
  } else {
    dl->AddRect(min, max, colour::kGreyBorder, 0, 0, t * 0.08f);
  }
  ImFont* font = theme().body();
  std::string shown(value);
  if (focused) shown += "|";
  ImVec2 ts = measure(shown, font);
  ImVec2 pos(min.x + t * 0.3f, std::floor(min.y + (boxSize.y - ts.y) / 2));
  dl->PushClipRect(min, max, true);
  dl->AddText(font, font->FontSize, pos, colour::kText, shown.data(), shown.data() + shown.size());
  dl->PopClipRect();
  if (!value.empty()) record(value, pos, ImVec2(pos.x + ts.x, pos.y + ts.y), false, true);
  (void)top;
  record(label, min, max, true, true);  // the tappable box, labelled by what is written above it
  return pressed;
}

}  // namespace longstop::ui
