#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "ui/guide.h"
#include "ui/shaping/imgui_text.h"
#include "ui/theme.h"

namespace longstop::ui {
namespace {
WidgetLog* gLog = nullptr;
// The scrolling texts drawn in the last frames, by id: how far each is scrolled and what it showed (a
// new text starts at its top, and a text not drawn in the frame before forgets its position).
struct Scroll {
  std::string shown;
  float offset = 0;
  int frame = -1;
};
std::vector<std::pair<std::string, Scroll>> gScrolls;

Scroll& scrollFor(const std::string& id) {
  for (auto& [k, v] : gScrolls)
    if (k == id) return v;
  gScrolls.emplace_back(id, Scroll{});
  return gScrolls.back().second;
}

// Records a widget whose label was drawn at `text` inside `room` (both default to its rectangle).
void record(WidgetRecord r) {
  if (!gLog || r.label.empty()) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 cmin = dl->GetClipRectMin();
  ImVec2 cmax = dl->GetClipRectMax();
  ImVec2 display = ImGui::GetIO().DisplaySize;
  ImVec2 c = r.centre();
  r.visible = c.x >= std::max(cmin.x, 0.0f) && c.y >= std::max(cmin.y, 0.0f) &&
              c.x <= std::min(cmax.x, display.x) && c.y <= std::min(cmax.y, display.y);
  gLog->add(std::move(r));
}

void record(std::string_view label, ImVec2 min, ImVec2 max, bool clickable, bool enabled, float px) {
  WidgetRecord r;
  r.textPx = px;
  r.label = std::string(label);
  r.min = min;
  r.max = max;
  r.clickable = clickable;
  r.enabled = enabled;
  record(std::move(r));
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

float lineWidth(ImFont* font, std::string_view s) {
  return shaping::textSize(font, font->FontSize, s).x;
}

// Draws a fitted label centred in [min,max]; returns where the text went.
std::pair<ImVec2, ImVec2> drawCentred(ImDrawList* dl, const FittedLabel& f, ImVec2 min, ImVec2 max,
                                      ImFont* font, ImU32 col) {
  ImVec2 tmin(std::floor(min.x + (max.x - min.x - f.extent.x) / 2),
              std::floor(min.y + (max.y - min.y - f.extent.y) / 2));
  float y = tmin.y;
  for (const std::string& line : f.lines) {
    if (line.empty()) continue;
    float w = shaping::textSize(font, f.size, line).x;
    shaping::drawText(dl, font, f.size, ImVec2(std::floor(min.x + (max.x - min.x - w) / 2), y), col, line);
    y += f.size;
  }
  return {tmin, ImVec2(tmin.x + f.extent.x, tmin.y + f.extent.y)};
}
}  // namespace

void setWidgetLog(WidgetLog* log) {
  gLog = log;
}
WidgetLog* widgetLog() {
  return gLog;
}

void WidgetLog::add(WidgetRecord r) {
  if (r.textMax.x == 0 && r.textMax.y == 0) {
    r.textMin = r.min;
    r.textMax = r.max;
  }
  if (r.roomMax.x == 0 && r.roomMax.y == 0) r.roomMax = ImGui::GetIO().DisplaySize;
  widgets_.push_back(std::move(r));
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

FittedLabel fitLabel(std::string_view s, ImVec2 box, ImFont* font, bool allowTwoLines) {
  if (!font) font = theme().body();
  const float full = font->FontSize;
  float oneLine = std::max(1.0f, lineWidth(font, s));
  float scale = std::min({1.0f, box.x / oneLine, box.y / full});
  FittedLabel out;
  out.lines[0] = std::string(s);
  float widest = oneLine;
  if (scale < 1.0f && allowTwoLines) {
    // The space that makes the longer of the two lines shortest.
    size_t bestAt = std::string_view::npos;
    float bestW = FLT_MAX;
    for (size_t i = s.find(' '); i != std::string_view::npos; i = s.find(' ', i + 1)) {
      float w = std::max(lineWidth(font, s.substr(0, i)), lineWidth(font, s.substr(i + 1)));
      if (w < bestW) {
        bestW = w;
        bestAt = i;
      }
    }
    float twoLines =
        bestAt == std::string_view::npos ? 0 : std::min({1.0f, box.x / bestW, box.y / (2 * full)});
    if (twoLines > scale) {
      scale = twoLines;
      widest = bestW;
      out.lines[0] = std::string(s.substr(0, bestAt));
      out.lines[1] = std::string(s.substr(bestAt + 1));
    }
  }
  out.fits = scale >= kMinLabelScale - 1e-4f;
  scale = std::max(scale, kMinLabelScale);
  out.size = full * scale;
  out.extent = ImVec2(widest * scale, out.size * (out.lines[1].empty() ? 1 : 2));
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
  // With spoken guidance on, a first touch says the label and a second one acts (ui/guide.h).
  GuidedControl guided{pressed, false};
  if (Guide* g = guide()) guided = g->control(label, pressed && enabled, style == ButtonStyle::kKey);
  pressed = guided.act;
  Palette p = paletteFor(style, hovered, active, enabled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float rounding = theme().basePx * 0.2f;
  dl->AddRectFilled(min, max, p.fill, rounding);
  float edge = style == ButtonStyle::kSelected ? theme().basePx * 0.15f : theme().basePx * 0.06f;
  dl->AddRect(min, max, p.edge, rounding, 0, std::max(2.0f, edge));
  if (guided.focused) {
    // The keypad's focus: thick black inside thick yellow, seen on any fill and in high contrast.
    const float t = theme().basePx;
    dl->AddRect(min, max, colour::kText, rounding, 0, t * 0.2f);
    dl->AddRect(ImVec2(min.x - t * 0.12f, min.y - t * 0.12f), ImVec2(max.x + t * 0.12f, max.y + t * 0.12f),
                colour::kYellow, rounding, 0, t * 0.16f);
  }
  // The label keeps a comfortable margin inside the edge, giving it up (down to just clear of the edge)
  // before it would shrink below the floor.
  ImVec2 inner(size.x - theme().basePx * 0.4f, size.y - theme().basePx * 0.15f);
  FittedLabel fitted = fitLabel(label, inner, theme().body());
  float clear = 2 * (std::max(2.0f, edge) + 1);
  if (!fitted.fits) fitted = fitLabel(label, ImVec2(size.x - clear, size.y - clear), theme().body());
  auto [tmin, tmax] = drawCentred(dl, fitted, min, max, theme().body(), p.text);
  WidgetRecord r;
  r.label = std::string(label);
  r.min = min;
  r.max = max;
  r.clickable = true;
  r.enabled = enabled;
  r.roomMin = min;
  r.roomMax = max;
  r.textMin = tmin;
  r.textMax = tmax;
  r.textScale = fitted.size / theme().body()->FontSize;
  r.textPx = fitted.size;
  record(std::move(r));
  return pressed && enabled;
}

ImVec2 measure(std::string_view s, ImFont* font) {
  if (!font) font = theme().body();
  return shaping::textSize(font, font->FontSize, s);
}

void text(std::string_view s, ImFont* font, ImU32 col) {
  if (!font) font = theme().body();
  if (!col) col = colour::kText;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 ts = measure(s, font);
  shaping::drawText(ImGui::GetWindowDrawList(), font, font->FontSize, pos, col, s);
  ImGui::Dummy(ts);
  record(s, pos, ImVec2(pos.x + ts.x, pos.y + ts.y), false, true, font->FontSize);
}

void textCentred(std::string_view s, float x0, float x1, float y, ImFont* font, ImU32 col) {
  if (!font) font = theme().body();
  ImVec2 ts = measure(s, font);
  ImGui::SetCursorScreenPos(ImVec2(std::floor(x0 + std::max(0.0f, (x1 - x0 - ts.x) / 2)), y));
  text(s, font, col);
}

float textWrapped(std::string_view s, float width, ImFont* font, ImU32 col, float size) {
  if (!font) font = theme().body();
  if (!col) col = colour::kText;
  if (size <= 0) size = font->FontSize;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 ts = shaping::textSize(font, size, s, width);
  auto [tmin, tmax] = shaping::drawText(ImGui::GetWindowDrawList(), font, size, pos, col, s, width);
  ImGui::Dummy(ImVec2(width, ts.y));
  WidgetRecord r;
  r.label = std::string(s);
  r.min = tmin;
  r.max = ImVec2(tmax.x, pos.y + ts.y);
  r.textScale = size / font->FontSize;
  r.textPx = size;
  record(std::move(r));
  return ts.y;
}

ImVec2 measureWrapped(std::string_view s, float width, ImFont* font) {
  if (!font) font = theme().body();
  return shaping::textSize(font, font->FontSize, s, width);
}

float scrollingText(std::string_view s, ImVec2 room, const char* id, ImFont* font, ImU32 col, float size) {
  if (!font) font = theme().body();
  if (!col) col = colour::kText;
  if (size <= 0) size = font->FontSize;
  const Theme& t = theme();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 ts = shaping::textSize(font, size, s, room.x);
  const bool scrolls = ts.y > room.y + 0.5f;
  // Room for the cue at the right edge when it scrolls.
  const float cueW = std::max(4.0f, t.basePx * 0.25f);
  const float textW = scrolls ? room.x - cueW - t.gap() : room.x;
  if (scrolls) ts = shaping::textSize(font, size, s, textW);
  const float shownH = std::min(ts.y, room.y);
  const ImVec2 max(pos.x + room.x, pos.y + shownH);
  Scroll& sc = scrollFor(id);
  if (sc.shown != s || sc.frame < ImGui::GetFrameCount() - 1) sc = {std::string(s), 0, 0};
  sc.frame = ImGui::GetFrameCount();
  if (scrolls) {
    // The finger drags the words (as on a phone); the mouse wheel works too.
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 start = io.MouseClickedPos[0];
    const bool startedHere = start.x >= pos.x && start.x < max.x && start.y >= pos.y && start.y < max.y;
    const float threshold = std::max(6.0f, t.basePx * 0.3f);
    if (startedHere && io.MouseDown[0] && io.MouseDragMaxDistanceSqr[0] >= threshold * threshold)
      sc.offset -= io.MouseDelta.y;
    const ImVec2 m = io.MousePos;
    if (io.MouseWheel != 0 && m.x >= pos.x && m.x < max.x && m.y >= pos.y && m.y < max.y)
      sc.offset -= io.MouseWheel * size * 2;
    sc.offset = std::clamp(sc.offset, 0.0f, ts.y - shownH);
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Clipped only when it scrolls: Nastaliq's strokes climb above their line's box.
  // Right to left, the cue is at the left edge and the words end at the right one, where reading starts.
  const bool cueLeft = scrolls && shaping::rightToLeft();
  const float textX = cueLeft ? max.x - textW : pos.x;
  if (scrolls) dl->PushClipRect(pos, max, true);
  auto [tmin, tmax] = shaping::drawText(dl, font, size, ImVec2(textX, pos.y - sc.offset), col, s, textW);
  if (scrolls) dl->PopClipRect();
  if (scrolls) {
    // The cue: a track the height of the window and a thumb showing which part is in view.
    const float x0 = cueLeft ? pos.x : max.x - cueW, x1 = x0 + cueW;
    dl->AddRectFilled(ImVec2(x0, pos.y), ImVec2(x1, max.y), colour::kDisabled, cueW / 2);
    const float thumbH = std::max(t.basePx, shownH * shownH / ts.y);
    const float thumbY = pos.y + (shownH - thumbH) * sc.offset / std::max(1.0f, ts.y - shownH);
    dl->AddRectFilled(ImVec2(x0, thumbY), ImVec2(x1, thumbY + thumbH), colour::kBlue, cueW / 2);
  }
  ImGui::Dummy(ImVec2(room.x, shownH));
  WidgetRecord r;
  r.label = std::string(s);
  r.min = pos;
  r.min.x = std::max(textX, tmin.x);
  r.max = ImVec2(std::min(r.min.x + std::min(ts.x, textW), textX + textW), max.y);
  r.roomMin = pos;
  r.roomMax = max;
  r.textScale = size / font->FontSize;
  r.textPx = size;
  r.scrolls = scrolls;
  r.scrolled = sc.offset;
  record(std::move(r));
  return shownH;
}

float textWrappedFitted(std::string_view s, ImVec2 room, ImU32 col, ImFont* font) {
  if (!font) font = theme().body();
  if (!col) col = colour::kText;
  float size = font->FontSize;
  auto height = [&](float px) { return shaping::textSize(font, px, s, room.x).y; };
  while (height(size) > room.y && size * 0.95f >= font->FontSize * kMinLabelScale) size *= 0.95f;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 ts = shaping::textSize(font, size, s, room.x);
  auto [tmin, tmax] = shaping::drawText(ImGui::GetWindowDrawList(), font, size, pos, col, s, room.x);
  ImGui::Dummy(ImVec2(room.x, ts.y));
  WidgetRecord r;
  r.label = std::string(s);
  r.min = tmin;
  r.max = ImVec2(tmax.x, pos.y + ts.y);
  r.roomMin = pos;
  r.roomMax = ImVec2(pos.x + room.x, pos.y + room.y);
  r.textScale = size / font->FontSize;
  r.textPx = size;
  record(std::move(r));
  return ts.y;
}

void textFitted(std::string_view s, ImVec2 min, ImVec2 max, ImFont* font, ImU32 col) {
  if (!font) font = theme().body();
  if (!col) col = colour::kText;
  FittedLabel f = fitLabel(s, ImVec2(max.x - min.x, max.y - min.y), font);
  // Right to left, the words start at the right edge.
  const bool rtl = shaping::rightToLeft();
  ImVec2 tmin(rtl ? max.x - f.extent.x : min.x, std::floor(min.y + (max.y - min.y - f.extent.y) / 2));
  float y = tmin.y;
  for (const std::string& line : f.lines) {
    if (line.empty()) continue;
    const float x = rtl ? max.x - shaping::textSize(font, f.size, line).x : min.x;
    shaping::drawText(ImGui::GetWindowDrawList(), font, f.size, ImVec2(x, y), col, line);
    y += f.size;
  }
  WidgetRecord r;
  r.label = std::string(s);
  r.min = tmin;
  r.max = ImVec2(tmin.x + f.extent.x, tmin.y + f.extent.y);
  r.roomMin = min;
  r.roomMax = max;
  r.textScale = f.size / font->FontSize;
  r.textPx = f.size;
  record(std::move(r));
}

float fieldLabelHeight() {
  return measure("W").y;
}

bool field(std::string_view label, std::string_view value, const ImVec2& boxSize, bool focused,
           const char* id, float labelWidth) {
  // The label sits on one line above the box and no wider than it unless told, so boxes side by side
  // never share their labels' space.
  ImVec2 top = ImGui::GetCursorScreenPos();
  ImVec2 room(std::max(boxSize.x, labelWidth), fieldLabelHeight());
  FittedLabel fitted = fitLabel(label, room, theme().body(), false);
  ImFont* font = theme().body();
  // Right to left, the label ends over the box's right end, and a label wider than the box reaches to
  // the left of it (the layout is mirrored: the room beside the box is on that side).
  const bool rtl = shaping::rightToLeft();
  const float roomX = rtl ? top.x + boxSize.x - room.x : top.x;
  const float lx = rtl ? top.x + boxSize.x - fitted.extent.x : top.x;
  ImVec2 labelMax(lx + fitted.extent.x, top.y + fitted.extent.y);
  shaping::drawText(ImGui::GetWindowDrawList(), font, fitted.size, ImVec2(lx, top.y + room.y - fitted.size),
                    colour::kText, fitted.lines[0]);
  WidgetRecord labelRecord;
  labelRecord.label = std::string(label);
  labelRecord.min = ImVec2(lx, top.y);
  labelRecord.max = labelMax;
  labelRecord.roomMin = ImVec2(roomX, top.y);
  labelRecord.roomMax = ImVec2(roomX + room.x, top.y + room.y);
  labelRecord.textMin = ImVec2(lx, top.y + room.y - fitted.size);
  labelRecord.textMax = ImVec2(labelMax.x, top.y + room.y);
  labelRecord.textScale = fitted.size / font->FontSize;
  labelRecord.textPx = fitted.size;
  record(labelRecord);
  ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + room.y + ImGui::GetStyle().ItemSpacing.y));
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
  std::string shown(value);
  if (focused) shown += "|";
  ImVec2 ts = measure(shown, font);
  ImVec2 pos(min.x + t * 0.3f, std::floor(min.y + (boxSize.y - ts.y) / 2));
  dl->PushClipRect(min, max, true);
  shaping::drawText(dl, font, font->FontSize, pos, colour::kText, shown);
  dl->PopClipRect();
  if (!value.empty()) {
    // Its room is the box (the text is clipped to it): the layout test sees a value that does not fit.
    WidgetRecord v;
    v.label = std::string(value);
    v.min = pos;
    v.max = ImVec2(pos.x + ts.x, pos.y + ts.y);
    v.roomMin = min;
    v.roomMax = max;
    v.textPx = font->FontSize;
    record(std::move(v));
  }
  // The tappable box, labelled by what is written above it.
  WidgetRecord box = labelRecord;
  box.min = min;
  box.max = max;
  box.clickable = true;
  record(std::move(box));
  return pressed;
}

void beginScreenWindow(const char* id, ImFont* font) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;
  ImGui::Begin(id, nullptr, kFlags);
  ImGui::PushFont(font);
}

void endScreenWindow() {
  ImGui::PopFont();
  ImGui::End();
}

}  // namespace longstop::ui
