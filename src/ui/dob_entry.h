// Date of birth on the numeric keypad: three boxes (day, month, year) filled in turn. Shared by the
// appointment-by-details screen and the walk-in screen.
#pragma once

#include <string>

#include <imgui.h>

#include "core/date.h"
#include "core/result.h"
#include "ui/keypads.h"

namespace longstop::ui {

struct DobEntry {
  std::string day, month, year;
  int focus = 0;  // 0 day, 1 month, 2 year

  std::string& part(int i) { return i == 0 ? day : i == 1 ? month : year; }
  const std::string& part(int i) const { return i == 0 ? day : i == 1 ? month : year; }
  bool complete() const { return !day.empty() && !month.empty() && year.size() == 4; }
};

/// Adds a digit to the focused box and moves on when it is full (2, 2, 4 digits); Delete removes one
/// digit, stepping back to the previous box when the focused one is empty.
void applyKey(DobEntry& e, const KeyPress& press);
/// The date, checked as a date of birth on `today` (message for a person on failure).
core::Result<core::Date> dateOfBirth(const DobEntry& e, core::Date today);
/// Fills the boxes from a date (to carry a date of birth from one path to another).
void setDate(DobEntry& e, core::Date d);
void wipe(DobEntry& e);

/// What the patient did on the date-of-birth step.
struct DobStepPress {
  KeyPress key;        // a keypad key
  int focus = -1;      // the box tapped, or -1
  bool next = false;   // Next
  bool other = false;  // the other way in (otherLabel)
};

/// The date-of-birth step inside [min,max]: the three boxes with the keypad on the right, Next under
/// the boxes, `message` (why Next did not move on) under Next and, when `otherLabel` is not null, a
/// button for another way in at the bottom.
/// The least height the step needs under its heading `width` wide (its keypad, boxes, Next and the
/// other way in, each a fingertip tall): what a screen leaves it (drawChrome's `keep`).
float dobStepMinHeight(const char* otherLabel, float width);
DobStepPress drawDobStep(const DobEntry& e, const std::string& message, const char* otherLabel, ImVec2 min,
                         ImVec2 max);

}  // namespace longstop::ui
