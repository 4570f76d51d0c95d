#include "ui/keypads.h"

#include <algorithm>
#include <cmath>

#include "ui/guide.h"
#include "ui/i18n.h"
#include "ui/input.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {
namespace {
float keyHeight(float maxHeight, int rows) {
  const Theme& t = theme();
  return std::floor(std::min(t.target(), (maxHeight - t.gap() * (rows - 1)) / rows));
}

// How many keys' width (of `w`, with gaps `g`) a word needs to show at full size on a key.
int keysFor(std::string_view label, float w, float g, float h) {
  const Theme& t = theme();
  for (int n = 1; n < 4; ++n) {
    const float width = n * w + (n - 1) * g;
    if (fitLabel(label, ImVec2(width - t.basePx * 0.4f, h - t.basePx * 0.15f)).size >=
        t.body()->FontSize - 0.01f)
      return n;
  }
  return 4;
}

bool key(std::string_view label, ImVec2 pos, ImVec2 size, ButtonStyle style = ButtonStyle::kKey) {
  ImGui::SetCursorScreenPos(pos);
  KeysBeingDrawn keys;
  return button(label, size, style);
}
}  // namespace

float digitKeypadMinHeight() {
  return kMinButtonPx * 4 + theme().gap() * 3;
}

float keyboardMinHeight() {
  return kMinButtonPx * 4 + theme().gap() * 3;
}

ImVec2 digitKeypadSize(float maxHeight) {
  float h = keyHeight(maxHeight, 4);
  float w = std::floor(h * 1.5f);
  return ImVec2(w * 3 + theme().gap() * 2, h * 4 + theme().gap() * 3);
}

KeyPress drawDigitKeypad(ImVec2 topLeft, float maxHeight) {
  float h = keyHeight(maxHeight, 4);
  float w = std::floor(h * 1.5f);
  float g = theme().gap();
  static const char* kLabels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", nullptr, "0", nullptr};
  // Delete under 7 and 0 under 8, as on a phone; when the word does not fit one key at full size
  // (larger text), 0 goes under 7 as on a calculator and Delete takes the two keys beside it.
  const char* del = tr("Delete");
  const bool wideDelete = keysFor(del, w, g, h) > 1;
  KeyPress press;
  for (int i = 0; i < 12; ++i) {
    ImVec2 pos(topLeft.x + (i % 3) * (w + g), topLeft.y + (i / 3) * (h + g));
    if (i >= 9 && wideDelete) {
      if (i == 9 && key("0", pos, ImVec2(w, h))) press = {KeyPress::Kind::kChar, U'0'};
      if (i == 10 && key(del, pos, ImVec2(2 * w + g, h), ButtonStyle::kSecondary))
        press = {KeyPress::Kind::kDelete, 0};
    } else if (i == 9) {
      if (key(del, pos, ImVec2(w, h), ButtonStyle::kSecondary)) press = {KeyPress::Kind::kDelete, 0};
    } else if (kLabels[i] && key(kLabels[i], pos, ImVec2(w, h))) {
      press = {KeyPress::Kind::kChar, static_cast<char32_t>(kLabels[i][0])};
    }
  }
  return press;
}

float keyboardHeight(float width, float maxHeight) {
  (void)width;
  return keyHeight(maxHeight, 4) * 4 + theme().gap() * 3;
}

KeyPress drawKeyboard(ImVec2 topLeft, float width, float maxHeight) {
  static const char* kRows[3] = {"QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-"};
  float g = theme().gap();
  float h = keyHeight(maxHeight, 4);
  float w = std::floor((width - g * 9) / 10);
  KeyPress press;
  for (int r = 0; r < 3; ++r) {
    std::string_view row = kRows[r];
    float x = topLeft.x + (r == 2 ? (w + g) : 0);
    for (char c : row) {
      char label[2] = {c, 0};
      if (key(label, ImVec2(x, topLeft.y + r * (h + g)), ImVec2(w, h)))
        press = {KeyPress::Kind::kChar, char32_t(c)};
      x += w + g;
    }
  }
  float y = topLeft.y + 3 * (h + g);
  // Delete two keys wide, more when its word needs them at full size (larger text); Space gives way.
  const char* del = tr("Delete");
  const int delKeys = std::max(2, keysFor(del, w, g, h));
  const int spaceKeys = std::min(6, 9 - delKeys);
  float spaceW = (w + g) * spaceKeys - g;
  float x0 = topLeft.x + (w + g) * 1;
  if (key(tr("Space"), ImVec2(x0, y), ImVec2(spaceW, h))) press = {KeyPress::Kind::kChar, U' '};
  float delX = x0 + spaceW + g;
  if (key(del, ImVec2(delX, y), ImVec2((w + g) * delKeys - g, h), ButtonStyle::kSecondary))
    press = {KeyPress::Kind::kDelete, 0};
  return press;
}

float letterGridHeight(float width) {
  float g = theme().gap();
  int cols = std::clamp(static_cast<int>((width + g) / (theme().target() + g)), 7, 13);
  int rows = (26 + cols - 1) / cols;
  float w = std::min(theme().target() * 1.2f, std::floor((width - g * (cols - 1)) / cols));
  return rows * std::min(w, theme().target()) + (rows - 1) * g;
}

std::optional<char> drawLetterGrid(ImVec2 topLeft, float width, std::optional<char> selected) {
  float g = theme().gap();
  int cols = std::clamp(static_cast<int>((width + g) / (theme().target() + g)), 7, 13);
  float w = std::min(theme().target() * 1.2f, std::floor((width - g * (cols - 1)) / cols));
  float h = std::min(w, theme().target());
  std::optional<char> pressed;
  for (int i = 0; i < 26; ++i) {
    char c = static_cast<char>('A' + i);
    char label[2] = {c, 0};
    ImVec2 pos(topLeft.x + (i % cols) * (w + g), topLeft.y + (i / cols) * (h + g));
    ButtonStyle style = selected == c ? ButtonStyle::kSelected : ButtonStyle::kKey;
    if (key(label, pos, ImVec2(w, h), style)) pressed = c;
  }
  return pressed;
}

void popCodePoint(std::string& s) {
  while (!s.empty()) {
    auto b = static_cast<unsigned char>(s.back());
    s.pop_back();
    if ((b & 0xC0) != 0x80) break;  // stop after removing a lead byte or an ASCII byte
  }
}

void applyToName(std::string& name, const KeyPress& press, size_t maxBytes) {
  if (press.kind == KeyPress::Kind::kDelete) {
    popCodePoint(name);
    return;
  }
  if (press.kind != KeyPress::Kind::kChar || name.size() >= maxBytes) return;
  char32_t c = press.ch;
  if (c == U' ' && (name.empty() || name.back() == ' ')) return;  // no leading or double spaces
  bool wordStart = name.empty() || name.back() == ' ' || name.back() == '-' || name.back() == '\'';
  if (c >= U'A' && c <= U'Z' && !wordStart) c = c - U'A' + U'a';
  appendUtf8(name, c);
}

void appendTyped(std::string& name, std::string_view utf8, size_t maxBytes) {
  forEachCodePoint(utf8, [&](char32_t c) {
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) return;
    std::string bytes;
    appendUtf8(bytes, c);
    if (name.size() + bytes.size() <= maxBytes) name += bytes;
  });
}

}  // namespace longstop::ui
