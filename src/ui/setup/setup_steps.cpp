// The pieces every step of the setup wizard draws with: the cursor down the content area, the fields
// and the on-screen keyboard under them.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/setup/form.h"
#include "ui/setup/setup_steps.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::setup {

bool shortScreen() {
  return ImGui::GetIO().DisplaySize.y < 600;
}

void Cursor::para(const std::string& s, ImFont* font, ImU32 col) {
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  if (!font) font = theme().body();
  const float size = shortScreen() ? std::ceil(font->FontSize * 0.75f) : font->FontSize;
  y += textWrapped(s, area.width(), font, col, size) + theme().gap();
}

SetupIntent drawFields(Cursor& c, const std::vector<std::pair<std::string, const std::string*>>& fields,
                       const std::vector<bool>& secret, const SetupState& s, float fieldWidth,
                       bool sideBySide, bool narrowFirst) {
  const Theme& t = theme();
  SetupIntent out;
  float x = c.area.min.x;
  float rowBottom = c.y;
  for (size_t i = 0; i < fields.size(); ++i) {
    float w = sideBySide ? std::floor((c.area.width() - t.gap() * 2 * (fields.size() - 1)) / fields.size())
                         : fieldWidth;
    if (narrowFirst && i == 0) w = std::max(t.target(), c.area.width() * 0.12f);
    if (narrowFirst && i > 0)
      w = std::floor((c.area.width() - std::max(t.target(), c.area.width() * 0.12f)) / 2 - t.gap() * 2);
    ImGui::SetCursorScreenPos(ImVec2(x, c.y));
    std::string id = "setup-field-" + std::to_string(i);
    if (drawFormField(fields[i].first, *fields[i].second, s.focus == int(i), i < secret.size() && secret[i],
                      w, id.c_str()))
      out = {SetupIntent::Kind::kFocus, int(i)};
    rowBottom = std::max(rowBottom, ImGui::GetCursorScreenPos().y);
    if (sideBySide) {
      x += w + t.gap() * 2;
    } else {
      c.y = ImGui::GetCursorScreenPos().y + t.gap();
    }
  }
  if (sideBySide) c.y = rowBottom + t.gap();
  return out;
}

SetupIntent drawMessageAndKeyboard(Cursor& c, const SetupState& s) {
  ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
  c.y += drawMessage(s.message, c.area.width());
  float bottom = c.area.max.y - navRowHeight() - theme().gap();
  float room = bottom - c.y;
  // Keys a finger can press, or none (a USB keyboard or a scanner still types).
  if ((room - 4 * theme().gap()) / 5 < theme().target() * 0.5f) return {};
  float h = formKeyboardHeight(c.area.width(), room);
  KeyPress k = drawFormKeyboard(ImVec2(c.area.min.x, bottom - h), c.area.width(), room, s.caps);
  if (!k) return {};
  SetupIntent in{SetupIntent::Kind::kKey};
  in.key = k;
  return in;
}

}  // namespace longstop::ui::setup
