// The scan screen with the camera's picture: CPU per frame on the UI thread when a new preview frame
// has arrived (texture upload and drawing, software renderer, 1280x800), camera frames from files.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds ui_scan_preview_frame_ms_p50/p99 and ui_scan_preview_frames (how many of the measured frames
/// drew a new picture).
bool benchScanPreview(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
