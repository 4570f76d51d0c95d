// What `longstopctl site status` says of each peer: what this device holds of it, when it last heard
// from it (the newest event held, as stamped by the peer), and, asked of the peer's own server with a
// short timeout, how many messages of its stream this device has yet to apply ("events behind"). A
// peer that does not answer is reported unreachable, its backlog unknown; nothing waits longer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace longstop::replica {

struct PeerStatus {
  std::string device, address, role;
  bool removed = false;
  int64_t eventsHeld = 0;    // the newest origin sequence held
  int64_t streamCursor = 0;  // the last stream sequence applied
  int64_t refused = 0;
  std::optional<int64_t> lastSeenMs;    // at_ms of the newest event held from it; nullopt: none yet
  bool reachable = false;               // its server answered just now
  std::optional<int64_t> eventsBehind;  // its stream's last sequence minus the cursor, when reachable
  std::string unreachableWhy;           // the connection's error, when not reachable
};

/// Every peer of the roster with its status; `probeTimeoutMs` bounds each peer's server probe (0: no
/// probe, reachable false). Reads only.
core::Result<std::vector<PeerStatus>> siteStatus(store::Database& db, int64_t probeTimeoutMs);

}  // namespace longstop::replica
