// What the calling board may show: recent calls (ticket → room) and how many wait per queue. Read
// from the database read-only while the kiosk writes (WAL). Never a name: the queries touch only
// tickets, rooms, queue names and counts.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace longstop::service {

struct BoardCall {
  int64_t eventSeq = 0;  // increases with every call; a new one means "announce"
  int64_t atMs = 0;
  std::string ticket;
  std::string room;
};

struct BoardState {
  std::string siteName;
  std::vector<BoardCall> recentCalls;                        // newest first
  std::vector<std::pair<std::string, int>> waitingPerQueue;  // queue name, count
  std::vector<std::string> urgentTickets;  // urgent alerts today not yet acknowledged, oldest first
};

class BoardFeed {
 public:
  static core::Result<std::unique_ptr<BoardFeed>> open(const std::filesystem::path& dataDir);
  /// True when the kiosk has committed anything since the last read (cheap: PRAGMA data_version).
  bool changed();
  /// The last `maxCalls` calls, and today's waiting counts and unacknowledged urgent alerts for local
  /// day `localDay`.
  core::Result<BoardState> read(int64_t localDay, int maxCalls = 6);

 private:
  explicit BoardFeed(std::unique_ptr<store::Database> db) : db_(std::move(db)) {}
  std::unique_ptr<store::Database> db_;
  int64_t dataVersion_ = -1;
};

}  // namespace longstop::service
