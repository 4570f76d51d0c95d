// Online backups of the device's database: a consistent copy taken with SQLite's backup API while the
// kiosk keeps writing, made durable, with only the newest few kept.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace longstop::store {

struct BackupResult {
  std::filesystem::path file;  // the new copy, <destDir>/longstop-YYYYmmdd-HHMMSS.db
  int removed = 0;             // older copies deleted to keep `keep`
};

/// Copies the SQLite database at `source` into `destDir` (created if missing) as
/// `longstop-YYYYmmdd-HHMMSS.db` (UTC), through a temporary file that is fsync'd, renamed into place and
/// followed by an fsync of the directory, so a power cut leaves either no new copy or a whole one.
/// Writers are not blocked for longer than one step of the copy; the copy is of one committed state.
/// Then deletes all but the newest `keep` (>= 1) copies. The source is opened read-only and is never
/// migrated or changed. Errors: kNotFound (no source), kInvalidInput (keep < 1), kStorage otherwise.
core::Result<BackupResult> backupDatabase(const std::filesystem::path& source,
                                          const std::filesystem::path& destDir, int keep);

}  // namespace longstop::store
