// The life of one check-in as an explicit state machine. Illegal moves are refused with a reason.
//
//   waiting --call--> called --seen--> seen
//                     called --recall--> called        (call again, e.g. no answer)
//                     called --no-show--> no-show
//                     called --left--> left
//   waiting --left--> left                             (went home before being called)
//   waiting --park--> parked --unpark--> waiting
//   waiting --transfer--> waiting                      (now in another queue)
//   waiting|parked --cancel--> cancelled
//   called --unpark-- not allowed, and so on: see the table in checkin_state.cpp.
#pragma once

#include <optional>
#include <string_view>

#include "core/result.h"

namespace longstop::core {

enum class CheckinState { kWaiting, kCalled, kSeen, kNoShow, kLeft, kParked, kCancelled };
enum class CheckinAction { kCall, kRecall, kSeen, kNoShow, kLeft, kPark, kUnpark, kTransfer, kCancel };

/// The state after `action`, or a conflict error naming both ("A patient who has been seen cannot be
/// called again").
Result<CheckinState> applyAction(CheckinState from, CheckinAction action);
/// True for seen, no-show, left and cancelled: nothing more happens to the check-in.
bool isFinal(CheckinState s);

std::string_view toString(CheckinState s);   // "waiting", "called", "seen", "no-show", ...
std::string_view toString(CheckinAction a);  // "call", "recall", ...
std::optional<CheckinState> stateFromString(std::string_view s);
std::optional<CheckinAction> actionFromString(std::string_view s);

}  // namespace longstop::core
