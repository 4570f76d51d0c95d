// Export work off the UI thread: one job at a time on a thread of its own, with progress the UI
// thread can read while it runs. A job must share nothing with the UI thread: it opens its own Site
// (so its own database connection; SQLite serialises the writes) and owns copies of the keys it needs.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "exporter/destination.h"
#include "service/staff_services.h"

namespace longstop::service {

class ExportWorker {
 public:
  using Job = std::function<ExportWorkResult(const exporter::Progress& progress)>;

  ExportWorker() = default;
  /// Waits for a job under way to finish (seconds at most: a batch, or one file to a stick).
  ~ExportWorker();
  ExportWorker(const ExportWorker&) = delete;
  ExportWorker& operator=(const ExportWorker&) = delete;

  /// Runs `job` on the worker thread; false (and nothing started) while another job runs.
  bool start(Job job);
  /// The running job's last report; empty when no job runs.
  std::optional<WorkProgressView> progress() const;
  /// A finished job's result, once.
  std::optional<ExportWorkResult> take();
  /// Nobody will ask for the result of the job under way or just finished (the person signed out):
  /// it is dropped. The job itself runs to its end, so nothing is left half-written.
  void forget();

 private:
  mutable std::mutex mutex_;
  std::thread thread_;
  bool running_ = false;
  bool forget_ = false;
  WorkProgressView progress_;
  std::optional<ExportWorkResult> result_;
};

}  // namespace longstop::service
