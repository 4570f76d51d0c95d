// Keeps this device's nats-server running: a server that dies (a crash, an OOM kill, kill -9) is
// started again after a delay that doubles with each restart that follows soon after another (up to a
// ceiling), and falls back to the first delay once the server has run for a while. It is stepped by its
// owner on the owner's clock (tick), so tests step it on a manual clock; it starts no thread of its own.
// Replication resumes by itself after a restart: the outbox and the pullers reconnect on their own
// (replica/replicator.h), the outbox refills the stream from SQLite, the pullers carry on from their
// cursors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "replica/server_process.h"

namespace longstop::replica {

struct Backoff {
  int64_t firstMs = 250;     // the wait before the first restart
  int64_t maxMs = 30000;     // the longest wait
  int64_t stableMs = 60000;  // running this long resets the wait to firstMs
};

class ServerSupervisor {
 public:
  enum class Step { kRunning, kWaiting, kRestarted, kRestartFailed };

  /// `server` is borrowed and may not be running yet (the first tick then schedules its start).
  explicit ServerSupervisor(ServerProcess& server, Backoff backoff = {});

  /// One step at `nowMs`: notices a server that has died and schedules its restart; starts it once the
  /// delay has passed (this call then waits for the server to answer, as ServerProcess::start does).
  Step tick(int64_t nowMs);
  /// When the next start will be tried; nullopt while the server runs.
  std::optional<int64_t> nextAttemptMs() const { return nextAttemptMs_; }
  int restarts() const { return restarts_; }
  /// Why the last start failed ("" when it did not).
  const std::string& lastError() const { return lastError_; }

 private:
  ServerProcess& server_;
  const Backoff backoff_;
  int64_t delayMs_;
  std::optional<int64_t> nextAttemptMs_;
  std::optional<int64_t> runningSinceMs_;
  int restarts_ = 0;
  std::string lastError_;
};

}  // namespace longstop::replica
