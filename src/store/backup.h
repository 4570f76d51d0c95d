// The database as bytes, for sealed backups: a consistent copy taken with SQLite's backup API while the
// kiosk keeps writing, held in memory only (so nothing unsealed is written beside the backups), and the
// way back from such bytes to a database that can be checked before it is put in place.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/database.h"

namespace longstop::store {

/// An in-memory copy of the database at `source`, one committed state. Writers are not blocked for
/// longer than one step of the copy. The source is opened read-only and never migrated or changed.
/// Errors: kNotFound (no source), kStorage otherwise.
core::Result<std::unique_ptr<Database>> snapshot(const std::filesystem::path& source);

/// The bytes of a database file holding what `db` holds, marked as not in WAL mode (one file, nothing
/// beside it). The caller zeroes them when done.
core::Result<std::string> imageOf(Database& db);

/// A database in memory from such bytes, migrated to the latest schema; nothing is written to disk.
/// kCorrupt when the bytes are not a sound SQLite database.
core::Result<std::unique_ptr<Database>> fromImage(std::string_view image);

}  // namespace longstop::store
