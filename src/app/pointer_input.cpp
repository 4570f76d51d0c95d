#include "app/pointer_input.h"

#include <SDL.h>

namespace longstop::app {

bool PointerInput::onEvent(const SDL_Event& e, int panelW, int panelH, int rotation) {
  auto mouseAt = [&](int x, int y) {
    return panelToPicture(ImVec2(float(x), float(y)), rotation, panelW, panelH);
  };
  auto fingerAt = [&](float x, float y) {
    return panelToPicture(ImVec2(x * float(panelW), y * float(panelH)), rotation, panelW, panelH);
  };
  switch (e.type) {
    case SDL_MOUSEMOTION:
      // SDL repeats a touch as a mouse (SDL_TOUCH_MOUSEID); the finger's own events are used instead.
      if (e.motion.which == SDL_TOUCH_MOUSEID) return true;
      if (!fingerDown_) moveTo(mouseAt(e.motion.x, e.motion.y));
      return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      // A touch panel that also drives the pointer (X11) reports the same touch as a mouse button too.
      if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT || fingerDown_)
        return true;
      set(mouseAt(e.button.x, e.button.y), e.type == SDL_MOUSEBUTTONDOWN);
      return true;
    case SDL_FINGERDOWN:
      if (fingerDown_) return true;
      fingerDown_ = true;
      finger_ = e.tfinger.fingerId;
      set(fingerAt(e.tfinger.x, e.tfinger.y), true);
      return true;
    case SDL_FINGERMOTION:
      if (fingerDown_ && e.tfinger.fingerId == finger_) moveTo(fingerAt(e.tfinger.x, e.tfinger.y));
      return true;
    case SDL_FINGERUP:
      if (!fingerDown_ || e.tfinger.fingerId != finger_) return true;
      fingerDown_ = false;
      set(fingerAt(e.tfinger.x, e.tfinger.y), false);
      return true;
    default:
      return false;
  }
}

void PointerInput::moveTo(ImVec2 pos) {
  (queue_.empty() ? current_ : queue_.back()).pos = pos;
}

void PointerInput::set(ImVec2 pos, bool down) {
  const Pointer& last = queue_.empty() ? current_ : queue_.back();
  if (last.down == down) return moveTo(pos);
  queue_.push_back(Pointer{pos, down});
}

Pointer PointerInput::next() {
  if (!queue_.empty()) {
    current_ = queue_.front();
    queue_.pop_front();
  }
  return current_;
}

}  // namespace longstop::app
