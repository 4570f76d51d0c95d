// Telling systemd how the kiosk is doing (sd_notify): ready, alive, stopping. When Longstop is built
// without libsystemd, or runs outside a Type=notify unit (no NOTIFY_SOCKET), every call does nothing, so
// the app calls them unconditionally.
#pragma once

#include <cstdint>

namespace longstop::app {

/// READY=1: the database is open and the first frame is on the screen. Call once.
void notifyReady();

/// WATCHDOG=1, at most once per half watchdog interval however often it is called; call it on every
/// turn of the main loop. Does nothing when the unit has no watchdog.
void notifyAlive();

/// STOPPING=1: shutting down on request (so a slow shutdown is not taken for a hang).
void notifyStopping();

/// The unit's watchdog interval in milliseconds (WatchdogSec=), or 0 when there is none. The main loop
/// must wake at least twice within it.
int64_t watchdogIntervalMs();

}  // namespace longstop::app
