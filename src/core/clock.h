// Time as the core sees it: passed in, never read from the system here.
#pragma once

#include <cstdint>

namespace longstop::core {

/// A moment: milliseconds since the Unix epoch (UTC) and the local offset in force then.
struct Instant {
  int64_t unixMs = 0;
  int32_t utcOffsetMinutes = 0;  // Europe/London: 0 in winter, 60 in summer

  /// Minutes since the epoch on the local wall clock; what appointment times are written in.
  int64_t localMinutes() const { return floorDiv(unixMs, 60000) + utcOffsetMinutes; }
  /// Days since 1970-01-01 on the local wall clock.
  int64_t localDay() const { return floorDiv(localMinutes(), 1440); }

  static int64_t floorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
};

/// The source of "now". The real one lives in the app (system clock); tests use FakeClock.
struct Clock {
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

/// A clock that only moves when told to; for tests and for the automation runner's `wait`.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : now_(start) {}
  Instant now() const override { return now_; }
  void advanceMs(int64_t ms) { now_.unixMs += ms; }
  void set(Instant i) { now_ = i; }

 private:
  Instant now_;
};

}  // namespace longstop::core
