// The calling board's latency: from the commit of a call to the board's feed seeing it, polling
// changed() + read() at the board's real interval, as `longstop --board` does.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds board_call_latency_ms_p50, board_call_latency_ms_p99 and board_poll_interval_ms (the baseline:
/// a poll-driven board cannot do better than about half of it on average) to `report`, working in `dir`.
bool benchBoard(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
