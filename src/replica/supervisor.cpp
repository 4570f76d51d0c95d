#include "replica/supervisor.h"

#include <algorithm>

namespace longstop::replica {

ServerSupervisor::ServerSupervisor(ServerProcess& server, Backoff backoff)
    : server_(server), backoff_(backoff), delayMs_(backoff.firstMs) {}

ServerSupervisor::Step ServerSupervisor::tick(int64_t nowMs) {
  if (server_.alive()) {
    if (!runningSinceMs_) runningSinceMs_ = nowMs;
    if (nowMs - *runningSinceMs_ >= backoff_.stableMs) delayMs_ = backoff_.firstMs;
    nextAttemptMs_.reset();
    return Step::kRunning;
  }
  runningSinceMs_.reset();
  if (!nextAttemptMs_) nextAttemptMs_ = nowMs + delayMs_;
  if (nowMs < *nextAttemptMs_) return Step::kWaiting;
  // Each try, good or bad, doubles the next wait; only a server that stays up earns the first back.
  delayMs_ = std::min(delayMs_ * 2, backoff_.maxMs);
  if (auto s = server_.start(); !s.ok()) {
    lastError_ = s.error().message;
    nextAttemptMs_ = nowMs + delayMs_;
    return Step::kRestartFailed;
  }
  lastError_.clear();
  nextAttemptMs_.reset();
  runningSinceMs_ = nowMs;
  ++restarts_;
  return Step::kRestarted;
}

}  // namespace longstop::replica
