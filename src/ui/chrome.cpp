#include "ui/chrome.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {
namespace {
// Below this height (800x480 panels) the chrome makes room for the screen's own buttons and keys.
constexpr float kShortScreenPx = 600;
// Set for a frame whose idle countdown takes the top bar (see setCountdownShowing).
bool countdownInBar = false;
}  // namespace

void setCountdownShowing(bool showing) {
  countdownInBar = showing;
}

Rect displayRect() {
  ImVec2 d = ImGui::GetIO().DisplaySize;
  return {ImVec2(0, 0), d};
}

Nav drawChrome(std::string_view heading, bool back, bool startAgain, Rect* content) {
  const Theme& t = theme();
  Rect d = displayRect();
  float barH = t.target() + t.gap() * 2;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(d.min, ImVec2(d.max.x, barH), colour::kDarkBlue);
  Nav nav = Nav::kNone;
  if (countdownInBar) back = startAgain = false;  // the countdown has the bar for its few seconds
  if (back) {
    ImGui::SetCursorScreenPos(ImVec2(t.margin(), t.gap()));
    std::string label = tr("Back");
    if (button(label, ImVec2(buttonWidth(label), t.target()), ButtonStyle::kSecondary, true, "nav-back"))
      nav = Nav::kBack;
  }
  if (startAgain) {
    const char* label = tr("Start again");
    float w = buttonWidth(label);
    ImGui::SetCursorScreenPos(ImVec2(d.max.x - t.margin() - w, t.gap()));
    if (button(label, ImVec2(w, t.target()), ButtonStyle::kSecondary, true, "nav-start-again"))
      nav = Nav::kStartAgain;
  }
  // On a short screen the heading gives up its extra size before the keys give up theirs: it shrinks
  // towards one line (no further than labels shrink, never below the buttons' text, larger text
  // included: the question is never smaller than its answers), and the space round it closes up.
  bool shortScreen = d.height() < kShortScreenPx;
  float around = shortScreen ? t.gap() : t.gap() * 2;
  float y = barH + around;
  if (!heading.empty()) {
    float width = d.width() - 2 * t.margin();
    ImFont* font = t.heading();
    float size = font->FontSize;
    float oneLine = measure(heading, font).x;
    if (shortScreen && oneLine > width)
      size = std::max({t.body()->FontSize, size * kMinLabelScale, size * (width - 2) / oneLine});
    ImGui::SetCursorScreenPos(ImVec2(t.margin(), y));
    y += textWrapped(heading, width, font, 0, size) + around;
  }
  content->min = ImVec2(t.margin(), y);
  content->max = ImVec2(d.max.x - t.margin(), d.max.y - t.margin());
  return nav;
}

void drawBarTitle(std::string_view title) {
  if (countdownInBar) return;
  const Theme& t = theme();
  float barH = t.target() + t.gap() * 2;
  ImGui::SetCursorScreenPos(ImVec2(t.margin(), std::floor((barH - measure(title, t.heading()).y) / 2)));
  text(title, t.heading(), colour::kTextOnDark);
}

bool drawCountdown(int seconds) {
  const Theme& t = theme();
  Rect d = displayRect();
  // In the top bar, in place of Back and Start again: over the screen's own buttons at the bottom it
  // covered keys and answers, and moving the screen up for it would move them under a finger.
  float h = t.target() + t.gap() * 2;
  ImVec2 min(0, 0);
  ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(d.max.x, h), colour::kYellow);
  std::string msg = seconds == 1
                        ? std::string(tr("Starting again in 1 second"))
                        : fill(tr("Starting again in {n} seconds"), {{"n", std::to_string(seconds)}});
  ImGui::SetCursorScreenPos(ImVec2(t.margin(), min.y + (h - measure(msg).y) / 2));
  text(msg);
  const char* more = tr("I need more time");
  float w = buttonWidth(more);
  ImGui::SetCursorScreenPos(ImVec2(d.max.x - t.margin() - w, min.y + t.gap()));
  return button(more, ImVec2(w, t.target()), ButtonStyle::kPrimary);
}

int drawButtonRow(const RowButton* buttons, int count, float y, const Rect& area, float height) {
  const Theme& t = theme();
  float each = 0;  // equal widths: no answer looks smaller than another
  for (int i = 0; i < count; ++i) each = std::max(each, buttonWidth(buttons[i].label));
  float total = each * count + t.gap() * 2 * (count - 1);
  float scale = total > area.width() ? area.width() / total : 1.0f;
  float x = area.min.x + std::max(0.0f, (area.width() - total) / 2);
  int pressed = -1;
  for (int i = 0; i < count; ++i) {
    float w = std::floor(each * scale);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(buttons[i].label, ImVec2(w, height), static_cast<ButtonStyle>(buttons[i].style))) pressed = i;
    x += w + t.gap() * 2 * scale;
  }
  return pressed;
}

int drawButtonColumn(const RowButton* buttons, int count, float y, const Rect& area, float width,
                     float height) {
  const Theme& t = theme();
  // On a short screen a column that would run off the bottom becomes a row.
  if (y + count * height + (count - 1) * t.gap() * 2 > area.max.y)
    return drawButtonRow(buttons, count, y, area, height);
  float x = area.min.x + std::max(0.0f, (area.width() - width) / 2);
  int pressed = -1;
  for (int i = 0; i < count; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(buttons[i].label, ImVec2(std::min(width, area.width()), height),
               static_cast<ButtonStyle>(buttons[i].style)))
      pressed = i;
    y += height + t.gap() * 2;
  }
  return pressed;
}

}  // namespace longstop::ui
