// The kiosk's ticket printer, on a thread of its own: a job (a ticket's words, the printer and the
// paper width) is laid out, encoded and sent there, so the frame loop never waits on a printer. A job
// that takes longer than kPrintGiveUpMs on the app's clock is given up by step() (on the UI thread),
// which cancels the send; the worker is then free for the next job.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/clock.h"
#include "print/fault.h"
#include "print/port.h"
#include "print/text.h"
#include "print/ticket_layout.h"

namespace longstop::app {

/// How long a printer has to take a whole ticket, on the app's clock, before the patient is told to
/// remember the number (a 58 mm printer needs about two seconds for one).
inline constexpr int64_t kPrintGiveUpMs = 8000;

struct PrintJob {
  print::TicketPrint ticket;
  std::string printer;  // a device path or tcp:HOST:PORT
  int paperDots = print::kDots80mm;
};

enum class JobState { kQueued, kSending, kPrinted, kFailed };

struct JobReport {
  JobState state = JobState::kFailed;  // an unknown job reads as failed
  print::Fault fault = print::Fault::kNone;
  std::string message;  // why it failed, for a person; never a patient's details
  size_t bytes = 0;     // the job's ESC/POS bytes, once encoded
};

class PrintWorker {
 public:
  /// `clock` is borrowed and must outlive the worker. `wake` is called on the worker's thread when a
  /// job has ended (to wake the frame loop); it may be empty.
  PrintWorker(const core::Clock& clock, std::function<void()> wake);
  /// Cancels the job being sent and joins the thread.
  ~PrintWorker();
  PrintWorker(const PrintWorker&) = delete;
  PrintWorker& operator=(const PrintWorker&) = delete;

  /// Queues `job`; returns its number at once (from 1).
  uint64_t submit(PrintJob job);
  JobReport report(uint64_t job) const;
  /// UI thread: gives up the job at the head of the queue once kPrintGiveUpMs have passed on the clock
  /// since it got there. True when a job ended since the last call (a frame is wanted).
  bool step();
  /// Milliseconds until step() next has something to give up; -1 when nothing is queued.
  int64_t msUntilStep() const;
  /// The newest ended job's report, or nothing before the first.
  std::optional<JobReport> lastEnded() const;

  /// Test only: blocks until `job` has ended (printed, failed or given up) or, with `sending`, until it
  /// is at least being sent. Waits for a condition, never a time.
  void TEST_waitFor(uint64_t job, bool sending = false) const;
  /// Test only: the newest job's number (0 before the first).
  uint64_t TEST_lastSubmitted() const;

 private:
  void run();
  void end(uint64_t id, JobReport r);  // mutex_ held

  const core::Clock& clock_;
  const std::function<void()> wake_;
  print::CancelSignal cancel_;
  std::optional<print::Font> font_;  // the worker thread's only: loaded with its first job

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::deque<std::pair<uint64_t, PrintJob>> queue_;  // guarded by mutex_
  std::map<uint64_t, JobReport> reports_;            // guarded by mutex_: the newest kKeptReports
  uint64_t nextId_ = 1;                              // guarded by mutex_
  uint64_t sendingId_ = 0;                           // guarded by mutex_: the job on the wire
  uint64_t headId_ = 0;                              // guarded by mutex_: whose give-up is counted
  int64_t headSinceMs_ = 0;                          // guarded by mutex_, on clock_
  uint64_t lastEndedId_ = 0;                         // guarded by mutex_
  bool endedSinceStep_ = false;                      // guarded by mutex_
  bool stop_ = false;                                // guarded by mutex_
  std::thread thread_;                               // last: started once the rest is ready
};

}  // namespace longstop::app
