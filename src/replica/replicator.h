// Runs a device's side of the site in the background: one thread for the outbox (this device's events
// to its own server) and one per peer in the roster (that peer's stream into this database). Each thread
// has its own SQLite connection (docs/architecture.md: no connection is shared between threads). A link
// that fails (a server stopped, a cable pulled) is retried every second; nothing waits for it, and the
// device goes on working alone. New peers in the roster are picked up within a second. A puller that
// has caught up sleeps until the peer's subject rings (a plain NATS subscription used as a doorbell;
// the events themselves are read from the stream), or a second passes.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace longstop::replica {

struct ReplicatorConfig {
  std::filesystem::path databasePath;
  std::string ownUrl;         // this device's own nats-server
  int64_t pollMs = 20;        // how often a caught-up outbox looks again (a commit also wakes it)
  int64_t idlePollMs = 1000;  // how often a caught-up puller looks again (the peer's doorbell wakes it)
  int64_t retryMs = 1000;     // how long a failed link waits before reconnecting
  /// Called on a puller's thread, with its connection, after a batch of peers' events was stored
  /// (service::followFold brings the device's own projection up to date); may be empty.
  std::function<void(store::Database&)> afterApply;
};

/// What a link has done since the replicator started.
struct LinkStatus {
  std::string peer;  // empty for the outbox
  bool connected = false;
  int64_t moved = 0;  // events published (outbox) or applied (puller)
  int64_t refused = 0;
  std::string lastError;
};

class Replicator {
 public:
  explicit Replicator(ReplicatorConfig config);
  ~Replicator();  // stops
  Replicator(const Replicator&) = delete;
  Replicator& operator=(const Replicator&) = delete;

  /// Starts the threads; kCorrupt/kStorage when the database cannot be opened or names no device.
  core::Status start();
  void stop();
  /// Tells the outbox that an event was committed (it also finds it within pollMs).
  void wake();
  std::vector<LinkStatus> status() const;

 private:
  void runOutbox();
  void runPuller(std::string peer);
  void watchRoster();
  bool sleepFor(int64_t ms);  // false once stopping
  void setStatus(const LinkStatus& s);

  ReplicatorConfig config_;
  std::string siteId_, deviceId_;  // constant after start()
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::condition_variable wake_;              // guarded by mutex_
  bool woken_ = false;                        // guarded by mutex_
  std::map<std::string, LinkStatus> status_;  // guarded by mutex_; "" is the outbox
  std::vector<std::thread> threads_;          // started and joined by the owner's thread only
  std::vector<std::string> pulling_;  // peers with a thread; owner's and roster thread's, under mutex_
};

}  // namespace longstop::replica
