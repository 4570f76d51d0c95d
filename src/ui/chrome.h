// What frames every patient screen: the top bar with Back and Start again, the question as a heading,
// and the idle countdown banner. Screens draw inside the content rectangle it returns.
#pragma once

#include <optional>
#include <string_view>

#include <imgui.h>

namespace longstop::ui {

enum class Nav { kNone, kBack, kStartAgain };

struct Rect {
  ImVec2 min, max;
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
};

/// The whole display as a rectangle.
Rect displayRect();
/// Where something `w` wide that a left-to-right layout puts at `x` goes: there, or mirrored across the
/// display when the language reads right to left.
float mirrorX(float x, float w);

/// Draws the top bar (Back on the left, Start again on the right, either may be left out) and the
/// heading under it; returns what was pressed and sets *content to the space left for the screen.
/// `keep` is the height the screen needs under the heading for its keys, answers and way forward: a
/// heading that would leave less (larger text on a short screen) is shown in a window that leaves it,
/// scrolled by a finger (scrollingText), never less than one line.
Nav drawChrome(std::string_view heading, bool back, bool startAgain, Rect* content, float keep = 0);

/// A title in the top bar itself (white on dark blue), for screens with no Back or Start again.
void drawBarTitle(std::string_view title);

/// The "Starting again in N seconds" banner in the top bar; returns true when "I need more time" is
/// pressed (any touch also counts as activity). Call setCountdownShowing(true) before the screen is drawn.
bool drawCountdown(int seconds);
/// Whether this frame shows the countdown: while it does, drawChrome and drawBarTitle leave the bar to it
/// (no Back, no Start again, no title), and the screen below stays where it is.
void setCountdownShowing(bool showing);

/// The height a button `width` wide needs to show `label` at full size: `height`, or two lines' worth
/// when the label needs two (larger text, a long translation) and they fit.
float buttonHeightFor(std::string_view label, float width, float height);

/// Lays out buttons of equal height in one centred row; returns the index pressed or -1.
struct RowButton {
  std::string_view label;
  int style;  // a ButtonStyle
};
int drawButtonRow(const RowButton* buttons, int count, float y, const Rect& area, float height);
/// Lays buttons out in a centred column, each `width` wide (a row when the column does not fit above
/// area.max.y); returns the index pressed or -1.
int drawButtonColumn(const RowButton* buttons, int count, float y, const Rect& area, float width,
                     float height);

}  // namespace longstop::ui
