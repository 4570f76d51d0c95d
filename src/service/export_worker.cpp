#include "service/export_worker.h"

namespace longstop::service {

ExportWorker::~ExportWorker() {
  if (thread_.joinable()) thread_.join();
}

bool ExportWorker::start(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (running_) return false;
  }
  if (thread_.joinable()) thread_.join();  // the last job has finished; its thread is done
  std::lock_guard lock(mutex_);
  running_ = true;
  forget_ = false;
  progress_ = {0, 0, "Starting"};
  result_.reset();
  thread_ = std::thread([this, job = std::move(job)] {
    ExportWorkResult r = job([this](int64_t done, int64_t total, std::string_view stage) {
      std::lock_guard lock(mutex_);
      progress_ = {done, total, std::string(stage)};
    });
    std::lock_guard lock(mutex_);
    running_ = false;
    if (!forget_) result_ = std::move(r);
  });
  return true;
}

std::optional<WorkProgressView> ExportWorker::progress() const {
  std::lock_guard lock(mutex_);
  if (!running_) return std::nullopt;
  return progress_;
}

std::optional<ExportWorkResult> ExportWorker::take() {
  std::lock_guard lock(mutex_);
  std::optional<ExportWorkResult> r = std::move(result_);
  result_.reset();
  return r;
}

void ExportWorker::forget() {
  std::lock_guard lock(mutex_);
  forget_ = true;
  result_.reset();
}

}  // namespace longstop::service
