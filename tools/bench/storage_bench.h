// Durable check-ins against their floor: a bare SQLite commit and a bare write+fsync, same run, same disk.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds checkin_commit_us_p50/p99, raw_sqlite_commit_us_p50, fsync_us_p50, fsyncs_per_checkin and
/// checkin_vs_raw_commit to `report`, working in `dir` (which should be on the disk being measured).
bool benchStorage(const std::filesystem::path& dir, int rounds, Report& report);

}  // namespace longstop::bench
