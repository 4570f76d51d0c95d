// Finger-sized keypads: digits (dates of birth, NHS numbers), a QWERTY keyboard (names) and an A–Z
// grid (first letter of surname). Drawing returns what was pressed; the editing rules are plain
// functions so they are tested without a display.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <imgui.h>

namespace longstop::ui {

struct KeyPress {
  enum class Kind { kNone, kChar, kDelete };
  Kind kind = Kind::kNone;
  char32_t ch = 0;  // for kChar: a digit, a letter (upper case), ' ', '\'' or '-'
  explicit operator bool() const { return kind != Kind::kNone; }
};

/// The size of the 3x4 digit keypad that fits `maxHeight`, keys at most one touch target tall.
ImVec2 digitKeypadSize(float maxHeight);
/// The least height the digit keypad needs: four rows of keys a fingertip tall (kMinButtonPx). A screen
/// leaves it this much (drawChrome's `keep`) before its words take the rest.
float digitKeypadMinHeight();
/// The same for the QWERTY keyboard's four rows.
float keyboardMinHeight();
/// 1 2 3 / 4 5 6 / 7 8 9 / Delete 0; drawn with its top-left corner at `topLeft`.
KeyPress drawDigitKeypad(ImVec2 topLeft, float maxHeight);

/// The height of the QWERTY keyboard that fits `width` x `maxHeight`.
float keyboardHeight(float width, float maxHeight);
/// Q–P, A–L ', Z–M -, then Space and Delete; spans `width` from `topLeft`.
KeyPress drawKeyboard(ImVec2 topLeft, float width, float maxHeight);

/// A–Z in rows that fit `width`; `selected` is drawn chosen. Returns the letter pressed.
std::optional<char> drawLetterGrid(ImVec2 topLeft, float width, std::optional<char> selected);
float letterGridHeight(float width);

/// Applies an on-screen keyboard press to a name: letters start upper case at the start of a word
/// (after a space, hyphen or apostrophe) and are lower case otherwise; Delete removes one code point.
/// Names are limited to `maxBytes`.
void applyToName(std::string& name, const KeyPress& press, size_t maxBytes = 100);
/// Appends typed text (a physical keyboard, a script) as it is, within `maxBytes`; drops control
/// characters.
void appendTyped(std::string& name, std::string_view utf8, size_t maxBytes = 100);
/// Removes the last code point.
void popCodePoint(std::string& s);

}  // namespace longstop::ui
