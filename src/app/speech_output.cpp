#include "app/speech_output.h"

#include <cstdio>

#include <SDL.h>

namespace longstop::app {

class SpeechOutput::Sink final : public speech::AudioSink {
 public:
  explicit Sink(AudioOutput& out) : out_(out) {}
  void play(const int16_t* samples, size_t count) override { out_.play(samples, count); }
  void clear() override { out_.clear(); }

 private:
  AudioOutput& out_;
};

SpeechOutput::SpeechOutput(std::filesystem::path log) : log_(std::move(log)) {}

SpeechOutput::~SpeechOutput() {
  speaker_.reset();
}

void SpeechOutput::playOut() {
  if (!speaker_ || log_.empty()) return;
  speaker_->TEST_waitIdle();
  for (int i = 0; i < 300 && audio_->busy(); ++i) SDL_Delay(100);
  // The queue is empty once the device has taken its last buffer, which it has yet to write out.
  SDL_Delay(static_cast<uint32_t>(2 * AudioOutput::kBufferSamples * 1000 / audio_->rate()) + 1);
}

bool SpeechOutput::open() {
  if (tried_) return speaker_ != nullptr;
  tried_ = true;
  auto synth = speech::openEspeak();
  if (!synth.ok()) {
    std::fprintf(stderr, "longstop: %s\n", synth.error().message.c_str());
    return false;
  }
  audio_ = AudioOutput::open(synth.value()->rate());
  if (!audio_) return false;
  sink_ = std::make_unique<Sink>(*audio_);
  speaker_ = std::make_unique<speech::Speaker>(std::move(synth.value()), *sink_, log_);
  return true;
}

void SpeechOutput::say(const std::string& text, const std::string& language) {
  if (open()) speaker_->say(text, language);
}

void SpeechOutput::stop() {
  if (speaker_) speaker_->stop();
}

}  // namespace longstop::app
