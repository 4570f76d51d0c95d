#include "ui/screens/safety.h"

#include <algorithm>
#include <cmath>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

namespace {
// The answers side by side when both labels fit half the width, else one above the other; the question
// in the heading font when it leaves the answers room, else in the body font; the answers a full touch
// target tall (more when there is room), less only on a short screen and never under 60 px.
struct SafetyLayout {
  bool stacked = false;
  ImFont* questionFont = nullptr;
  float buttonH = 0;
};

SafetyLayout layOut(const char* question, const RowButton* buttons, const Rect& area) {
  const Theme& t = theme();
  SafetyLayout l;
  float halfW = (area.width() - t.gap() * 2) / 2;
  for (int i = 0; i < 2; ++i)
    if (!fitLabel(buttons[i].label, ImVec2(halfW - t.basePx * 0.4f, t.target() - t.basePx * 0.15f)).fits)
      l.stacked = true;
  int rows = l.stacked ? 2 : 1;
  float minH = std::max(kMinButtonPx, t.target() * 0.8f);
  auto questionH = [&](ImFont* f) {
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, area.width(), question).y + t.gap() * 3;
  };
  l.questionFont = t.heading();
  float room = area.height() - questionH(l.questionFont) - t.gap() * 2 * (rows - 1);
  if (room < minH * rows) {
    l.questionFont = t.body();
    room = area.height() - questionH(l.questionFont) - t.gap() * 2 * (rows - 1);
  }
  l.buttonH = std::floor(std::clamp(room / rows, minH, t.target() * 1.2f));
  return l;
}
}  // namespace

SafetyIntent drawSafety() {
  const Theme& t = theme();
  Rect area;
  SafetyIntent intent = SafetyIntent::kNone;
  Nav nav = drawChrome(tr("Before we finish: one important question"), true, true, &area);
  // Only the question: what to do after "Yes" is on the urgent ticket, where it is an instruction
  // to act on, not words to read past on the way to the answer.
  const char* question =
      tr("Do you have chest pain, severe difficulty breathing, heavy bleeding, or signs of a stroke?");
  RowButton buttons[2] = {{tr("Yes, I need help now"), int(ButtonStyle::kUrgent)},
                          {tr("No"), int(ButtonStyle::kPrimary)}};
  SafetyLayout l = layOut(question, buttons, area);
  ImGui::SetCursorScreenPos(area.min);
  float y = area.min.y + textWrapped(question, area.width(), l.questionFont) + t.gap() * 3;
  int pressed = l.stacked ? drawButtonColumn(buttons, 2, y, area, area.width(), l.buttonH)
                          : drawButtonRow(buttons, 2, y, area, l.buttonH);
  if (pressed == 0) intent = SafetyIntent::kNeedHelp;
  if (pressed == 1) intent = SafetyIntent::kNo;
  if (nav == Nav::kBack) intent = SafetyIntent::kBack;
  if (nav == Nav::kStartAgain) intent = SafetyIntent::kStartAgain;
  return intent;
}

}  // namespace longstop::ui
