// The screens that send a patient to reception, each saying what happened: no appointment found, several
// that fit, too early, too late, another day, "not mine", already checked in, a code we don't recognise,
// and "Sorry, please see reception" when the check-in could not be stored. None offers the walk-in queue:
// a patient who says they have an appointment and joins it becomes a duplicate (decisions.md).
#pragma once

#include <string>

namespace longstop::ui {

enum class MessageKind {
  kNotFound,          // no appointment with these details on any day: check them, NHS number, reception
  kNotFoundNhs,       // a valid NHS number with no appointment today
  kNotFoundCode,      // an appointment code that is in no list here
  kSeveral,           // two or more appointments fit these details: NHS number or reception
  kTooEarly,          // the appointment is later today: come back at `from`, or see reception
  kTooLate,           // the appointment time has passed: reception decides
  kOtherDay,          // the appointment found is not today's
  kNotMine,           // "This is not me" on the confirm screen
  kAlreadyCheckedIn,  // that appointment already has a ticket
  kUnrecognisedCode,  // a scanned code that is not ours
  kSorry,             // the check-in failed: nothing else is shown
};

struct MessageView {
  MessageKind kind = MessageKind::kNotFound;
  std::string time;  // kAlreadyCheckedIn, kTooEarly, kTooLate
  std::string clinician;
  std::string from;             // kTooEarly: when check-in opens
  bool offerNhsNumber = false;  // the details were typed: the NHS number may tell us more
};

enum class MessageIntent { kNone, kBack, kStartAgain, kUseNhsNumber, kDone };

MessageIntent drawMessage(const MessageView& v);

}  // namespace longstop::ui
