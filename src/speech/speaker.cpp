#include "speech/speaker.h"

namespace longstop::speech {

Speaker::Speaker(std::unique_ptr<Synth> synth, AudioSink& sink, std::filesystem::path log)
    : synth_(std::move(synth)), sink_(sink) {
  if (!log.empty()) log_ = std::fopen(log.c_str(), "a");
  worker_ = std::thread([this] { run(); });
}

Speaker::~Speaker() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
    cancelLocked();
  }
  wake_.notify_all();
  worker_.join();
  if (log_) std::fclose(log_);
}

void Speaker::cancelLocked() {
  ++generation_;
  next_.reset();
  // The worker checks the generation under sinkMutex_ before each piece, so nothing of the old
  // utterance reaches the sink after this clear.
  std::lock_guard sinkLock(sinkMutex_);
  sink_.clear();
}

void Speaker::say(std::string text, std::string language) {
  if (log_) {
    std::string line = text;
    for (char& c : line)
      if (c == '\n' || c == '\r') c = ' ';
    std::fprintf(log_, "%s\t%s\n", language.c_str(), line.c_str());
    std::fflush(log_);
  }
  {
    std::lock_guard lock(mutex_);
    cancelLocked();
    next_ = Utterance{std::move(text), voiceFor(language), generation_};
  }
  wake_.notify_all();
}

void Speaker::stop() {
  std::lock_guard lock(mutex_);
  cancelLocked();
}

void Speaker::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return quit_ || next_.has_value(); });
    if (quit_) return;
    Utterance u = std::move(*next_);
    next_.reset();
    busy_ = true;
    lock.unlock();
    bool whole = true;
    SampleSink sink = [&](const int16_t* s, size_t n) {
      std::lock_guard sinkLock(sinkMutex_);
      if (generation_ != u.generation) return whole = false;
      sink_.play(s, n);
      return true;
    };
    // A failure to speak is not the patient's problem: the screen says everything spoken says.
    core::Status st = synth_->speak(u.text, u.voice, sink);
    lock.lock();
    busy_ = false;
    if (st.ok() && whole && generation_ == u.generation) ++finished_;
    wake_.notify_all();
  }
}

void Speaker::TEST_waitIdle() {
  std::unique_lock lock(mutex_);
  wake_.wait(lock, [&] { return !busy_ && !next_.has_value(); });
}

uint64_t Speaker::finished() const {
  std::lock_guard lock(mutex_);
  return finished_;
}

}  // namespace longstop::speech
