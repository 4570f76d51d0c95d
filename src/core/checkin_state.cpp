// The check-in state machine: one table of legal moves, and plain reasons for the rest.
#include "core/checkin_state.h"

#include <array>
#include <string>

namespace longstop::core {
namespace {

using S = CheckinState;
using A = CheckinAction;

struct Move {
  S from;
  A action;
  S to;
};

// Every legal move; anything not listed is refused.
constexpr std::array<Move, 11> kMoves = {{
    {S::kWaiting, A::kCall, S::kCalled},
    {S::kWaiting, A::kLeft, S::kLeft},
    {S::kWaiting, A::kPark, S::kParked},
    {S::kWaiting, A::kTransfer, S::kWaiting},
    {S::kWaiting, A::kCancel, S::kCancelled},
    {S::kCalled, A::kSeen, S::kSeen},
    {S::kCalled, A::kRecall, S::kCalled},
    {S::kCalled, A::kNoShow, S::kNoShow},
    {S::kCalled, A::kLeft, S::kLeft},
    {S::kParked, A::kUnpark, S::kWaiting},
    {S::kParked, A::kCancel, S::kCancelled},
}};

constexpr std::array<std::string_view, 7> kStateNames = {"waiting", "called", "seen",     "no-show",
                                                         "left",    "parked", "cancelled"};
constexpr std::array<std::string_view, 9> kActionNames = {"call", "recall", "seen",     "no-show", "left",
                                                          "park", "unpark", "transfer", "cancel"};

// "A patient who ..." for each state, in enum order.
constexpr std::array<std::string_view, 7> kWho = {
    "A patient who is waiting",          "A patient who has been called", "A patient who has been seen",
    "A patient marked as a no-show",     "A patient who has left",        "A patient who is on hold",
    "A check-in that has been cancelled"};
// "... cannot be ..." for each action, in enum order.
constexpr std::array<std::string_view, 9> kWhat = {
    "called",         "called again", "marked as seen", "marked as a no-show",
    "marked as left", "put on hold",  "taken off hold", "moved to another queue",
    "cancelled"};

std::string reason(S from, A action) {
  const std::string who(kWho[static_cast<size_t>(from)]);
  if (from == S::kCalled && action == A::kCall) return who + " can only be called again with recall";
  if (from == S::kWaiting && action == A::kRecall) {
    return who + " has not been called yet, so cannot be called again";
  }
  if (from == S::kParked && action == A::kCall) return who + " cannot be called; take them off hold first";
  const bool wasCalled = from == S::kSeen || from == S::kNoShow;
  const std::string what =
      action == A::kCall && wasCalled ? "called again" : std::string(kWhat[static_cast<size_t>(action)]);
  return who + " cannot be " + what;
}

}  // namespace

Result<CheckinState> applyAction(CheckinState from, CheckinAction action) {
  for (const Move& m : kMoves)
    if (m.from == from && m.action == action) return m.to;
  if (static_cast<size_t>(from) >= kWho.size() || static_cast<size_t>(action) >= kWhat.size()) {
    return invalidInput("That check-in state or action is not known");
  }
  return conflict(reason(from, action));
}

bool isFinal(CheckinState s) {
  return s == S::kSeen || s == S::kNoShow || s == S::kLeft || s == S::kCancelled;
}

std::string_view toString(CheckinState s) {
  const auto i = static_cast<size_t>(s);
  return i < kStateNames.size() ? kStateNames[i] : "unknown";
}

std::string_view toString(CheckinAction a) {
  const auto i = static_cast<size_t>(a);
  return i < kActionNames.size() ? kActionNames[i] : "unknown";
}

std::optional<CheckinState> stateFromString(std::string_view s) {
  for (size_t i = 0; i < kStateNames.size(); ++i)
    if (kStateNames[i] == s) return static_cast<CheckinState>(i);
  return std::nullopt;
}

std::optional<CheckinAction> actionFromString(std::string_view s) {
  for (size_t i = 0; i < kActionNames.size(); ++i)
    if (kActionNames[i] == s) return static_cast<CheckinAction>(i);
  return std::nullopt;
}

}  // namespace longstop::core
