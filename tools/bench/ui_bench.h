// The kiosk's screen costs: CPU per frame on the ticket screen at 1280x800 (software renderer,
// headless) and CPU use at rest over 10 s, against one idle-thread baseline measured in the same run.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds frame_cpu_ms_p50/p99 (ticket screen), idle_cpu_percent and idle_wakeups_per_s.
bool benchUi(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
