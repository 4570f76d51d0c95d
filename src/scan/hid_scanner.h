// A USB barcode scanner that acts as a keyboard, read through evdev on its own thread. The device is
// grabbed (EVIOCGRAB) so its keystrokes never reach a text field; each burst ending in Enter becomes one
// scan. An unplugged scanner is reported once and reopened when it comes back.
#pragma once

#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "scan/device_watch.h"

namespace longstop::scan {

class HidScanner {
 public:
  /// `device`: an evdev node, best a stable one like /dev/input/by-id/usb-...-event-kbd.
  /// `reporter` is called on the scanner's thread.
  HidScanner(std::string device, DeviceReporter reporter);
  /// Ungrabs and closes the device, stops the thread.
  ~HidScanner();
  HidScanner(const HidScanner&) = delete;
  HidScanner& operator=(const HidScanner&) = delete;

  /// The oldest scan not yet taken. Never waits.
  std::optional<std::string> poll();

 private:
  void run();
  int wakeFd_ = -1;  // an eventfd that ends the thread's poll()
  std::string device_;
  DeviceWatch watch_;  // used on the thread only
  std::mutex mutex_;
  std::deque<std::string> scans_;  // guarded by mutex_; at most a few, oldest dropped
  std::thread thread_;
};

}  // namespace longstop::scan
