// Reading codes from 1280x720 frames: Longstop's tuned ZXing settings against ZXing's defaults and the
// zbarimg program, on the same generated corpus in the same run.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds qr_decode_ms_p50/p99, qr_detect_rate, qr_false_positives, the same as zxing_default_* and
/// zbarimg_* (zbarimg timed per process, plus zbarimg_baseline_ms for `zbarimg --version`), and
/// qr_vs_zxing_default_p50/p99/mean. PNG files for zbarimg go under `dir`. False when the corpus cannot be
/// written.
bool benchScan(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
