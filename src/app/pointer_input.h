// The pointer ImGui sees, made from SDL's mouse and touch events rather than from SDL's global mouse
// state (which Dear ImGui 1.86's SDL backend reads): so a touch is placed where it landed on a rotated
// panel, a press and release within one frame still make a tap, two quick taps stay two taps, and a test
// can push real SDL events and have them followed exactly as a person's would be.
#pragma once

#include <cfloat>
#include <cstdint>
#include <deque>

#include "app/display.h"

union SDL_Event;

namespace longstop::app {

class PointerInput {
 public:
  /// Takes a mouse or touch event (anything else is ignored; returns false). `panelW` x `panelH` is
  /// the window in pixels; `rotation` as in panelToPicture().
  bool onEvent(const SDL_Event& e, int panelW, int panelH, int rotation);
  /// The pointer for the next frame: at most one press or release is taken per frame, so ImGui sees
  /// each one in a frame of its own.
  Pointer next();
  /// True while presses or releases wait for their frame.
  bool pending() const { return !queue_.empty(); }

 private:
  void moveTo(ImVec2 pos);
  void set(ImVec2 pos, bool down);

  std::deque<Pointer> queue_;  // changes of the button, oldest first
  Pointer current_{ImVec2(-FLT_MAX, -FLT_MAX), false};
  bool fingerDown_ = false;
  int64_t finger_ = 0;  // the finger that is down; a second finger is ignored
};

}  // namespace longstop::app
