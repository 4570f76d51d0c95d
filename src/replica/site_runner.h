// A device's whole part of the site, for a program that has other work on its own thread (the kiosk):
// this device's nats-server, kept running by a supervisor, and the replicator's threads. Nothing here
// runs on the caller's thread except handing over the time: the caller steps it on its own clock
// (step), and one thread of the runner's does the stepping, which can take as long as a server takes
// to start. stop() (and the destructor) stops the replicator, then the server, then that thread.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"
#include "replica/replicator.h"
#include "replica/server_process.h"
#include "replica/supervisor.h"

namespace longstop::replica {

struct SiteRunnerConfig {
  ServerConfig server;
  std::filesystem::path databasePath;
  Backoff backoff;
  /// As ReplicatorConfig::afterApply; may be empty.
  std::function<void(store::Database&)> afterApply;
};

/// What this device's data says about taking part in a site: nullopt for a site of one (no peer in
/// the roster that is not removed, unless `evenAlone`: a device waiting for the device it invited)
/// or when no listen address is set (`site.listen` is "none"). kCorrupt when the database names no
/// device; kInvalidInput when the listen address is not HOST:PORT.
core::Result<std::optional<SiteRunnerConfig>> siteRunnerConfig(const std::filesystem::path& dataDir,
                                                               const std::filesystem::path& databasePath,
                                                               bool evenAlone = false);

/// The listen address as stored ("127.0.0.1:4222"): host and port, or kInvalidInput with a sentence.
core::Result<std::pair<std::string, int>> parseListen(const std::string& text);

class SiteRunner {
 public:
  explicit SiteRunner(SiteRunnerConfig config);
  ~SiteRunner();  // stops
  SiteRunner(const SiteRunner&) = delete;
  SiteRunner& operator=(const SiteRunner&) = delete;

  /// Starts the replicator and the stepping thread; the server starts at the first step (after the
  /// supervisor's first wait). kCorrupt/kStorage when the database cannot be opened.
  core::Status start();
  /// Hands `nowMs` (the owner's clock) to the stepping thread. Never waits for it.
  void step(int64_t nowMs);
  /// A local event was committed: the outbox looks now rather than at its next poll.
  void wake();
  void stop();

  struct Status {
    bool serverRunning = false;
    int restarts = 0;       // the server's starts, the first included
    std::string lastError;  // why the server's last start failed, or ""
    std::vector<LinkStatus> links;
  };
  Status status() const;

 private:
  void run();

  SiteRunnerConfig config_;  // constant after construction
  ServerProcess server_;     // the stepping thread's only
  Replicator replicator_;
  mutable std::mutex mutex_;
  std::condition_variable stepped_;       // guarded by mutex_
  std::optional<int64_t> pendingStepMs_;  // guarded by mutex_
  bool stopping_ = false;                 // guarded by mutex_
  Status shown_;                          // guarded by mutex_ (links filled in by status())
  std::thread thread_;                    // the owner's
};

}  // namespace longstop::replica
