#include "ui/staff/staff_chrome.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {

float listPx() {
  return std::round(theme().basePx * 0.7f);
}

namespace {
// The footer of the frame being drawn: like the theme, one for the screen, set by StaffConsole::frame.
std::string& footerLeftText() {
  static std::string s;
  return s;
}
std::string& footerRightText() {
  static std::string s;
  return s;
}
const std::string& footerLeft() {
  return footerLeftText();
}
const std::string& footerRight() {
  return footerRightText();
}
}  // namespace

void setStaffFooter(std::string left, std::string right) {
  footerLeftText() = std::move(left);
  footerRightText() = std::move(right);
}

int drawStaffBar(std::string_view title, const std::vector<std::string_view>& buttons, Rect* content) {
  const Theme& t = theme();
  Rect d = displayRect();
  float h = t.target() * 0.8f;
  float barH = h + t.gap() * 2;
  ImGui::GetWindowDrawList()->AddRectFilled(d.min, ImVec2(d.max.x, barH), colour::kDarkBlue);
  int pressed = -1;
  // The title keeps at least a third of the bar; the buttons share the rest, narrower if they must be.
  float titleRoom = std::min(measure(title, t.fonts.body).x, d.width() * 0.3f);
  float total = 0;
  for (auto b : buttons) total += buttonWidth(b) + t.gap();
  float room = d.width() - 2 * t.margin() - titleRoom - t.gap();
  float scale = total > room && total > 0 ? room / total : 1.0f;
  float x = d.max.x - t.margin();
  for (int i = static_cast<int>(buttons.size()) - 1; i >= 0; --i) {
    float w = std::floor(buttonWidth(buttons[i]) * scale);
    x -= w;
    ImGui::SetCursorScreenPos(ImVec2(x, t.gap()));
    if (button(buttons[i], ImVec2(w, h), ButtonStyle::kSecondary)) pressed = i;
    x -= t.gap() * scale;
  }
  // The title in the room the buttons leave it: smaller, or on two lines, rather than cut off.
  textFitted(title, ImVec2(t.margin(), t.gap() * 0.5f),
             ImVec2(std::max(t.margin() + 1, x - t.gap()), barH - t.gap() * 0.5f), t.fonts.body,
             colour::kTextOnDark);
  float bottom = d.max.y - t.gap();
  if (!footerLeft().empty() || !footerRight().empty()) {
    // One line in small print, the shortcuts kept whole and the health fitted into what is left.
    const float px = listPx() * 0.85f;
    const float lineH = px * 1.3f;
    const float y = d.max.y - lineH;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(d.min.x, y), d.max, colour::kPaleBlue);
    float rightW = 0;
    if (!footerRight().empty()) {
      rightW = t.fonts.body->CalcTextSizeA(px, FLT_MAX, 0, footerRight().c_str()).x;
      listText(footerRight(), ImVec2(d.max.x - t.margin() - rightW, y + px * 0.15f), px, colour::kDarkBlue);
    }
    std::string left = footerLeft();
    const float room = d.width() - 2 * t.margin() - rightW - t.gap();
    while (left.size() > 4 && t.fonts.body->CalcTextSizeA(px, FLT_MAX, 0, left.c_str()).x > room) {
      left.resize(left.size() - 4);
      while (!left.empty() && (static_cast<unsigned char>(left.back()) & 0xC0) == 0x80) left.pop_back();
      if (!left.empty()) left.pop_back();
      left += "...";
    }
    listText(left, ImVec2(d.min.x + t.margin(), y + px * 0.15f), px, colour::kText);
    bottom = y - t.gap() * 0.5f;
  }
  if (content)
    *content = {ImVec2(d.min.x + t.margin(), barH + t.gap()), ImVec2(d.max.x - t.margin(), bottom)};
  return pressed;
}

ImVec2 listText(std::string_view s, ImVec2 pos, float px, ImU32 col, bool bold) {
  ImFont* font = bold && theme().fonts.heading ? theme().fonts.heading : theme().fonts.body;
  if (!col) col = colour::kText;
  ImVec2 ts = font->CalcTextSizeA(px, FLT_MAX, 0, s.data(), s.data() + s.size());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddText(font, px, pos, col, s.data(), s.data() + s.size());
  if (WidgetLog* log = widgetLog(); log && !s.empty()) {
    ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
    ImVec2 c(pos.x + ts.x / 2, pos.y + ts.y / 2);
    bool visible = c.x >= cmin.x && c.y >= cmin.y && c.x <= cmax.x && c.y <= cmax.y;
    log->add({std::string(s), pos, ImVec2(pos.x + ts.x, pos.y + ts.y), false, true, visible});
  }
  return ts;
}

float drawBanner(std::string_view message, float x0, float x1, float y, ImU32 fill, ImU32 textColour) {
  const Theme& t = theme();
  float h = t.target() * 0.8f;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + h), fill, t.basePx * 0.15f);
  ImVec2 ts = measure(message, t.fonts.heading);
  ImFont* f = ts.x <= x1 - x0 - 2 * t.gap() ? t.fonts.heading : t.fonts.body;
  // Smaller, or on two lines, rather than running under the button beside it.
  textFitted(message, ImVec2(x0 + t.gap(), y + 2), ImVec2(x1 - t.gap(), y + h - 2), f, textColour);
  return h;
}

namespace {
int perRow(float width, float keyHeight, size_t n) {
  int cols = std::max(4, static_cast<int>(width / std::max(1.0f, keyHeight * 0.9f)));
  return std::min<int>(cols, static_cast<int>(n) + 1);
}
}  // namespace

float charKeyboardHeight(float width, float keyHeight, std::string_view keys) {
  int cols = perRow(width, keyHeight, keys.size());
  int rows = static_cast<int>((keys.size() + 1 + cols - 1) / cols);
  return rows * keyHeight + (rows - 1) * theme().gap() * 0.5f;
}

KeyPress drawCharKeyboard(ImVec2 topLeft, float width, float keyHeight, std::string_view keys) {
  const float gap = theme().gap() * 0.5f;
  int cols = perRow(width, keyHeight, keys.size());
  float w = (width - gap * (cols - 1)) / cols;
  KeyPress press;
  for (size_t i = 0; i <= keys.size(); ++i) {
    int r = static_cast<int>(i) / cols, c = static_cast<int>(i) % cols;
    ImGui::SetCursorScreenPos(ImVec2(topLeft.x + c * (w + gap), topLeft.y + r * (keyHeight + gap)));
    if (i == keys.size()) {
      float dw = width - c * (w + gap);
      if (button("Delete", ImVec2(dw, keyHeight), ButtonStyle::kKey, true, "key-delete"))
        press = {KeyPress::Kind::kDelete, 0};
    } else {
      char label[2] = {keys[i], 0};
      std::string id = std::string("key-") + keys[i];
      if (button(label, ImVec2(w, keyHeight), ButtonStyle::kKey, true, id.c_str()))
        press = {KeyPress::Kind::kChar, static_cast<char32_t>(keys[i])};
    }
  }
  return press;
}

}  // namespace longstop::ui::staff
