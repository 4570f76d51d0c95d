// Pulls one peer's stream from the cursor stored in SQLite and applies what it finds (replica/apply.h).
#pragma once

#include <cstdint>

#include "core/result.h"
#include "replica/apply.h"
#include "replica/stream_client.h"
#include "store/database.h"
#include "store/site_log.h"

namespace longstop::replica {

class Puller {
 public:
  /// All borrowed; `client` is connected to the peer's server.
  Puller(store::Database& db, StreamClient& client, store::PeerRow peer)
      : db_(db), client_(client), peer_(std::move(peer)) {}

  /// Reads up to `batch` messages after the cursor and applies them in one transaction.
  core::Result<ApplyReport> pullOnce(int64_t nowMs, int batch = 256);
  const store::PeerRow& peer() const { return peer_; }

 private:
  store::Database& db_;
  StreamClient& client_;
  store::PeerRow peer_;
};

}  // namespace longstop::replica
