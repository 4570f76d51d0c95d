// NHS number on the keypad, grouped 3-3-4 as it is typed and checked (Modulo 11) before looking it up.
#pragma once

#include <string>

#include "core/nhs_number.h"
#include "ui/input.h"
#include "ui/keypads.h"

namespace longstop::ui {

struct NhsNumberState {
  std::string digits;   // up to ten digits, no spaces
  std::string message;  // the friendly "that doesn't look right"
};

struct NhsNumberIntent {
  enum class Kind { kNone, kBack, kStartAgain, kKey, kNext, kSkip };
  Kind kind = Kind::kNone;
  KeyPress key;

  NhsNumberIntent(Kind k = Kind::kNone, KeyPress p = {}) : kind(k), key(p) {}
};

enum class NhsNumberOutcome { kStay, kBack, kStartAgain, kSubmit, kSkip };

/// kSubmit with *out set when ten digits pass the check; otherwise a message and kStay.
NhsNumberOutcome applyNhsNumber(NhsNumberState& s, const NhsNumberIntent& in, core::NhsNumber* out);
NhsNumberIntent nhsNumberIntentForKey(Key k);
NhsNumberIntent nhsNumberIntentForChar(char32_t c);
void wipe(NhsNumberState& s);

struct NhsNumberView {
  const NhsNumberState& state;
  const char* heading;
  const char* nextLabel;
  const char* skipLabel;  // null: no skip button (the appointment path); walk-ins may skip
};

NhsNumberIntent drawNhsNumber(const NhsNumberView& v);

/// The friendly message for a number that fails the check.
const char* nhsNumberWrongMessage();

}  // namespace longstop::ui
