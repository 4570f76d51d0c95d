// Hybrid logical clock stamps for the events of a site (docs/site.md). A stamp is one 64-bit number:
// wall-clock milliseconds in the high 48 bits and a counter in the low 16, so stamps sort as numbers.
// A device's next stamp is never below the newest stamp it has seen from anyone, so an event written
// after another was seen sorts after it even when the two devices' clocks disagree.
#pragma once

#include <cstdint>

namespace longstop::core {

inline constexpr int kHlcCounterBits = 16;

/// The stamp of an event written at `wallMs` by a device whose newest stamp seen (its own or a peer's)
/// is `newestSeen` (0 when none).
inline int64_t nextHlc(int64_t newestSeen, int64_t wallMs) {
  const int64_t physical = (wallMs < 0 ? 0 : wallMs) << kHlcCounterBits;
  return physical > newestSeen ? physical : newestSeen + 1;
}

/// The stamp of an event written before stamps existed: its wall clock, counter 0.
inline int64_t legacyHlc(int64_t atMs) {
  return (atMs < 0 ? 0 : atMs) << kHlcCounterBits;
}

/// The wall-clock milliseconds of a stamp.
inline int64_t hlcMillis(int64_t hlc) {
  return hlc >> kHlcCounterBits;
}

}  // namespace longstop::core
