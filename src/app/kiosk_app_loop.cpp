// KioskApp's loop: SDL's events turned into the app's input (keys, a numeric keypad, text, presses),
// waiting for work without spinning, and stopping when asked (a signal, the window closed).
#include <algorithm>
#include <chrono>
#include <csignal>
#include <thread>

#include <SDL.h>

#include "app/kiosk_app.h"
#include "app/system_notify.h"

namespace longstop::app {
namespace {
volatile std::sig_atomic_t gStop = 0;

// How often to look for input when SDL cannot sleep until an event arrives (KMSDRM): 25 Hz keeps a
// touch feeling immediate and costs a few microseconds a wake.
constexpr int64_t kPollIntervalMs = 40;
// Frames drawn after an input event, so ImGui settles hover and release states.
constexpr int kFramesAfterInput = 3;

std::optional<ui::Key> keyOf(SDL_Keycode k) {
  switch (k) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
      return ui::Key::kEnter;
    case SDLK_BACKSPACE:
      return ui::Key::kBackspace;
    case SDLK_ESCAPE:
      return ui::Key::kEscape;
    case SDLK_TAB:
      return ui::Key::kTab;
    case SDLK_DELETE:
      return ui::Key::kDelete;
    case SDLK_LEFT:
      return ui::Key::kLeft;
    case SDLK_RIGHT:
      return ui::Key::kRight;
    case SDLK_UP:
      return ui::Key::kUp;
    case SDLK_DOWN:
      return ui::Key::kDown;
    case SDLK_F2:
      return ui::Key::kF2;
    case SDLK_F3:
      return ui::Key::kF3;
    case SDLK_F4:
      return ui::Key::kF4;
    default:
      return std::nullopt;
  }
}
// A numeric keypad's keys, and while spoken guidance is on a keyboard's arrows and Backspace too.
std::optional<std::pair<ui::KeypadKey, char>> keypadOf(SDL_Scancode code, bool listening) {
  using K = ui::KeypadKey;
  if (code >= SDL_SCANCODE_KP_1 && code <= SDL_SCANCODE_KP_9)
    return std::pair{K::kDigit, static_cast<char>('1' + (code - SDL_SCANCODE_KP_1))};
  switch (code) {
    case SDL_SCANCODE_KP_0:
      return std::pair{K::kDigit, '0'};
    case SDL_SCANCODE_KP_ENTER:
      return std::pair{K::kEnter, '\0'};
    case SDL_SCANCODE_KP_MINUS:
      return std::pair{K::kBack, '\0'};
    case SDL_SCANCODE_KP_BACKSPACE:
      return std::pair{K::kDelete, '\0'};
    case SDL_SCANCODE_KP_DIVIDE:  // where the digits type, / and * still move the focus
      return std::pair{K::kLeft, '\0'};
    case SDL_SCANCODE_KP_MULTIPLY:
      return std::pair{K::kRight, '\0'};
    default:
      break;
  }
  if (!listening) return std::nullopt;
  switch (code) {
    case SDL_SCANCODE_UP:
      return std::pair{K::kUp, '\0'};
    case SDL_SCANCODE_DOWN:
      return std::pair{K::kDown, '\0'};
    case SDL_SCANCODE_LEFT:
      return std::pair{K::kLeft, '\0'};
    case SDL_SCANCODE_RIGHT:
      return std::pair{K::kRight, '\0'};
    case SDL_SCANCODE_BACKSPACE:
      return std::pair{K::kDelete, '\0'};
    default:
      return std::nullopt;
  }
}
}  // namespace

void KioskApp::requestStop() {
  gStop = 1;
}

bool KioskApp::stopRequested() {
  return gStop != 0;
}

bool KioskApp::handleEvent(const SDL_Event& e, bool* quit) {
  display_->processEvent(e);
  (void)pointer_.onEvent(e, display_->panelWidth(), display_->panelHeight(), display_->rotation());
  switch (e.type) {
    case SDL_QUIT:
      if (!options_.kioskMode) *quit = true;  // in kiosk mode only a signal (systemd) stops the app
      return false;
    case SDL_KEYDOWN:
      keypadDigit_ = 0;
      if (auto kp = keypadOf(e.key.keysym.scancode, flow_ && flow_->state().listen);
          kp && onKeypad(kp->first, kp->second)) {
        keypadDigit_ = kp->second;
        return true;
      }
      if (auto k = keyOf(e.key.keysym.sym)) onKey(*k);
      return true;
    case SDL_TEXTINPUT:
      // With Num Lock on a keypad digit also arrives as text; onKeypad has already used it.
      if (keypadDigit_ && e.text.text[0] == keypadDigit_ && !e.text.text[1]) {
        keypadDigit_ = 0;
        return true;
      }
      onText(e.text.text);
      return true;
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
      noteActivity();
      return true;
    case SDL_WINDOWEVENT:
      return false;
    default:
      return false;
  }
}

void KioskApp::waitForWork(int64_t timeoutMs, bool* quit, int* framesWanted) {
  SDL_Event e;
  bool got = false;
  if (display_->canWaitForEvents()) {
    got = SDL_WaitEventTimeout(&e, static_cast<int>(timeoutMs)) != 0;
  } else {
    got = SDL_PollEvent(&e) != 0;
    if (!got && timeoutMs > 0) {
      // Headless there is no input to wait for; otherwise look again soon.
      int64_t sleep = options_.display.headless ? timeoutMs : std::min(timeoutMs, kPollIntervalMs);
      std::this_thread::sleep_for(std::chrono::milliseconds(sleep));
      got = SDL_PollEvent(&e) != 0;
    }
  }
  while (got) {
    if (handleEvent(e, quit))
      *framesWanted = kFramesAfterInput;
    else if (e.type == SDL_WINDOWEVENT)
      *framesWanted = std::max(*framesWanted, 1);
    got = SDL_PollEvent(&e) != 0;
  }
}

void KioskApp::TEST_pumpEvents() {
  bool quit = false;
  int framesWanted = 0;
  waitForWork(0, &quit, &framesWanted);
  while (framesWanted > 0 || pointer_.pending()) {
    frame();
    framesWanted = std::max(0, framesWanted - 1);
  }
}

void KioskApp::run(const std::atomic<bool>* stop) {
  bool quit = false;
  frame();
  notifyReady();
  // Wake at least once a second (a stop request) and twice per systemd watchdog interval.
  int64_t maxSleep = 1000;
  if (int64_t w = watchdogIntervalMs(); w > 0) maxSleep = std::clamp<int64_t>(w / 2, 1, 1000);
  int framesWanted = 0;
  while (!quit && !gStop && !becameBoard_ && !(stop != nullptr && stop->load())) {
    notifyAlive();
    if (framesWanted > 0) {
      frame();
      --framesWanted;
    }
    // Presses and releases still queued each want a frame of their own.
    if (pointer_.pending()) framesWanted = std::max(framesWanted, 1);
    int64_t timeout = framesWanted > 0 ? 0 : std::min(msUntilNextTick(), maxSleep);
    waitForWork(timeout, &quit, &framesWanted);
    if (takeScans()) framesWanted = std::max(framesWanted, kFramesAfterInput);
    if (scanInput_ && scanInput_->previewWaiting()) framesWanted = std::max(framesWanted, 1);
    if (tick()) framesWanted = std::max(framesWanted, 1);
  }
  notifyStopping();
  markHighWater(true);
}

}  // namespace longstop::app
