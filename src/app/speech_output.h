// The patient screens' spoken guidance as the app plays it: espeak-ng (speech::Speaker, on its own
// thread) into an SDL audio device of its own, opened the first time something is to be said, so a
// kiosk whose patients never turn on Listen never opens one.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "app/audio_output.h"
#include "speech/speaker.h"
#include "ui/speech_out.h"

namespace longstop::app {

class SpeechOutput final : public ui::SpeechOut {
 public:
  /// With `log` not empty (tests: $LONGSTOP_SPEECH_LOG) every utterance's text is appended to it.
  explicit SpeechOutput(std::filesystem::path log = {});
  ~SpeechOutput() override;

  /// With a log (tests), waits until the last utterance has played (at most 30 s), so a recording holds
  /// it whole; otherwise returns at once. Call it before SDL_Quit(), which drops what is queued.
  void playOut();

  void say(const std::string& text, const std::string& language) override;
  void stop() override;
  /// False once opening the voice or the sound device failed (said once on stderr).
  bool available() const { return !tried_ || speaker_ != nullptr; }

 private:
  class Sink;
  bool open();

  std::filesystem::path log_;
  bool tried_ = false;
  std::unique_ptr<AudioOutput> audio_;
  std::unique_ptr<Sink> sink_;
  std::unique_ptr<speech::Speaker> speaker_;  // last: its thread stops before the sink goes
};

}  // namespace longstop::app
