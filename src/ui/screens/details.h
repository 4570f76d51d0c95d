// Appointment by details, as NHS arrival screens do it: date of birth, first letter of surname, sex,
// one question at a time.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/patient.h"
#include "ui/dob_entry.h"
#include "ui/input.h"
#include "ui/keypads.h"

namespace longstop::ui {

struct DetailsState {
  enum class Step { kDateOfBirth, kInitial, kSex };
  Step step = Step::kDateOfBirth;
  DobEntry dob;
  std::optional<char> initial;
  std::string message;  // why "Next" did not move on, in plain words
};

struct DetailsIntent {
  enum class Kind { kNone, kBack, kStartAgain, kKey, kFocus, kNext, kLetter, kSex, kUseNhsNumber };
  Kind kind = Kind::kNone;
  KeyPress key;                  // kKey
  int focus = 0;                 // kFocus
  char letter = 0;               // kLetter
  std::optional<core::Sex> sex;  // kSex: empty = "Prefer not to say"

  DetailsIntent(Kind k = Kind::kNone, KeyPress p = {}, int f = 0, char l = 0, std::optional<core::Sex> x = {})
      : kind(k), key(p), focus(f), letter(l), sex(x) {}
};

enum class DetailsOutcome { kStay, kBack, kStartAgain, kUseNhsNumber, kSubmit };

/// What the patient's answer does to the state. kSubmit when all three answers are in; then
/// *dobOut and *sexOut hold the answers (the initial is in the state).
DetailsOutcome applyDetails(DetailsState& s, const DetailsIntent& in, core::Date today, core::Date* dobOut,
                            std::optional<core::Sex>* sexOut);
/// A physical key or typed text as an intent on this screen (digits, letters, Enter, Backspace, Escape).
DetailsIntent detailsIntentForKey(const DetailsState& s, Key k);
DetailsIntent detailsIntentForChar(const DetailsState& s, char32_t c);
void wipe(DetailsState& s);

DetailsIntent drawDetails(const DetailsState& s);

}  // namespace longstop::ui
