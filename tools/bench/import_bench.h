// An import of a big day's appointment list, and how long it keeps a patient's check-in out: the
// write lock as another connection sees it, against the import's whole time in the same run.
#pragma once

#include <filesystem>

#include "stats.h"

namespace longstop::bench {

/// Adds import_20k_s, import_20k_lock_ms (the longest stretch a second connection found the write
/// lock taken while the import ran) and import_lock_vs_import to `report`, working in `dir`.
bool benchImport(const std::filesystem::path& dir, Report& report);

}  // namespace longstop::bench
