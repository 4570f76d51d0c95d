#include "ui/screens/nhs_number.h"

#include <algorithm>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wipe.h"

namespace longstop::ui {
namespace {
using Kind = NhsNumberIntent::Kind;
}

const char* nhsNumberWrongMessage() {
  return tr("That NHS number doesn't look right. Please check each digit.");
}

NhsNumberOutcome applyNhsNumber(NhsNumberState& s, const NhsNumberIntent& in, core::NhsNumber* out) {
  switch (in.kind) {
    case Kind::kNone:
      return NhsNumberOutcome::kStay;
    case Kind::kBack:
      return NhsNumberOutcome::kBack;
    case Kind::kStartAgain:
      return NhsNumberOutcome::kStartAgain;
    case Kind::kSkip:
      return NhsNumberOutcome::kSkip;
    case Kind::kKey:
      if (in.key.kind == KeyPress::Kind::kDelete && !s.digits.empty()) s.digits.pop_back();
      if (in.key.kind == KeyPress::Kind::kChar && in.key.ch >= U'0' && in.key.ch <= U'9' &&
          s.digits.size() < 10)
        s.digits += static_cast<char>(in.key.ch);
      s.message.clear();
      return NhsNumberOutcome::kStay;
    case Kind::kNext: {
      if (s.digits.size() != 10) {
        s.message = tr("An NHS number has 10 digits. Please enter all of them.");
        return NhsNumberOutcome::kStay;
      }
      auto n = core::parseNhsNumber(s.digits);
      if (!n.ok()) {
        s.message = nhsNumberWrongMessage();
        return NhsNumberOutcome::kStay;
      }
      *out = n.value();
      return NhsNumberOutcome::kSubmit;
    }
  }
  return NhsNumberOutcome::kStay;
}

NhsNumberIntent nhsNumberIntentForKey(Key k) {
  switch (k) {
    case Key::kEnter:
      return {Kind::kNext};
    case Key::kEscape:
      return {Kind::kBack};
    case Key::kBackspace:
    case Key::kDelete:
      return {Kind::kKey, {KeyPress::Kind::kDelete, 0}};
    default:
      return {};
  }
}

NhsNumberIntent nhsNumberIntentForChar(char32_t c) {
  if (c >= U'0' && c <= U'9') return {Kind::kKey, {KeyPress::Kind::kChar, c}};
  return {};
}

void wipe(NhsNumberState& s) {
  wipe(s.digits);
  s.message.clear();
}

NhsNumberIntent drawNhsNumber(const NhsNumberView& v) {
  const Theme& t = theme();
  Rect area;
  NhsNumberIntent intent;
  Nav nav = drawChrome(v.heading, true, true, &area);
  ImVec2 pad = digitKeypadSize(area.height());
  float leftW = area.width() - pad.x - t.gap() * 3;
  if (KeyPress p = drawDigitKeypad(ImVec2(area.max.x - pad.x, area.min.y), area.height()))
    intent = {Kind::kKey, p};
  ImGui::SetCursorScreenPos(area.min);
  float boxW = std::min(leftW, t.basePx * 9.5f);
  float boxH = area.height() >= 4 * t.target() ? t.target() : t.target() * 0.9f;
  field(tr("NHS number"), core::groupNhsDigits(v.state.digits), ImVec2(boxW, boxH), true, "nhs");
  float y = ImGui::GetCursorScreenPos().y + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  if (button(v.nextLabel, ImVec2(std::min(leftW, buttonWidth(v.nextLabel)), t.target()),
             ButtonStyle::kPrimary, v.state.digits.size() == 10))
    intent = {Kind::kNext};
  y += t.target() + t.gap() * 2;
  if (v.skipLabel) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    if (button(v.skipLabel, ImVec2(std::min(leftW, buttonWidth(v.skipLabel)), t.target()),
               ButtonStyle::kSecondary))
      intent = {Kind::kSkip};
    y += t.target() + t.gap() * 2;
  }
  if (!v.state.message.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    textWrapped(std::string("! ") + v.state.message, leftW, nullptr, colour::kRed);
  }
  if (nav == Nav::kBack) intent = {Kind::kBack};
  if (nav == Nav::kStartAgain) intent = {Kind::kStartAgain};
  return intent;
}

}  // namespace longstop::ui
