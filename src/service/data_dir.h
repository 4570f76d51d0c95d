// What a data directory holds, found without opening the database and without throwing: a kiosk
// must never take a directory it cannot read, or one whose database was set aside, for a new site.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace longstop::service {

enum class DataDirState {
  kEmpty,       // missing, or nothing of Longstop's in it: first-boot setup may make a site here
  kSite,        // longstop.db is there
  kNoDatabase,  // Longstop's files (a damaged database kept aside, backups, a WAL) but no database
  kUnreadable,  // the directory or the database cannot be read or is not what it should be
};

struct DataDirReport {
  DataDirState state = DataDirState::kEmpty;
  /// For kNoDatabase and kUnreadable: what is wrong and what to do, for a person.
  std::string message;
};

DataDirReport probeDataDir(const std::filesystem::path& dir);

/// Room a data card needs before a kiosk that found it full takes check-ins again: a check-in writes
/// about 32 KiB to the WAL, which may have to grow towards SQLite's 4 MiB checkpoint size.
inline constexpr uint64_t kCardRoomToResume = 1 << 20;

/// Why the card holding `dir` cannot take writes just now (mounted read-only, or less than
/// kCardRoomToResume free), for a person; empty when it can. Asks the file system only (statvfs).
std::string cardRefusal(const std::filesystem::path& dir);

}  // namespace longstop::service
