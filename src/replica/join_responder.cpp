#include "replica/join_responder.h"

#include <chrono>

#include "replica/stream_client.h"

namespace longstop::replica {

JoinResponder::JoinResponder(std::string url, std::string subject, Answer answer)
    : url_(std::move(url)), subject_(std::move(subject)), answer_(std::move(answer)) {}

JoinResponder::~JoinResponder() {
  stop();
}

void JoinResponder::start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void JoinResponder::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool JoinResponder::waitAnswering() {
  std::unique_lock lock(mutex_);
  wake_.wait(lock, [this] { return answering_ || stopping_; });
  return answering_;
}

// A connection that the server closed (a restart by the supervisor) is replaced at the next look,
// half a second later; join requests are rare and the joiner waits seconds for its answer.
void JoinResponder::run() {
  std::unique_ptr<StreamClient> client;
  for (;;) {
    if (!client || !client->connected()) {
      client.reset();
      auto c = connectNats(url_, 1000);
      if (c.ok() && c.value()->answer(subject_, answer_).ok()) client = std::move(c.value());
    }
    std::unique_lock lock(mutex_);
    answering_ = client != nullptr;
    wake_.notify_all();
    if (wake_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_; })) break;
  }
  std::lock_guard lock(mutex_);
  answering_ = false;
}

}  // namespace longstop::replica
