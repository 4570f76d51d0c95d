#include "ui/setup/form.h"

#include <algorithm>
#include <cmath>

#include "ui/input.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::setup {

Rect drawFormBar(std::string_view title, std::string_view step) {
  const Theme& t = theme();
  Rect d = displayRect();
  float barH = t.target() * 0.8f;
  ImGui::GetWindowDrawList()->AddRectFilled(d.min, ImVec2(d.max.x, d.min.y + barH), colour::kDarkBlue);
  ImVec2 ss = step.empty() ? ImVec2(0, 0) : measure(step);
  // The title gives up some size (never below the labels' floor) rather than run into the step.
  const float room = d.width() - t.margin() * 3 - ss.x;
  ImVec2 ts = measure(title, t.heading());
  const float size = t.heading()->FontSize * std::clamp(room / std::max(1.0f, ts.x), kMinLabelScale, 1.0f);
  ImGui::SetCursorScreenPos(
      ImVec2(d.min.x + t.margin(), d.min.y + std::floor((barH - ts.y * size / ts.y) / 2)));
  (void)textWrapped(title, room, t.heading(), colour::kTextOnDark, size);
  if (!step.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(d.max.x - t.margin() - ss.x, d.min.y + std::floor((barH - ss.y) / 2)));
    text(step, nullptr, colour::kTextOnDark);
  }
  return {ImVec2(d.min.x + t.margin(), d.min.y + barH + t.gap()),
          ImVec2(d.max.x - t.margin(), d.max.y - t.gap())};
}

bool drawFormField(std::string_view label, const std::string& value, bool focused, bool secret, float width,
                   const char* id) {
  const Theme& t = theme();
  std::string shown = secret ? std::string(value.size(), '*') : value;
  return field(label, shown, ImVec2(width, t.target() * 0.75f), focused, id);
}

namespace {
// The apostrophe, comma and ampersand are on the letter rows: practice names have them ("St Mary's",
// "Smith, Jones & Partners").
const char* const kRows[] = {"1234567890", "QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM,&"};
const char* const kExtras = "-./:|";
}  // namespace

float formKeyboardHeight(float width, float maxHeight) {
  const Theme& t = theme();
  float key = std::min({t.target() * 0.8f, width / 10.5f, (maxHeight - 4 * t.gap()) / 5});
  return key * 5 + t.gap() * 4;
}

KeyPress drawFormKeyboard(ImVec2 topLeft, float width, float maxHeight, bool caps) {
  const Theme& t = theme();
  float g = t.gap();
  float key = std::min({t.target() * 0.8f, (width - 9 * g) / 10, (maxHeight - 4 * g) / 5});
  KeyPress out;
  float y = topLeft.y;
  for (int r = 0; r < 4; ++r) {
    std::string_view row = kRows[r];
    float rowW = row.size() * key + (row.size() - 1) * g;
    float x = topLeft.x + (width - rowW) / 2;
    for (char c : row) {
      char shown = (c >= 'A' && c <= 'Z' && !caps) ? char(c - 'A' + 'a') : c;
      std::string label(1, shown);
      std::string id = std::string("fk-") + label;
      ImGui::SetCursorScreenPos(ImVec2(x, y));
      if (button(label, ImVec2(key, key), ButtonStyle::kKey, true, id.c_str()))
        out = {KeyPress::Kind::kChar, char32_t(shown)};
      x += key + g;
    }
    y += key + g;
  }
  // Caps, the extras, Space and Delete.
  float capsW = key * 2, spaceW = key * 2.5f, delW = key * 2.5f;
  float extrasW = 5 * key + 4 * g;
  float rowW = capsW + extrasW + spaceW + delW + 3 * g;
  float x = topLeft.x + std::max(0.0f, (width - rowW) / 2);
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  if (button(caps ? "ABC" : "abc", ImVec2(capsW, key), caps ? ButtonStyle::kSelected : ButtonStyle::kKey,
             true, "fk-caps"))
    out = {KeyPress::Kind::kChar, kCapsKey};
  x += capsW + g;
  for (const char* e = kExtras; *e; ++e) {
    std::string label(1, *e);
    std::string id = std::string("fk-") + label;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(label, ImVec2(key, key), ButtonStyle::kKey, true, id.c_str()))
      out = {KeyPress::Kind::kChar, char32_t(*e)};
    x += key + g;
  }
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  if (button("Space", ImVec2(spaceW, key), ButtonStyle::kKey, true, "fk-space"))
    out = {KeyPress::Kind::kChar, U' '};
  x += spaceW + g;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  if (button("Delete", ImVec2(delW, key), ButtonStyle::kKey, true, "fk-delete"))
    out = {KeyPress::Kind::kDelete, 0};
  return out;
}

int drawChoiceRow(const std::vector<std::string>& labels, int chosen, float y, const Rect& area,
                  const char* id, float* bottom) {
  const Theme& t = theme();
  float x = area.min.x;
  int pressed = -1;
  // Narrower on a short screen, the labels a little smaller (never below the floor), so a row fits.
  const float narrow = ImGui::GetIO().DisplaySize.y < 600 ? 0.75f : 1.0f;
  for (size_t i = 0; i < labels.size(); ++i) {
    float w = std::floor(buttonWidth(labels[i]) * narrow);
    if (x + w > area.max.x && x > area.min.x) {  // wrap
      x = area.min.x;
      y += t.target() * 0.8f + t.gap();
    }
    std::string key = std::string(id) + "-" + std::to_string(i);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(labels[i], ImVec2(w, t.target() * 0.8f),
               int(i) == chosen ? ButtonStyle::kSelected : ButtonStyle::kSecondary, true, key.c_str()))
      pressed = int(i);
    x += w + t.gap();
  }
  if (bottom) *bottom = y + t.target() * 0.8f;
  return pressed;
}

float navRowHeight() {
  return theme().target() * 0.8f + theme().gap();
}

int drawNavRow(const Rect& area, std::string_view back, std::string_view skip, std::string_view next,
               bool nextEnabled) {
  const Theme& t = theme();
  float h = t.target() * 0.8f;
  float y = area.max.y - h;
  int out = 0;
  if (!back.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    if (button(back, ImVec2(buttonWidth(back), h), ButtonStyle::kSecondary, true, "nav-back")) out = -1;
  }
  float nextW = next.empty() ? 0 : buttonWidth(next);
  if (!next.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.max.x - nextW, y));
    if (button(next, ImVec2(nextW, h), ButtonStyle::kPrimary, nextEnabled, "nav-next")) out = 1;
  }
  if (!skip.empty()) {
    float w = buttonWidth(skip);
    ImGui::SetCursorScreenPos(ImVec2(area.max.x - nextW - t.gap() * 2 - w, y));
    if (button(skip, ImVec2(w, h), ButtonStyle::kSecondary, true, "nav-skip")) out = 2;
  }
  return out;
}

float drawMessage(const std::string& message, float width, bool problem) {
  if (message.empty()) return 0;
  return textWrapped(message, width, nullptr, problem ? colour::kRed : colour::rgb(0x007F3B));
}

void applyFormKey(std::string& value, const KeyPress& k, bool caps, size_t maxBytes) {
  (void)caps;
  if (k.kind == KeyPress::Kind::kDelete) {
    popCodePoint(value);
  } else if (k.kind == KeyPress::Kind::kChar && k.ch != kCapsKey && value.size() < maxBytes) {
    appendUtf8(value, k.ch);
  }
}

}  // namespace longstop::ui::setup
