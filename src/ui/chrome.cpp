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

// The page under the bar, when it scrolls. Scrolling is ours, not ImGui's (whose scroll takes effect a
// frame late and would carry one patient's position to the next screen): every widget is placed from
// the page's top, which moves up as the finger drags it.
struct PageState {
  bool open = false;
  std::string key;    // the screen's heading: a new heading starts at the top
  float scroll = 0;
  ImVec2 viewMin, viewMax;  // the part on screen
  ImVec2 min, max;          // the whole page, in screen coordinates
};
PageState page;

float dragThreshold() {
  return std::max(6.0f, theme().basePx * 0.35f);
}

float barHeight() {
  return theme().target() + theme().gap() * 2;
}

// Follows the finger (or the mouse wheel) and returns whether this press is a drag, not a tap.
bool followDrag(float maxScroll) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 start = io.MouseClickedPos[0];
  const bool startedHere = start.x >= page.viewMin.x && start.y >= page.viewMin.y && start.x < page.viewMax.x &&
                           start.y < page.viewMax.y;
  const float t = dragThreshold();
  const bool dragging =
      startedHere && (io.MouseDown[0] || io.MouseReleased[0]) && io.MouseDragMaxDistanceSqr[0] >= t * t;
  if (dragging && io.MouseDown[0]) page.scroll -= io.MouseDelta.y;
  const ImVec2 m = io.MousePos;
  if (io.MouseWheel != 0 && m.y >= page.viewMin.y && m.y < page.viewMax.y)
    page.scroll -= io.MouseWheel * theme().target();
  page.scroll = std::clamp(page.scroll, 0.0f, maxScroll);
  return dragging;
}

// Where the page is and how much of it is below: a bar in the right margin (a picture, not a control:
// the whole page is what the finger drags).
void drawScrollIndicator() {
  const Theme& t = theme();
  const float viewH = page.viewMax.y - page.viewMin.y, pageH = page.max.y - page.min.y;
  if (pageH <= viewH) return;
  const float w = std::max(4.0f, t.basePx * 0.25f);
  const float x1 = page.viewMax.x - t.gap() * 0.5f, x0 = x1 - w;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(x0, page.viewMin.y + t.gap()), ImVec2(x1, page.viewMax.y - t.gap()), colour::kDisabled,
                    w / 2);
  const float track = viewH - 2 * t.gap();
  const float thumbH = std::max(t.basePx, track * viewH / pageH);
  const float thumbY = page.viewMin.y + t.gap() + (track - thumbH) * page.scroll / (pageH - viewH);
  dl->AddRectFilled(ImVec2(x0, thumbY), ImVec2(x1, thumbY + thumbH), colour::kBlue, w / 2);
}
}  // namespace

float pageHeight() {
  const Rect d = displayRect();
  return theme().largerText && d.height() < kShortScreenPx ? std::floor(d.height() * kLargerTextFactor) : d.height();
}

bool pageOpen() {
  return page.open;
}

void endPage() {
  if (!page.open) return;
  ImGui::PopClipRect();
  drawScrollIndicator();
  page.open = false;
  clearPage();
}

void inTopBar(const std::function<void()>& draw) {
  if (!page.open) return draw();
  ImGui::PopClipRect();
  clearPage();
  draw();
  ImGui::PushClipRect(page.viewMin, page.viewMax, true);
  setPage(page.min, page.max, false);
}

float pageScroll() {
  return page.scroll;
}

void TEST_setPageScroll(float y) {
  page.scroll = y;
}

void setCountdownShowing(bool showing) {
  countdownInBar = showing;
}

Rect displayRect() {
  ImVec2 d = ImGui::GetIO().DisplaySize;
  return {ImVec2(0, 0), d};
}

Nav drawChrome(std::string_view heading, bool back, bool startAgain, Rect* content, bool mayScroll) {
  const Theme& t = theme();
  Rect d = displayRect();
  float barH = barHeight();
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
  float top = barH;  // the page's top: above the bar's bottom when the page is scrolled
  float bottom = d.max.y;
  float right = d.max.x - t.margin();
  endPage();
  if (mayScroll && pageHeight() > d.height()) {
    if (page.key != heading) {
      page.key = std::string(heading);
      page.scroll = 0;
    }
    page.viewMin = ImVec2(0, barH);
    page.viewMax = d.max;
    const float pageH = pageHeight() - barH;
    const bool dragging = followDrag(pageH - (d.height() - barH));
    top = barH - page.scroll;
    bottom = top + pageH;
    page.min = ImVec2(0, top);
    page.max = ImVec2(d.max.x, bottom);
    // Clear of the scroll indicator in the margin.
    right = d.max.x - std::max(t.margin(), t.basePx * 0.25f + t.gap());
    ImGui::PushClipRect(page.viewMin, page.viewMax, true);
    page.open = true;
    setPage(page.min, page.max, dragging);
  } else {
    page.key.clear();
    page.scroll = 0;
  }
  float y = top + around;
  if (!heading.empty()) {
    float width = right - t.margin();
    ImFont* font = t.heading();
    float size = font->FontSize;
    float oneLine = measure(heading, font).x;
    if (shortScreen && oneLine > width)
      size = std::max({t.body()->FontSize, size * kMinLabelScale, size * (width - 2) / oneLine});
    ImGui::SetCursorScreenPos(ImVec2(t.margin(), y));
    y += textWrapped(heading, width, font, 0, size) + around;
  }
  content->min = ImVec2(t.margin(), y);
  content->max = ImVec2(right, bottom - t.margin());
  return nav;
}

void drawBarTitle(std::string_view title) {
  if (countdownInBar) return;
  inTopBar([&] {
    const Theme& t = theme();
    const Rect d = displayRect();
    // In the heading font when it fits the bar's width, else in the body font (larger text, a long
    // translation), fitted to the bar.
    ImFont* font = measure(title, t.heading()).x <= d.width() - 2 * t.margin() ? t.heading() : t.body();
    textFitted(title, ImVec2(t.margin(), t.gap() * 0.5f), ImVec2(d.max.x - t.margin(), barHeight() - t.gap() * 0.5f),
               font, colour::kTextOnDark);
  });
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
  const float buttonX = d.max.x - t.margin() - w;
  textFitted(msg, ImVec2(t.margin(), min.y + t.gap() * 0.5f), ImVec2(buttonX - t.gap(), min.y + h - t.gap() * 0.5f));
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
  for (int i = 0; i < count; ++i) {
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
  for (int i = 0; i < count; ++i) width = std::min(area.width(), std::max(width, buttonWidth(buttons[i].label)));
  float heights[3] = {height, height, height};
  float total = 0;
  for (int i = 0; i < count && i < 3; ++i) {
    heights[i] = buttonHeightFor(buttons[i].label, width, height);
    total += heights[i];
  }
  // On a short screen a column that would run off the bottom becomes a row.
  if (y + total + (count - 1) * t.gap() * 2 > area.max.y) return drawButtonRow(buttons, count, y, area, height);
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
