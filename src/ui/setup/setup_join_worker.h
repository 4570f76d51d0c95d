// The wizard's join away from the screen's thread: the inviting device may take seconds to answer, or
// never answer (1.5 s to connect, 8 s for the answer, app/join_network.h), and the screen keeps drawing
// "Joining..." with a way back meanwhile. One job at a time, its outcome handed over through a slot.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "core/result.h"
#include "service/admin_services.h"

namespace longstop::ui::setup {

class JoinWorker {
 public:
  using Outcome = core::Result<service::JoinDone>;
  using Job = std::function<Outcome()>;

  JoinWorker() = default;
  /// Waits for a job still running (it ends within the transport's limits).
  ~JoinWorker();
  JoinWorker(const JoinWorker&) = delete;
  JoinWorker& operator=(const JoinWorker&) = delete;

  /// Runs `job` on a thread of its own; false (and nothing started) while an earlier job still runs.
  bool start(Job job);
  /// True from start() until the job has returned.
  bool running() const;
  /// The finished job's outcome, handed over once; nullopt while it runs or when there is none.
  std::optional<Outcome> take();

 private:
  mutable std::mutex mutex_;
  bool running_ = false;            // guarded by mutex_
  std::optional<Outcome> outcome_;  // guarded by mutex_
  std::thread thread_;              // the owner's thread only
};

}  // namespace longstop::ui::setup
