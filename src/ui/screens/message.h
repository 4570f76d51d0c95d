// The screens that send a patient to reception: no match or several, "not mine", already checked in,
// a code we don't recognise, and "Sorry, please see reception" when the check-in could not be stored.
#pragma once

#include <string>

namespace longstop::ui {

enum class MessageKind {
  kNoMatch,           // none or several appointments: see reception, or join the walk-in queue
  kAlreadyCheckedIn,  // that appointment already has a ticket
  kUnrecognisedCode,  // a scanned code that is not ours
  kSorry,             // the check-in failed: nothing else is shown
};

struct MessageView {
  MessageKind kind = MessageKind::kNoMatch;
  std::string time;  // kAlreadyCheckedIn
  std::string clinician;
};

enum class MessageIntent { kNone, kBack, kStartAgain, kJoinWalkIn, kDone };

MessageIntent drawMessage(const MessageView& v);

}  // namespace longstop::ui
