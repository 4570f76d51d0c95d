#include "ui/chrome.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/i18n.h"
#include "ui/shaping/imgui_text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {
namespace {
// Below this height (800x480 panels) the chrome makes room for the screen's own buttons and keys.
constexpr float kShortScreenPx = 600;
// Set for a frame whose idle countdown takes the top bar (see setCountdownShowing).
bool countdownInBar = false;

float barHeight() {
  return theme().target() + theme().gap() * 2;
}
}  // namespace

void setCountdownShowing(bool showing) {
  countdownInBar = showing;
}

Rect displayRect() {
  ImVec2 d = ImGui::GetIO().DisplaySize;
  return {ImVec2(0, 0), d};
}

float mirrorX(float x, float w) {
  return shaping::rightToLeft() ? displayRect().max.x - x - w : x;
}

Nav drawChrome(std::string_view heading, bool back, bool startAgain, Rect* content, float keep) {
  const Theme& t = theme();
  Rect d = displayRect();
  float barH = barHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(d.min, ImVec2(d.max.x, barH), colour::kDarkBlue);
  Nav nav = Nav::kNone;
  if (countdownInBar) back = startAgain = false;  // the countdown has the bar for its few seconds
  // Right to left, the way back is on the right and Start again on the left.
  const bool rtl = shaping::rightToLeft();
  if (back) {
    std::string label = tr("Back");
    ImGui::SetCursorScreenPos(ImVec2(rtl ? d.max.x - t.margin() - buttonWidth(label) : t.margin(), t.gap()));
    if (button(label, ImVec2(buttonWidth(label), t.target()), ButtonStyle::kSecondary, true, "nav-back"))
      nav = Nav::kBack;
  }
  if (startAgain) {
    const char* label = tr("Start again");
    float w = buttonWidth(label);
    ImGui::SetCursorScreenPos(ImVec2(rtl ? t.margin() : d.max.x - t.margin() - w, t.gap()));
    if (button(label, ImVec2(w, t.target()), ButtonStyle::kSecondary, true, "nav-start-again"))
      nav = Nav::kStartAgain;
  }
  // On a short screen the heading gives up its extra size before the keys give up theirs: it shrinks
  // towards one line (no further than labels shrink, never below the buttons' text, larger text
  // included: the question is never smaller than its answers), and the space round it closes up.
  // What still does not leave the screen `keep` for its keys and answers scrolls under a finger.
  bool shortScreen = d.height() < kShortScreenPx;
  float around = shortScreen ? t.gap() : t.gap() * 2;
  float y = barH + around;
  const float bottom = d.max.y - t.margin();
  if (!heading.empty()) {
    float width = d.width() - 2 * t.margin();
    ImFont* font = t.heading();
    float size = font->FontSize;
    float oneLine = measure(heading, font).x;
    if (shortScreen && oneLine > width)
      size = std::max({t.body()->FontSize, size * kMinLabelScale, size * (width - 2) / oneLine});
    const float left = bottom - y - around - keep;
    // A heading taller than its room gives up its extra size first (never below the buttons' text).
    if (shortScreen && shaping::textSize(font, size, heading, width).y > left)
      size = std::min(size, std::max({t.body()->FontSize, font->FontSize * kMinLabelScale}));
    const float room = std::max(size, left);  // one line at the least
    ImGui::SetCursorScreenPos(ImVec2(t.margin(), y));
    y += scrollingText(heading, ImVec2(width, room), "chrome-heading", font, 0, size) + around;
  }
  content->min =
      ImVec2(t.margin(), std::floor(y));  // whole pixels: a button's height stays what it was given
  content->max = ImVec2(d.max.x - t.margin(), bottom);
  return nav;
}

void drawBarTitle(std::string_view title) {
  if (countdownInBar) return;
  const Theme& t = theme();
  const Rect d = displayRect();
  // In the heading font when it fits the bar's width, else in the body font (larger text, a long
  // translation), fitted to the bar.
  ImFont* font = measure(title, t.heading()).x <= d.width() - 2 * t.margin() ? t.heading() : t.body();
  textFitted(title, ImVec2(t.margin(), t.gap() * 0.5f),
             ImVec2(d.max.x - t.margin(), barHeight() - t.gap() * 0.5f), font, colour::kTextOnDark);
}

bool drawCountdown(int seconds) {
  const Theme& t = theme();
  Rect d = displayRect();
  // In the top bar, in place of Back and Start again: over the screen's own buttons at the bottom it
  // covered keys and answers, and moving the screen up for it would move them under a finger.
  float h = barHeight();
  ImVec2 min(0, 0);
  ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(d.max.x, h), colour::kYellow);
  std::string msg = seconds == 1
                        ? std::string(tr("Starting again in 1 second"))
                        : fill(tr("Starting again in {n} seconds"), {{"n", std::to_string(seconds)}});
  const char* more = tr("I need more time");
  // The button no wider than half the bar; the words fill the rest, on two lines when they need them
  // (larger text).
  float w = std::min(buttonWidth(more), std::floor((d.width() - 2 * t.margin()) / 2));
  const bool rtl = shaping::rightToLeft();
  const float buttonX = rtl ? t.margin() : d.max.x - t.margin() - w;
  const float wordsX0 = rtl ? buttonX + w + t.gap() : t.margin();
  const float wordsX1 = rtl ? d.max.x - t.margin() : buttonX - t.gap();
  textFitted(msg, ImVec2(wordsX0, min.y + t.gap() * 0.5f), ImVec2(wordsX1, min.y + h - t.gap() * 0.5f));
  ImGui::SetCursorScreenPos(ImVec2(buttonX, min.y + t.gap()));
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
  const bool rtl = shaping::rightToLeft();  // right to left, the first answer is on the right
  for (int k = 0; k < count; ++k) {
    const int i = rtl ? count - 1 - k : k;
    float w = std::floor(each * scale);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(buttons[i].label, ImVec2(w, height), static_cast<ButtonStyle>(buttons[i].style))) pressed = i;
    x += w + t.gap() * 2 * scale;
  }
  return pressed;
}

float buttonHeightFor(std::string_view label, float width, float height) {
  const Theme& t = theme();
  const float full = t.body()->FontSize - 0.01f;
  const float inner = width - t.basePx * 0.4f;
  if (fitLabel(label, ImVec2(inner, height - t.basePx * 0.15f)).size >= full) return height;
  const float two = std::ceil(t.body()->FontSize * 2 + t.basePx * 0.15f);
  if (two > height && fitLabel(label, ImVec2(inner, two - t.basePx * 0.15f)).size >= full) return two;
  return height;
}

int drawButtonColumn(const RowButton* buttons, int count, float y, const Rect& area, float width,
                     float height) {
  const Theme& t = theme();
  // Wide enough for the longest label at full size where the area allows it, and a button whose label
  // still needs two lines grows to hold them at full size (larger text, a long translation).
  width = std::min(area.width(), width);
  for (int i = 0; i < count; ++i)
    width = std::min(area.width(), std::max(width, buttonWidth(buttons[i].label)));
  float heights[3] = {height, height, height};
  float total = 0;
  for (int i = 0; i < count && i < 3; ++i) {
    heights[i] = buttonHeightFor(buttons[i].label, width, height);
    total += heights[i];
  }
  // On a short screen a column that would run off the bottom becomes a row.
  if (y + total + (count - 1) * t.gap() * 2 > area.max.y)
    return drawButtonRow(buttons, count, y, area, height);
  float x = area.min.x + std::max(0.0f, (area.width() - width) / 2);
  int pressed = -1;
  for (int i = 0; i < count; ++i) {
    const float h = i < 3 ? heights[i] : height;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(buttons[i].label, ImVec2(width, h), static_cast<ButtonStyle>(buttons[i].style))) pressed = i;
    y += h + t.gap() * 2;
  }
  return pressed;
}

}  // namespace longstop::ui
