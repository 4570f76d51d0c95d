// KioskApp's screen stack: the fault, first-boot setup, the admin screen, the staff screens and the
// patient flow, top to bottom. The top-most one that shows takes the frame, the input, the scanned
// codes and the clocks; a screen is pushed by opening it (it starts to show) and popped by closing it.
// Private to kiosk_app.cpp and kiosk_app_screens.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/kiosk_app.h"

namespace longstop::app {

/// One layer of the stack, drawing and acting through the app's own parts.
class KioskApp::Screen {
 public:
  explicit Screen(KioskApp& app) : app_(app) {}
  virtual ~Screen() = default;

  /// True while this screen is open (and so hides every screen below it).
  virtual bool showing() const = 0;
  /// Names what shows, down to the step within a screen (KioskApp::screenName).
  virtual std::string name() const = 0;
  virtual void frame() = 0;
  virtual void onText(std::string_view) {}
  virtual void onKey(ui::Key) {}
  /// A code already let through the debouncer.
  virtual void onScan(std::string_view) {}
  virtual bool onKeypad(ui::KeypadKey, char) { return false; }
  virtual void noteActivity() {}
  /// The screen's clocks; `background` is what the app's own work (keys, printer) asks, `peers` what
  /// replication asks. True when a frame is wanted.
  virtual bool tick(bool background, bool /*peers*/) { return background; }
  virtual int64_t msUntilNextTick() const { return 1000; }

 protected:
  KioskApp& app_;
};

}  // namespace longstop::app
