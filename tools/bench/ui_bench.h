// The kiosk's screen costs: CPU per frame on the ticket screen at 1280x800 (software renderer) and CPU
// use at rest over 10 s of the real event loop, polling for input every 40 ms as under KMSDRM.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds frame_cpu_ms_p50/p99 (ticket screen), idle_cpu_percent and idle_cpu_ms_per_10s.
bool benchUi(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
