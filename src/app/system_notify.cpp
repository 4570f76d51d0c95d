// sd_notify through libsystemd when it is there; otherwise no-ops.
#include "app/system_notify.h"

#include <chrono>

#if defined(LONGSTOP_HAVE_SYSTEMD)
#include <systemd/sd-daemon.h>
#endif

namespace longstop::app {
namespace {

#if defined(LONGSTOP_HAVE_SYSTEMD)
using SteadyClock = std::chrono::steady_clock;

// Asked once: the interval cannot change during the life of the process.
int64_t intervalFromSystemd() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0) return 0;
  return static_cast<int64_t>(usec / 1000);
}
#endif

}  // namespace

int64_t watchdogIntervalMs() {
#if defined(LONGSTOP_HAVE_SYSTEMD)
  static const int64_t interval = intervalFromSystemd();
  return interval;
#else
  return 0;
#endif
}

void notifyReady() {
#if defined(LONGSTOP_HAVE_SYSTEMD)
  (void)sd_notify(0, "READY=1\nSTATUS=Showing the welcome screen");
  notifyAlive();
#endif
}

void notifyAlive() {
#if defined(LONGSTOP_HAVE_SYSTEMD)
  const int64_t interval = watchdogIntervalMs();
  if (interval <= 0) return;
  // Only the main loop calls this, so a plain static is enough. A ping every quarter interval leaves
  // room for one slow frame.
  static SteadyClock::time_point last{};
  const auto now = SteadyClock::now();
  if (last != SteadyClock::time_point{} && now - last < std::chrono::milliseconds(interval / 4)) return;
  last = now;
  (void)sd_notify(0, "WATCHDOG=1");
#endif
}

void notifyStopping() {
#if defined(LONGSTOP_HAVE_SYSTEMD)
  (void)sd_notify(0, "STOPPING=1");
#endif
}

}  // namespace longstop::app
