// Where the patient screens' spoken guidance goes. The real one is the app's (espeak-ng on its own
// thread, into SDL audio: app/speech_output.h); the screens only hand over text in a language.
#pragma once

#include <string>

namespace longstop::ui {

class SpeechOut {
 public:
  virtual ~SpeechOut() = default;
  /// Says `text` (in the catalogue language `language`) instead of anything being said. Never blocks.
  virtual void say(const std::string& text, const std::string& language) = 0;
  /// Stops speaking at once.
  virtual void stop() = 0;
};

}  // namespace longstop::ui
