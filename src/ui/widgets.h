// The kiosk's own thin widgets over Dear ImGui. Each one records its label, rectangle and visible text
// as it is drawn, because Debian's ImGui has no test-engine hooks: the automation runner reads that
// record to find "the button labelled Check in" and to check what text is on screen.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace longstop::ui {

/// One widget as drawn in the last frame.
struct WidgetRecord {
  std::string label;  // what a person reads on it (for text: the text itself)
  ImVec2 min, max;    // screen rectangle in pixels
  bool clickable = false;
  bool enabled = true;
  bool visible = true;  // its centre lies inside the window and the clip rectangle
  // Where its label was allowed to go (a button: its box) and where it was drawn; a widget that does not
  // say is taken to have drawn its text over its whole rectangle, with the screen as its room.
  ImVec2 roomMin{}, roomMax{};
  ImVec2 textMin{}, textMax{};
  float textScale = 1.0f;  // the label's font size over the font's own size (fitLabel)
  float textPx = 0;        // the size its text was drawn at, in pixels (0: not known)
  // A text longer than its window, which a finger drags (scrollingText): min/max are the window's part
  // it fills, and a cue at the window's edge shows there is more.
  bool scrolls = false;
  float scrolled = 0;  // how far such a text is scrolled, in pixels (0: its top is in view)
  ImVec2 centre() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};

/// Everything drawn in one frame, in drawing order.
class WidgetLog {
 public:
  void clear() { widgets_.clear(); }
  void add(WidgetRecord r);
  const std::vector<WidgetRecord>& widgets() const { return widgets_; }

  /// The visible clickable widget whose label is exactly `label` (else, the only one that contains it);
  /// null when there is none.
  const WidgetRecord* findClickable(std::string_view label) const;
  /// True when any visible widget's label contains `needle`.
  bool showsText(std::string_view needle) const;
  /// The visible labels, one per line: for a failing script's message.
  std::string describe() const;

 private:
  std::vector<WidgetRecord> widgets_;
};

/// The smallest a label may shrink to fit its box, as a fraction of the font in use (with larger text,
/// still more than four fifths of the normal text size).
constexpr float kMinLabelScale = 2.0f / 3.0f;

/// The least a button may shrink to on a short screen, in pixels: still a fingertip.
constexpr float kMinButtonPx = 60.0f;

/// How a label fits a box: at what size, on one line or two.
struct FittedLabel {
  float size = 0;        // font size in pixels
  std::string lines[2];  // lines[1] is empty when the label is on one line
  ImVec2 extent;         // the drawn text's width and height
  bool fits = false;     // false: even at the floor it spills over the box
};
/// Fits `s` into `box` in `font` (null: body font): full size on one line when it fits, else split at a
/// space onto two lines when the box is tall enough, else smaller, never below kMinLabelScale.
FittedLabel fitLabel(std::string_view s, ImVec2 box, ImFont* font = nullptr, bool allowTwoLines = true);

/// Opens the one full-screen, undecorated, unmovable window a screen draws into (`id` names it) and
/// pushes `font`. Close it with endScreenWindow().
void beginScreenWindow(const char* id, ImFont* font);
void endScreenWindow();

/// Where widgets record themselves; null (the default) records nothing.
void setWidgetLog(WidgetLog* log);
WidgetLog* widgetLog();

enum class ButtonStyle {
  kPrimary,    // white on NHS blue: the way forward
  kSecondary,  // blue on white with a blue edge: Back, Start again, other choices
  kSelected,   // a chosen option: white on dark blue with a yellow edge
  kUrgent,     // white on red: "Yes, I need help now"
  kKey,        // keypad and keyboard keys: dark text on pale blue with an edge
};

/// A button of `size` at the cursor; returns true when pressed. `id` makes labels that repeat unique.
bool button(std::string_view label, const ImVec2& size, ButtonStyle style = ButtonStyle::kPrimary,
            bool enabled = true, const char* id = nullptr);
/// The width a button needs for its label with comfortable padding, never narrower than a touch target.
float buttonWidth(std::string_view label);

/// Text at the cursor, in `font` (null: body font), recorded as visible text.
void text(std::string_view s, ImFont* font = nullptr, ImU32 colour = 0);
/// Text centred horizontally between x0 and x1 at height y.
void textCentred(std::string_view s, float x0, float x1, float y, ImFont* font = nullptr, ImU32 colour = 0);
/// Text wrapped to `width` starting at the cursor, at `size` pixels (0: the font's own); returns the height
/// used.
float textWrapped(std::string_view s, float width, ImFont* font = nullptr, ImU32 colour = 0, float size = 0);
/// Text wrapped to room.x at the cursor, shrunk (never below kMinLabelScale) until it is no taller than
/// room.y; returns the height used.
float textWrappedFitted(std::string_view s, ImVec2 room, ImU32 colour = 0, ImFont* font = nullptr);
/// Explanatory text wrapped to room.x at `size` (0: the font's own), never shrunk: when it is taller than
/// room.y it is shown in a window room.y tall that a finger's drag (or the mouse wheel) scrolls, with a
/// bar at the window's right edge showing that there is more and where the view is. Keys, answers and
/// the way forward are never put in one: only words that explain. `id` keeps the position from frame to
/// frame (a new text, or one not drawn in the frame before, starts at its top). Returns the height used.
float scrollingText(std::string_view s, ImVec2 room, const char* id, ImFont* font = nullptr, ImU32 colour = 0,
                    float size = 0);
/// The size `s` takes wrapped to `width`.
ImVec2 measureWrapped(std::string_view s, float width, ImFont* font = nullptr);
/// Text fitted into [min,max] as fitLabel() does, left-aligned and centred vertically.
void textFitted(std::string_view s, ImVec2 min, ImVec2 max, ImFont* font = nullptr, ImU32 colour = 0);
/// The size `s` takes in `font` (null: body font).
ImVec2 measure(std::string_view s, ImFont* font = nullptr);

/// The height of a field's label line (fields draw their label above the box).
float fieldLabelHeight();
/// A box showing what has been typed into a field, with its label above it, fitted to the box's width
/// (or to `labelWidth` when nothing stands beside the box); tapping it returns true (to move the focus
/// there). The focused field has a thick yellow-and-black edge, not just a colour.
bool field(std::string_view label, std::string_view value, const ImVec2& boxSize, bool focused,
           const char* id = nullptr, float labelWidth = 0);

}  // namespace longstop::ui
