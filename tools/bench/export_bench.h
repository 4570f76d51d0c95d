// Re-entry batches at scale: 10,000 check-ins exported to a sealed batch, verified and opened again,
// and how many QR frames they take; against a baseline of one crypto_box_seal of the same bytes.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds export_10k_s, verify_decrypt_10k_s, qr_stream_frames_10k, batch_bytes_10k, seal_same_bytes_s,
/// export_vs_seal_ratio, and export_worker_open_10k_ms (the export worker's own Site opened on that
/// database) with export_worker_open_vs_export, to `report`, working in `dir` (created here).
bool benchExport(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
