// Answers the join requests that arrive on this device's own nats-server (docs/site.md, "Joining"):
// a thread that keeps one connection to the server (again after the server restarted) and hands each
// request to `answer`, which the program wires to service::answerJoinRequest. It knows nothing of
// what a join is: the request and the reply are bytes.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "core/result.h"

namespace longstop::replica {

class JoinResponder {
 public:
  using Answer = std::function<std::string(std::string_view request)>;
  /// `url`: this device's own server; `answer` is called on a libnats thread, one request at a time.
  JoinResponder(std::string url, std::string subject, Answer answer);
  ~JoinResponder();  // stops
  JoinResponder(const JoinResponder&) = delete;
  JoinResponder& operator=(const JoinResponder&) = delete;

  /// Starts the thread; it connects (and reconnects) by itself.
  void start();
  void stop();
  /// Blocks until the responder is subscribed on the server or `stop()`; for tests and `site serve`'s
  /// message that it answers. True when subscribed.
  bool waitAnswering();

 private:
  void run();
  const std::string url_, subject_;
  const Answer answer_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;   // guarded by mutex_
  bool answering_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace longstop::replica
