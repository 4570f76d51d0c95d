// The schema, as numbered migrations (PRAGMA user_version). An old database opens and migrates.
#pragma once

#include "core/result.h"

namespace longstop::store {

class Database;

/// The version a fully migrated database has.
int latestSchemaVersion();
/// Applies every migration above the file's user_version, each in its own transaction.
core::Status migrate(Database& db);

}  // namespace longstop::store
