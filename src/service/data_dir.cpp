#include "service/data_dir.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace longstop::service {
namespace fs = std::filesystem;

namespace {

constexpr const char* kCallIt = " Nothing was changed. Call the practice's IT support.";

DataDirReport unreadable(const fs::path& p, const std::error_code& ec) {
  return {DataDirState::kUnreadable,
          "The data directory " + p.string() + " cannot be read (" + ec.message() + ")." + kCallIt};
}

// Names Longstop writes beside or instead of its database: the database and its journal, one set aside
// as damaged, and the backups folder. Anything else (lost+found on a data partition) is not a site.
bool isLongstopName(const std::string& name) {
  return name.rfind("longstop.db", 0) == 0 || name == "backups";
}

}  // namespace

DataDirReport probeDataDir(const fs::path& dir) {
  std::error_code ec;
  const fs::file_status st = fs::status(dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) return unreadable(dir, ec);
  if (!fs::exists(st)) return {};
  if (!fs::is_directory(st))
    return {DataDirState::kUnreadable, dir.string() + " is not a directory." + kCallIt};

  const fs::path db = dir / "longstop.db";
  const fs::file_status dbStatus = fs::status(db, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) return unreadable(dir, ec);
  if (fs::exists(dbStatus)) {
    if (!fs::is_regular_file(dbStatus))
      return {DataDirState::kUnreadable, db.string() + " is not a database file." + kCallIt};
    if (::access(db.c_str(), R_OK) != 0)
      return unreadable(dir, std::error_code(errno, std::generic_category()));
    return {DataDirState::kSite, {}};
  }

  std::string aside;
  bool traces = false;
  fs::directory_iterator it(dir, ec), end;
  if (ec) return unreadable(dir, ec);
  for (; it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!isLongstopName(name)) continue;
    if (name == "backups" && fs::is_empty(it->path(), ec)) continue;
    traces = true;
    if (name.find(".damaged-") != std::string::npos && name.find("-wal") == std::string::npos &&
        name.find("-shm") == std::string::npos)
      aside = name;
  }
  if (ec) return unreadable(dir, ec);
  if (!traces) return {};
  std::string what =
      "This kiosk's data directory " + dir.string() + " holds Longstop's files but no database";
  if (!aside.empty()) what += " (a damaged one was kept as " + aside + ")";
  return {DataDirState::kNoDatabase,
          what +
              ". It is not a new kiosk and will not be set up as one. Restore the newest backup "
              "(longstopctl backup restore) or call the practice's IT support."};
}

std::string cardRefusal(const fs::path& dir) {
  struct statvfs st {};
  if (statvfs(dir.c_str(), &st) != 0)
    return "The data card cannot be read (" + std::error_code(errno, std::generic_category()).message() +
           ").";
  if ((st.f_flag & ST_RDONLY) != 0)
    return "The data card is read-only. Nothing can be saved; call the practice's IT support.";
  const uint64_t free = static_cast<uint64_t>(st.f_bavail) * st.f_frsize;
  if (free < kCardRoomToResume)
    return "The data card is full (" + std::to_string(free / 1024) +
           " KiB free). Nothing more can be saved until space is made.";
  return {};
}

}  // namespace longstop::service
