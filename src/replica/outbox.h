// Publishes the device's committed events to its own stream, oldest first, each with Nats-Msg-Id
// `<device>-<seq>`. It writes nothing to SQLite: how far it has got is read back from the stream itself
// (the origin sequence of the stream's last message) whenever it (re)connects, so a check-in's commit
// stays the one fsync it was, and a stream that lost its newest messages (a server's disk put back) is
// filled again from the database. A republish inside the server's duplicate window is dropped by the
// server; one outside it is skipped by every puller (the origin's chain already holds it).
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "replica/stream_client.h"
#include "store/database.h"

namespace longstop::replica {

class Outbox {
 public:
  /// All borrowed; `client` is connected to this device's own server.
  Outbox(store::Database& db, StreamClient& client, std::string siteId, std::string deviceId);

  /// Creates the stream if it is missing and finds where publishing stopped.
  core::Status start();
  /// Publishes up to `limit` events not yet in the stream; returns how many.
  core::Result<int> publishPending(int limit = 256);
  int64_t published() const { return published_; }

 private:
  store::Database& db_;
  StreamClient& client_;
  std::string siteId_, deviceId_, subject_, stream_;
  int64_t published_ = 0;  // origin sequence of the newest event the stream holds
};

}  // namespace longstop::replica
