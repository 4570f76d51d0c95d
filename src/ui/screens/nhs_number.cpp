#include "ui/screens/nhs_number.h"

#include <algorithm>
#include <cmath>

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
  Nav nav = drawChrome(v.heading, true, true, &area, digitKeypadMinHeight());
  ImVec2 pad = digitKeypadSize(area.height());
  float leftW = area.width() - pad.x - t.gap() * 3;
  // Right to left, the keypad is on the left and the box and buttons on the right (mirrorX); the keys
  // and the digits keep their order.
  if (KeyPress p = drawDigitKeypad(ImVec2(mirrorX(area.max.x - pad.x, pad.x), area.min.y), area.height()))
    intent = {Kind::kKey, p};
  // Wide enough for ten digits in their groups at the size they are drawn (larger text too).
  float boxW = std::min(leftW, std::max(t.basePx * 9.5f, measure("000 000 0000|").x + t.basePx * 0.8f));
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(area.min.x, boxW), area.min.y));
  float boxH = area.height() >= 4 * t.target() ? t.target() : t.target() * 0.9f;
  // Nothing stands beside the box: its label may use the column (a long translation at full size).
  field(tr("NHS number"), core::groupNhsDigits(v.state.digits), ImVec2(boxW, boxH), true, "nhs", leftW);
  float y = ImGui::GetCursorScreenPos().y + t.gap();
  // Next and the skip button one above the other when there is room, else side by side. The message
  // goes under them when there is room, else it takes Next's place while it stands (Next would only
  // repeat it, and any key clears it).
  float h = t.target();
  const float g = t.gap(), bottom = area.max.y;
  bool stacked = !v.skipLabel || y + 2 * h + 2 * g <= bottom;
  // Side by side would shrink their words (larger text): one above the other a fingertip tall instead,
  // when that fits.
  if (!stacked && buttonWidth(v.nextLabel) + buttonWidth(v.skipLabel) + 2 * g > leftW) {
    const float fingertip = std::max(kMinButtonPx, std::floor((bottom - y - 2 * g) / 2));
    if (y + 2 * fingertip + 2 * g <= bottom + 0.5f) {
      stacked = true;
      h = std::min(h, fingertip);
    }
  }
  float buttonsH = stacked && v.skipLabel ? 2 * h + 2 * g : h;
  std::string message = v.state.message.empty() ? "" : "! " + v.state.message;
  bool showNext = message.empty() || y + buttonsH + 2 * g + measureWrapped(message, leftW).y <= bottom;
  float nextW = std::min(leftW, buttonWidth(v.nextLabel));
  float skipW = v.skipLabel ? std::min(leftW, buttonWidth(v.skipLabel)) : 0;
  if (!stacked && showNext && nextW + skipW + 2 * g > leftW) {
    float scale = (leftW - 2 * g) / (nextW + skipW);
    nextW = std::floor(nextW * scale);
    skipW = std::floor(skipW * scale);
  }
  // Stacked, each on two lines when its label needs them (larger text), if there is room.
  float nextH = h, skipH = h;
  if (stacked && showNext) {
    nextH = buttonHeightFor(v.nextLabel, nextW, h);
    if (v.skipLabel) skipH = buttonHeightFor(v.skipLabel, skipW, h);
    if (y + nextH + (v.skipLabel ? skipH + 2 * g : 0) > bottom) nextH = skipH = h;
    buttonsH = v.skipLabel ? nextH + skipH + 2 * g : nextH;
  }
  // Side by side, the skip button takes two lines at full size when its words need them and the column
  // below leaves room (a long translation with larger text).
  if (!stacked && showNext && v.skipLabel && message.empty()) {
    const float twoLines = std::ceil(t.body()->FontSize * 2 + t.basePx * 0.15f);
    if (fitLabel(v.skipLabel, ImVec2(skipW - t.basePx * 0.4f, h)).size < t.body()->FontSize - 0.01f)
      skipH = std::clamp(bottom - y, h, std::max(h, twoLines));
  }
  float skipX = area.min.x, skipY = y + nextH + 2 * g;
  if (!showNext) {
    skipY = bottom - h;
  } else if (!stacked) {
    skipX = area.min.x + nextW + 2 * g;
    skipY = y;
  }
  if (showNext) {
    ImGui::SetCursorScreenPos(ImVec2(mirrorX(area.min.x, nextW), y));
    if (button(v.nextLabel, ImVec2(nextW, nextH), ButtonStyle::kPrimary, v.state.digits.size() == 10))
      intent = {Kind::kNext};
    y += buttonsH + 2 * g;
  }
  if (v.skipLabel) {
    ImGui::SetCursorScreenPos(ImVec2(mirrorX(skipX, skipW), skipY));
    if (button(v.skipLabel, ImVec2(skipW, skipH), ButtonStyle::kSecondary)) intent = {Kind::kSkip};
  }
  if (!message.empty()) {
    float msgBottom = showNext || !v.skipLabel ? bottom : skipY - g;
    ImGui::SetCursorScreenPos(ImVec2(mirrorX(area.min.x, leftW), y));
    // At full size; what does not fit scrolls under a finger (larger text, a long translation).
    scrollingText(message, ImVec2(leftW, std::max(t.body()->FontSize, msgBottom - y)), "nhs-message", nullptr,
                  colour::kRed);
  }
  if (nav == Nav::kBack) intent = {Kind::kBack};
  if (nav == Nav::kStartAgain) intent = {Kind::kStartAgain};
  return intent;
}

}  // namespace longstop::ui
