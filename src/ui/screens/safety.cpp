#include "ui/screens/safety.h"

#include <algorithm>
#include <cmath>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

namespace {
// The answers are laid out first and always stand whole on the screen under the question: side by side
// when both labels show at full size in half the width; else side by side on two lines each when that
// is no taller than one above the other (larger text); else one above the other. A touch target tall
// (more on a tall screen when there is room), less only on a short screen and never under 60 px.
struct Answers {
  bool stacked = false;
  float buttonH = 0;
  float height = 0;  // of the whole group
};

bool fullSize(std::string_view label, ImVec2 box) {
  const Theme& t = theme();
  return fitLabel(label, ImVec2(box.x - t.basePx * 0.4f, box.y - t.basePx * 0.15f)).size >=
         t.body()->FontSize - 0.01f;
}

Answers layOutAnswers(const RowButton* buttons, float width, bool shortScreen) {
  const Theme& t = theme();
  const float h = shortScreen ? std::max(kMinButtonPx, t.target() * 0.8f) : t.target();
  const float halfW = (width - t.gap() * 2) / 2;
  if (fullSize(buttons[0].label, ImVec2(halfW, h)) && fullSize(buttons[1].label, ImVec2(halfW, h)))
    return {false, h, h};
  const float twoLines = std::ceil(t.body()->FontSize * 2 + t.basePx * 0.15f);
  const float stackedH =
      buttonHeightFor(buttons[0].label, width, h) + buttonHeightFor(buttons[1].label, width, h) + t.gap() * 2;
  if (fullSize(buttons[0].label, ImVec2(halfW, twoLines)) &&
      fullSize(buttons[1].label, ImVec2(halfW, twoLines)) && std::max(twoLines, h) <= stackedH)
    return {false, std::max(twoLines, h), std::max(twoLines, h)};
  return {true, h, stackedH};
}
}  // namespace

SafetyIntent drawSafety() {
  const Theme& t = theme();
  const Rect d = displayRect();
  const bool shortScreen = d.height() < 600;
  Rect area;
  SafetyIntent intent = SafetyIntent::kNone;
  // Only the question: what to do after "Yes" is on the urgent ticket, where it is an instruction
  // to act on, not words to read past on the way to the answer.
  const char* question =
      tr("Do you have chest pain, severe difficulty breathing, heavy bleeding, or signs of a stroke?");
  RowButton buttons[2] = {{tr("Yes, I need help now"), int(ButtonStyle::kUrgent)},
                          {tr("No"), int(ButtonStyle::kPrimary)}};
  const Answers a = layOutAnswers(buttons, d.width() - 2 * t.margin(), shortScreen);
  const float below = t.gap() * 3;
  Nav nav = drawChrome(tr("Before we finish: one important question"), true, true, &area,
                       a.height + below + t.body()->FontSize);
  // The question in the heading font when it leaves the answers their room, else in the body font;
  // what still does not fit scrolls under a finger, and the answers stay where they are.
  const float room = area.height() - a.height - below;
  ImFont* font = measureWrapped(question, area.width(), t.heading()).y <= room ? t.heading() : t.body();
  ImGui::SetCursorScreenPos(area.min);
  float y = area.min.y + scrollingText(question, ImVec2(area.width(), room), "safety-question", font) + below;
  y = std::floor(y);
  const int rows = a.stacked ? 2 : 1;
  // Taller answers where the screen has room for them.
  float h = a.buttonH;
  if (!shortScreen && a.buttonH <= t.target())
    h = std::floor(
        std::clamp((area.max.y - y - t.gap() * 2 * (rows - 1)) / rows, a.buttonH, t.target() * 1.2f));
  int pressed = a.stacked ? drawButtonColumn(buttons, 2, y, area, area.width(), h)
                          : drawButtonRow(buttons, 2, y, area, h);
  if (pressed == 0) intent = SafetyIntent::kNeedHelp;
  if (pressed == 1) intent = SafetyIntent::kNo;
  if (nav == Nav::kBack) intent = SafetyIntent::kBack;
  if (nav == Nav::kStartAgain) intent = SafetyIntent::kStartAgain;
  return intent;
}

}  // namespace longstop::ui
