#include "ui/setup/setup_join_worker.h"

#include <utility>

namespace longstop::ui::setup {

JoinWorker::~JoinWorker() {
  if (thread_.joinable()) thread_.join();
}

bool JoinWorker::start(Job job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (running_) return false;
    running_ = true;
    outcome_.reset();
  }
  if (thread_.joinable()) thread_.join();  // the last job's thread, finished
  thread_ = std::thread([this, job = std::move(job)] {
    Outcome outcome = job();
    std::lock_guard<std::mutex> lock(mutex_);
    outcome_ = std::move(outcome);
    running_ = false;
  });
  return true;
}

bool JoinWorker::running() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return running_;
}

std::optional<JoinWorker::Outcome> JoinWorker::take() {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::exchange(outcome_, std::nullopt);
}

}  // namespace longstop::ui::setup
