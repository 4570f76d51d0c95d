// What a data directory holds, found without opening the database and without throwing: a kiosk
// must never take a directory it cannot read, or one whose database was set aside, for a new site.
#pragma once

#include <filesystem>
#include <string>

namespace longstop::service {

enum class DataDirState {
  kEmpty,        // missing, or nothing of Longstop's in it: first-boot setup may make a site here
  kSite,         // longstop.db is there
  kNoDatabase,   // Longstop's files (a damaged database kept aside, backups, a WAL) but no database
  kUnreadable,   // the directory or the database cannot be read or is not what it should be
};

struct DataDirReport {
  DataDirState state = DataDirState::kEmpty;
  /// For kNoDatabase and kUnreadable: what is wrong and what to do, for a person.
  std::string message;
};

DataDirReport probeDataDir(const std::filesystem::path& dir);

}  // namespace longstop::service
