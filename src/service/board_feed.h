// What the calling board may show: recent calls (ticket → room) and how many wait per queue, across
// the whole site: this device's own events and every peer's the replicator has stored, folded in the
// site's order (service/site_state.h). Read from the database read-only while others write (WAL).
// Never a name: only tickets, rooms, queue names and counts are read; sealed details are not opened.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace longstop::service {

struct BoardCall {
  int64_t stamp = 0;  // the call's clock stamp (core/hlc.h): a newer call has a larger one
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
  /// The site's last `maxCalls` calls by clock stamp, and the waiting counts and unacknowledged urgent
  /// alerts of check-ins made on `now`'s local day, on any device.
  core::Result<BoardState> read(const core::Instant& now, int maxCalls = 6);

 private:
  BoardFeed(std::unique_ptr<store::Database> db, std::string deviceId)
      : db_(std::move(db)), deviceId_(std::move(deviceId)) {}
  std::unique_ptr<store::Database> db_;
  std::string deviceId_;  // this device's, for the fold
  int64_t dataVersion_ = -1;
};

}  // namespace longstop::service
