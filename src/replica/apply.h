// What a device does with a message pulled from a peer's stream: decode it, check it against the
// roster and its origin's chain and signature, and store it beside the device's own events, or refuse
// it (recorded in site_refusals, never applied). A message already held (a republish after a crash) is
// skipped. The peer's cursor moves in the same transaction as the events it covers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "replica/stream_client.h"
#include "store/database.h"
#include "store/site_log.h"

namespace longstop::replica {

struct ApplyReport {
  int applied = 0;
  int duplicates = 0;
  int refused = 0;
  uint64_t cursor = 0;  // the last stream sequence dealt with
};

/// Checks and stores the messages of `peer`'s stream (in stream order, each with its stream sequence)
/// in one transaction, moving the peer's cursor past them. `nowMs` stamps refusals.
core::Result<ApplyReport> applyMessages(store::Database& db, const store::PeerRow& peer,
                                        const std::vector<StoredMessage>& messages, int64_t nowMs);

}  // namespace longstop::replica
