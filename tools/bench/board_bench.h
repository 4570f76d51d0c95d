// The calling board's latency, through the real board: BoardApp::run() (`longstop --board`'s own loop,
// offscreen and silent) on this thread, a desk calling patients on another. Measured from the commit
// of a call to the board having drawn it.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds board_call_latency_ms_p50/p99 (calls the board drew), board_calls_missed (calls not drawn
/// within 5 s: none is dropped from the count) and board_poll_interval_ms (the baseline: a poll-driven
/// board cannot do better than about half of it on average) to `report`, working in `dir`.
bool benchBoard(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
