// What a press on a staff screen asks for: one small struct per thing, carrying exactly what it needs
// (a record ID, a queue, an action), and StaffIntent, the one of them a frame produced. Each screen's
// drawing returns a StaffIntent; StaffConsole::apply acts on it, in the file of the screen it belongs to.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "core/checkin_state.h"
#include "ui/keypads.h"

namespace longstop::ui::staff::intent {

// Any screen.
struct Close {};         // leave sign-in (or the console) for the patient screens
struct Back {};          // to the console, or the previous step
struct SignOut {};       //
struct StaySignedIn {};  // the idle warning's one tap
struct TypeKey {         // the on-screen keyboard or keypad of the screen showing
  KeyPress key;
};

// Sign-in (sign_in_apply.cpp).
struct Next {};  // the card is entered: ask for the PIN
struct SignIn {};

// The queue console (console_apply.cpp).
struct CallNext {
  std::string queueId;
  std::optional<std::string> clinician;  // only this clinician's patients ("": those without one)
};
struct ShowQueue {  // the tabs show this queue first (when not every queue fits)
  int index = 0;
};
struct Open {  // one check-in's screen
  std::string recordId;
};
struct RowAction {  // seen, no-show or call again, pressed on a list row
  std::string recordId;
  core::CheckinAction action = core::CheckinAction::kSeen;
};
struct Acknowledge {  // an urgent alert
  std::string recordId;
};
struct PickRoom {         // the room screen
  std::string clinician;  // empty: choose the clinician first
  std::string queueId;    // whose clinicians it offers; empty: the queue already chosen
};
struct SetRoom {
  std::string room;
};

// One check-in (patient_apply.cpp).
struct Act {  // on the open check-in: call, recall, seen, no-show, left, park, unpark
  core::CheckinAction action = core::CheckinAction::kCall;
};
struct PickTransfer {};
struct TransferTo {
  std::string queueId;
};
struct PickCancel {};
struct CancelWith {
  std::string reason;  // one of kCancelReasons
};
struct PickMerge {};
struct MergeWith {
  std::string otherId;
  bool keepOther = false;  // the other stays and the open one is folded into it (else the reverse)
};
struct Edit {};     // the walk-in questions, to change the open check-in's details
struct Reprint {};  // the open check-in's ticket, printed again marked REPRINT

// The console's tools (tools_apply.cpp).
struct OpenSearch {};
struct OpenAdd {};
struct PickAppointment {  // a row of today's appointments not yet arrived
  std::string appointmentId;
};
struct AddAppointment {
  bool urgent = false;
};
struct AddWalkIn {};
struct SaveList {};
struct OpenSummary {};
struct OpenAdmin {};  // an administrator: settings, drill

// Export (staff_export.cpp).
struct OpenExport {};
struct MakeBatch {};
struct CopyToUsb {};
struct ShowQr {};
struct StopQr {};

}  // namespace longstop::ui::staff::intent

namespace longstop::ui::staff {

/// Nothing pressed (std::monostate), or what was.
using StaffIntent =
    std::variant<std::monostate, intent::Close, intent::Back, intent::SignOut, intent::StaySignedIn,
                 intent::TypeKey, intent::Next, intent::SignIn, intent::CallNext, intent::ShowQueue,
                 intent::Open, intent::RowAction, intent::Acknowledge, intent::PickRoom, intent::SetRoom,
                 intent::Act, intent::PickTransfer, intent::TransferTo, intent::PickCancel,
                 intent::CancelWith, intent::PickMerge, intent::MergeWith, intent::Edit, intent::Reprint,
                 intent::OpenSearch, intent::OpenAdd, intent::PickAppointment, intent::AddAppointment,
                 intent::AddWalkIn, intent::SaveList, intent::OpenSummary, intent::OpenAdmin,
                 intent::OpenExport, intent::MakeBatch, intent::CopyToUsb, intent::ShowQr, intent::StopQr>;

/// True when something was pressed.
inline bool pressed(const StaffIntent& in) {
  return !std::holds_alternative<std::monostate>(in);
}

}  // namespace longstop::ui::staff
