// Walk-in: surname, first names, date of birth, sex, NHS number (optional) and the service, one question
// at a time, with an on-screen keyboard for the names.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/patient.h"
#include "core/queue.h"
#include "ui/dob_entry.h"
#include "ui/input.h"
#include "ui/keypads.h"
#include "ui/screens/nhs_number.h"

namespace longstop::ui {

struct WalkInState {
  enum class Step { kSurname, kForenames, kDateOfBirth, kSex, kNhsNumber, kService };
  Step step = Step::kSurname;
  std::string surname;
  std::string forenames;
  DobEntry dob;
  std::optional<core::Sex> sex;  // set once answered; kUnknown for "Prefer not to say"
  NhsNumberState nhs;
  std::optional<core::NhsNumber> nhsNumber;
  std::string message;
};

struct WalkInIntent {
  enum class Kind { kNone, kBack, kStartAgain, kKey, kFocus, kNext, kSex, kSkip, kQueue };
  Kind kind = Kind::kNone;
  KeyPress key;  // kKey: keyboard or keypad
  int focus = 0;
  core::Sex sex = core::Sex::kUnknown;
  std::string queueId;

  WalkInIntent(Kind k = Kind::kNone, KeyPress p = {}, int f = 0, core::Sex x = core::Sex::kUnknown,
               std::string q = {})
      : kind(k), key(p), focus(f), sex(x), queueId(std::move(q)) {}
};

enum class WalkInOutcome { kStay, kBack, kStartAgain, kSubmit };

/// On kSubmit, *out holds the patient's details and the chosen queue.
struct WalkInAnswers {
  core::PatientDetails patient;
  std::string queueId;
};
WalkInOutcome applyWalkIn(WalkInState& s, const WalkInIntent& in, core::Date today, WalkInAnswers* out);
WalkInIntent walkInIntentForKey(const WalkInState& s, Key k);
/// Typed text goes into the name being asked for, or digits into the keypad steps.
void typeIntoWalkIn(WalkInState& s, std::string_view utf8);
void wipe(WalkInState& s);

struct WalkInView {
  const WalkInState& state;
  const std::vector<core::QueueDef>& queues;  // in the order shown
};
WalkInIntent drawWalkIn(const WalkInView& v);

}  // namespace longstop::ui
