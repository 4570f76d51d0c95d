// The touch gate on its own: which presses it passes to ImGui around a screen change.
#include <catch2/catch.hpp>

#include "app/touch_gate.h"

using namespace longstop::app;

namespace {
const ImVec2 kAt(100, 100);
bool seenDown(TouchGate& g, bool down, int64_t nowMs) {
  return g.filter(Pointer{kAt, down}, nowMs).down;
}
bool seenAt(TouchGate& g, bool down, int64_t nowMs) {
  return g.filter(Pointer{kAt, down}, nowMs).pos.x == kAt.x;
}
}  // namespace

TEST_CASE("a press within the settle time after a screen change is kept from ImGui, release and all") {
  TouchGate g;
  g.noteScreen("welcome", 0);
  g.noteScreen("has-appointment", 1000);
  CHECK_FALSE(seenDown(g, true, 1000 + kTouchSettleMs - 1));
  // Still held after the settle time: the same press stays refused, and its release is not seen here.
  CHECK_FALSE(seenDown(g, true, 1000 + kTouchSettleMs + 200));
  CHECK_FALSE(seenAt(g, false, 1000 + kTouchSettleMs + 250));
  // The next press, once settled, is passed on.
  CHECK(seenDown(g, true, 1000 + kTouchSettleMs + 300));
  CHECK(seenAt(g, false, 1000 + kTouchSettleMs + 350));
}

TEST_CASE("a press begun before a screen change is taken away when the screen changes") {
  TouchGate g;
  g.noteScreen("confirm", 0);
  CHECK(seenDown(g, true, 5000));
  g.noteScreen("safety", 5100);
  CHECK_FALSE(seenAt(g, true, 5200));
  CHECK_FALSE(seenAt(g, false, 9000));  // lifted long after: still not seen, so it presses nothing
  CHECK(seenAt(g, false, 9100));        // hovering again afterwards is harmless
}

TEST_CASE("the first screen is not a change; the same screen drawn again is not either") {
  TouchGate g;
  g.noteScreen("welcome", 1000);
  CHECK(g.msUntilSettled(1000) == 0);
  g.noteScreen("welcome", 2000);
  CHECK(seenDown(g, true, 2001));
}

TEST_CASE("settle time left, and a clock set back does not freeze the screen") {
  TouchGate g;
  g.noteScreen("a", 0);
  g.noteScreen("b", 10000);
  CHECK(g.msUntilSettled(10100) == kTouchSettleMs - 100);
  CHECK(g.msUntilSettled(10000 + kTouchSettleMs) == 0);
  CHECK(g.msUntilSettled(5000) == 0);
  CHECK(seenDown(g, true, 5000));
}
