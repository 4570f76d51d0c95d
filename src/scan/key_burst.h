// A USB barcode scanner that acts as a keyboard "types" each code as a fast burst of key events ending
// in Enter. This turns evdev key events into those strings, with a US keyboard layout (what scanners
// send by default). Pure logic: the tests feed it synthetic input_event sequences.
#pragma once

#include <linux/input.h>

#include <cstdint>
#include <optional>
#include <string>

namespace longstop::scan {

class KeyBurstAssembler {
 public:
  /// gapMs: a longer pause between two keys starts a new burst (what came before was a fragment).
  explicit KeyBurstAssembler(int64_t gapMs = 250) : gapMs_(gapMs) {}

  /// Feeds one event; returns the whole text when this event is the Enter that ends a non-empty burst.
  std::optional<std::string> feed(const input_event& ev);
  /// Forgets a half-read burst (e.g. when the device went away).
  void reset();

  /// The character a key gives, or 0 for keys that give none. For tests and tools.
  static char characterFor(uint16_t code, bool shift);

  /// Longest burst kept; anything longer is dropped whole (a stuck key, not a code).
  static constexpr size_t kMaxLength = 4096;

 private:
  int64_t gapMs_;
  std::string text_;
  bool leftShift_ = false;
  bool rightShift_ = false;
  bool overflow_ = false;
  int64_t lastKeyMs_ = -1;
};

}  // namespace longstop::scan
