#include "scan/decode_worker.h"

namespace longstop::scan {

DecodeWorker::DecodeWorker(DecodeFn decode) : decode_(std::move(decode)), thread_([this] { run(); }) {}

DecodeWorker::DecodeWorker()
    : DecodeWorker(
          [decoder = Decoder(DecoderProfile::kTuned)](const GrayFrame& f) { return decoder.decode(f); }) {}

DecodeWorker::~DecodeWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DecodeWorker::submit(GrayFrame frame) {
  {
    std::lock_guard lock(mutex_);
    ++counts_.submitted;
    if (pending_) ++counts_.dropped;
    pending_ = std::move(frame);
  }
  wake_.notify_one();
}

std::optional<DecodedCode> DecodeWorker::poll() {
  std::lock_guard lock(mutex_);
  std::optional<DecodedCode> r = std::move(result_);
  result_.reset();
  return r;
}

DecodeWorker::Counts DecodeWorker::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

void DecodeWorker::TEST_waitIdle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return !pending_ && !busy_; });
}

void DecodeWorker::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || pending_.has_value(); });
    if (stopping_) return;
    GrayFrame frame = std::move(*pending_);
    pending_.reset();
    busy_ = true;
    lock.unlock();
    std::optional<DecodedCode> found = decode_(frame);
    lock.lock();
    busy_ = false;
    ++counts_.decoded;
    counts_.lastDecodedSequence = frame.sequence;
    if (found) result_ = std::move(found);
    if (!pending_) idle_.notify_all();
  }
}

}  // namespace longstop::scan
