// Printed tickets: the time to lay a ticket out and encode it (ticket to ESC/POS raster bytes) and the
// job's size on both paper widths; and the ticket screen's frame time while its job is being sent to a
// printer that takes bytes at a thermal printer's pace, against the same screen with printing off,
// measured in the same run.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds print_render_ms_p50_{58,80}mm, print_job_bytes_{58,80}mm, ticket_frame_ms_p50/p99 with printing
/// off and while sending, their ratio, and how many frames were drawn while the job was on its way.
bool benchPrint(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
