// The check-in state machine, checked over every (state, action) pair.
#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/checkin_state.h"

using namespace longstop::core;
using S = CheckinState;
using A = CheckinAction;

namespace {

const std::vector<S> kAllStates = {S::kWaiting, S::kCalled, S::kSeen,     S::kNoShow,
                                   S::kLeft,    S::kParked, S::kCancelled};
const std::vector<A> kAllActions = {A::kCall, A::kRecall, A::kSeen,     A::kNoShow, A::kLeft,
                                    A::kPark, A::kUnpark, A::kTransfer, A::kCancel};

// The legal moves, written out from the diagram in checkin_state.h.
const std::map<std::pair<S, A>, S> kLegal = {
    {{S::kWaiting, A::kCall}, S::kCalled},      {{S::kCalled, A::kSeen}, S::kSeen},
    {{S::kCalled, A::kRecall}, S::kCalled},     {{S::kCalled, A::kNoShow}, S::kNoShow},
    {{S::kCalled, A::kLeft}, S::kLeft},         {{S::kWaiting, A::kLeft}, S::kLeft},
    {{S::kWaiting, A::kPark}, S::kParked},      {{S::kParked, A::kUnpark}, S::kWaiting},
    {{S::kWaiting, A::kTransfer}, S::kWaiting}, {{S::kWaiting, A::kCancel}, S::kCancelled},
    {{S::kParked, A::kCancel}, S::kCancelled},
};

}  // namespace

TEST_CASE("every pair of state and action does what the diagram says") {
  int legal = 0, refused = 0;
  for (S from : kAllStates) {
    for (A action : kAllActions) {
      INFO(std::string(toString(from)) << " + " << std::string(toString(action)));
      Result<CheckinState> to = applyAction(from, action);
      auto it = kLegal.find({from, action});
      if (it != kLegal.end()) {
        REQUIRE(to.ok());
        CHECK(*to == it->second);
        ++legal;
      } else {
        REQUIRE_FALSE(to.ok());
        CHECK(to.error().code == ErrorCode::kConflict);
        CHECK_FALSE(to.error().message.empty());
        ++refused;
      }
    }
  }
  CHECK(legal == 11);
  CHECK(refused == 7 * 9 - 11);
}

TEST_CASE("refusals name the state and the action in plain words") {
  Result<CheckinState> r = applyAction(S::kSeen, A::kCall);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "A patient who has been seen cannot be called again");
  CHECK_THAT(applyAction(S::kCancelled, A::kUnpark).error().message, Catch::Contains("cancelled"));
  CHECK_THAT(applyAction(S::kParked, A::kCall).error().message, Catch::Contains("on hold"));
  CHECK_THAT(applyAction(S::kWaiting, A::kSeen).error().message, Catch::Contains("waiting"));
  CHECK_THAT(applyAction(S::kWaiting, A::kSeen).error().message, Catch::Contains("seen"));
  CHECK_THAT(applyAction(S::kLeft, A::kNoShow).error().message, Catch::Contains("no-show"));
  CHECK_THAT(applyAction(S::kCalled, A::kCall).error().message, Catch::Contains("recall"));
  CHECK_THAT(applyAction(S::kWaiting, A::kRecall).error().message, Catch::Contains("not been called yet"));
}

TEST_CASE("final states allow nothing further") {
  for (S s : kAllStates) {
    const bool expectedFinal = s == S::kSeen || s == S::kNoShow || s == S::kLeft || s == S::kCancelled;
    INFO(std::string(toString(s)));
    CHECK(isFinal(s) == expectedFinal);
    if (!expectedFinal) continue;
    for (A a : kAllActions) CHECK_FALSE(applyAction(s, a).ok());
  }
}

TEST_CASE("state and action names round-trip and are distinct") {
  std::set<std::string> names;
  for (S s : kAllStates) {
    const std::string name(toString(s));
    CHECK(names.insert(name).second);
    CHECK(stateFromString(name) == s);
  }
  CHECK(toString(S::kNoShow) == "no-show");
  CHECK(toString(S::kWaiting) == "waiting");
  names.clear();
  for (A a : kAllActions) {
    const std::string name(toString(a));
    CHECK(names.insert(name).second);
    CHECK(actionFromString(name) == a);
  }
  CHECK(toString(A::kCall) == "call");
  CHECK(toString(A::kRecall) == "recall");
  CHECK_FALSE(stateFromString("").has_value());
  CHECK_FALSE(stateFromString("Waiting").has_value());
  CHECK_FALSE(stateFromString("noshow").has_value());
  CHECK_FALSE(actionFromString("").has_value());
  CHECK_FALSE(actionFromString("CALL").has_value());
  CHECK_FALSE(actionFromString("waiting").has_value());
}
