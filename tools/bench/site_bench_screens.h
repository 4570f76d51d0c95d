// A site's screens, each device with its own data directory and its own nats-server on loopback: how
// long a call made on a reception desk takes to be drawn by a calling board device (the board's real
// loop, BoardApp::run, replicating by itself as `longstop` does for `device.role` board), and how long
// an urgent answer on a kiosk takes to raise the red banner on a desk device (KioskApp as a desk,
// signed in, stepped the way its own loop steps it).
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds site_call_to_board_ms_p50/p99 (commit of a call on the desk to the board having drawn it),
/// site_calls_missed (calls not drawn within 5 s, none dropped from the count) and
/// site_alert_to_desk_ms_p50/p99 with site_alerts_missed (commit of an urgent check-in on the kiosk to
/// the desk's frame showing its banner) to `report`, working in `dir`.
bool benchSiteScreens(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
