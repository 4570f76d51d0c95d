#include "replica/site_status.h"

#include <algorithm>

#include "replica/stream_client.h"
#include "replica/wire.h"
#include "store/site_log.h"

namespace longstop::replica {
namespace {

core::Result<std::optional<int64_t>> newestAtMs(store::Database& db, const std::string& origin) {
  auto st = db.prepare("SELECT max(at_ms) FROM peer_events WHERE origin = ?");
  if (!st.ok()) return st.error();
  st->bind(1, origin);
  auto row = st->step();
  if (!row.ok()) return row.error();
  if (!row.value() || st->columnIsNull(0)) return std::optional<int64_t>();
  return std::optional<int64_t>(st->columnInt(0));
}

}  // namespace

core::Result<std::vector<PeerStatus>> siteStatus(store::Database& db, int64_t probeTimeoutMs) {
  auto peers = store::listPeers(db);
  if (!peers.ok()) return peers.error();
  auto refusals = store::listRefusals(db);
  if (!refusals.ok()) return refusals.error();
  std::vector<PeerStatus> out;
  for (const auto& p : peers.value()) {
    PeerStatus s;
    s.device = p.deviceId;
    s.address = p.address;
    s.role = p.role;
    s.removed = p.removedMs.has_value();
    auto end = store::peerChainEnd(db, p.deviceId);
    if (!end.ok()) return end.error();
    auto cursor = store::peerCursor(db, p.deviceId);
    if (!cursor.ok()) return cursor.error();
    auto seen = newestAtMs(db, p.deviceId);
    if (!seen.ok()) return seen.error();
    s.eventsHeld = end.value() ? end.value()->seq : 0;
    s.streamCursor = cursor.value();
    s.lastSeenMs = seen.value();
    for (const auto& r : refusals.value()) s.refused += r.origin == p.deviceId;
    if (probeTimeoutMs > 0 && !s.removed) {
      auto client = connectNats(p.address, probeTimeoutMs);
      auto last = client.ok() ? client.value()->lastSeq(streamName(p.deviceId))
                              : core::Result<uint64_t>(client.error());
      if (last.ok()) {
        s.reachable = true;
        s.eventsBehind = std::max<int64_t>(0, static_cast<int64_t>(last.value()) - s.streamCursor);
      } else {
        s.unreachableWhy = last.error().message;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace longstop::replica
