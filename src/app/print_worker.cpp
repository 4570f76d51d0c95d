#include "app/print_worker.h"

#include <cstdio>

#include "print/escpos.h"

namespace longstop::app {
namespace {

constexpr size_t kKeptReports = 64;

}  // namespace

PrintWorker::PrintWorker(const core::Clock& clock, std::function<void()> wake)
    : clock_(clock), wake_(std::move(wake)), thread_([this] { run(); }) {}

PrintWorker::~PrintWorker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    cancel_.raise();
  }
  changed_.notify_all();
  thread_.join();
}

uint64_t PrintWorker::submit(PrintJob job) {
  const int64_t now = clock_.now().unixMs;
  uint64_t id = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    id = nextId_++;
    if (queue_.empty()) {
      headId_ = id;
      headSinceMs_ = now;
    }
    queue_.emplace_back(id, std::move(job));
    reports_[id] = JobReport{JobState::kQueued, print::Fault::kNone, "", 0};
    while (reports_.size() > kKeptReports) reports_.erase(reports_.begin());
  }
  changed_.notify_all();
  return id;
}

JobReport PrintWorker::report(uint64_t job) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = reports_.find(job);
  if (it == reports_.end()) return JobReport{JobState::kFailed, print::Fault::kNone, "", 0};
  return it->second;
}

std::optional<JobReport> PrintWorker::lastEnded() const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = reports_.find(lastEndedId_);
  if (it == reports_.end()) return std::nullopt;
  return it->second;
}

void PrintWorker::end(uint64_t id, JobReport r) {
  if (!r.message.empty()) std::fprintf(stderr, "longstop: %s\n", r.message.c_str());
  auto it = reports_.find(id);
  if (it != reports_.end()) {
    r.bytes = r.bytes ? r.bytes : it->second.bytes;
    it->second = std::move(r);
  }
  lastEndedId_ = id;
  endedSinceStep_ = true;
  changed_.notify_all();
}

bool PrintWorker::step() {
  const int64_t now = clock_.now().unixMs;
  std::lock_guard<std::mutex> lock(mutex_);
  while (!queue_.empty()) {
    const uint64_t front = queue_.front().first;
    if (front != headId_) {
      headId_ = front;
      headSinceMs_ = now;
    }
    if (now - headSinceMs_ < kPrintGiveUpMs) break;
    // The printer has had its time: the patient is told now, and the send is cancelled.
    if (sendingId_ == front) cancel_.raise();
    end(front, {JobState::kFailed, print::Fault::kStopped,
                "The ticket printer " + queue_.front().second.printer + " did not take the ticket within " +
                    std::to_string(kPrintGiveUpMs / 1000) +
                    " seconds: check its paper and cover, and that it is on.",
                0});
    queue_.pop_front();
  }
  return std::exchange(endedSinceStep_, false);
}

int64_t PrintWorker::msUntilStep() const {
  const int64_t now = clock_.now().unixMs;
  std::lock_guard<std::mutex> lock(mutex_);
  if (queue_.empty()) return -1;
  if (queue_.front().first != headId_) return 0;
  return std::max<int64_t>(0, headSinceMs_ + kPrintGiveUpMs - now);
}

void PrintWorker::TEST_waitFor(uint64_t job, bool sending) const {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] {
    auto it = reports_.find(job);
    if (it == reports_.end()) return true;
    const JobState s = it->second.state;
    return s == JobState::kPrinted || s == JobState::kFailed || (sending && s == JobState::kSending);
  });
}

uint64_t PrintWorker::TEST_lastSubmitted() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return nextId_ - 1;
}

void PrintWorker::run() {
  for (;;) {
    uint64_t id = 0;
    PrintJob job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || (!queue_.empty() && sendingId_ == 0); });
      if (stop_) return;
      id = queue_.front().first;
      job = queue_.front().second;
      sendingId_ = id;
      cancel_.clear();  // a give-up meant for an earlier job
      reports_[id].state = JobState::kSending;
      changed_.notify_all();
    }
    JobReport r{JobState::kPrinted, print::Fault::kNone, "", 0};
    if (!font_) {
      auto f = print::Font::load(print::kTicketFontPath);
      if (f.ok())
        font_ = std::move(f.value());
      else
        r = {JobState::kFailed, print::Fault::kSetting, f.error().message, 0};
    }
    if (font_) {
      auto picture = print::layoutTicket(job.ticket, job.paperDots, *font_);
      auto bytes = picture.ok() ? print::encodeJob(*picture) : core::Result<std::string>(picture.error());
      if (!bytes.ok()) {
        r = {JobState::kFailed, print::Fault::kSetting, bytes.error().message, 0};
      } else {
        r.bytes = bytes->size();
        {
          std::lock_guard<std::mutex> lock(mutex_);
          reports_[id].bytes = r.bytes;
        }
        print::SendOptions o;
        o.cancel = &cancel_;
        const print::JobOutcome out = print::deliver(job.printer, *bytes, o);
        if (!out.ok()) r = {JobState::kFailed, out.fault, out.message, r.bytes};
      }
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      sendingId_ = 0;
      // Given up by step() meanwhile: the patient has been told already; its outcome is not news.
      if (!queue_.empty() && queue_.front().first == id) {
        queue_.pop_front();
        end(id, std::move(r));
      }
      changed_.notify_all();
    }
    if (wake_) wake_();
  }
}

}  // namespace longstop::app
