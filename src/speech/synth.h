// A speech synthesiser behind a narrow interface: text and a voice in, 16-bit mono samples out in
// pieces as they are made. The real one is espeak-ng's library (espeak_synth.cpp); a build without
// it has none (espeak_none.cpp says so in words).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace longstop::speech {

/// Receives each piece of speech as it is made; returns false to stop making it (a newer utterance).
using SampleSink = std::function<bool(const int16_t* samples, size_t count)>;

class Synth {
 public:
  virtual ~Synth() = default;
  /// The rate of the samples it makes.
  virtual int rate() const = 0;
  /// Speaks `utf8` in `voice` (an espeak-ng voice name, voiceFor()), handing the samples to `sink`.
  /// Not thread-safe: one thread uses a synthesiser.
  [[nodiscard]] virtual core::Status speak(std::string_view utf8, const std::string& voice,
                                           const SampleSink& sink) = 0;
};

/// espeak-ng's library; an error for a person when it is missing (built without it, or no voice data).
core::Result<std::unique_ptr<Synth>> openEspeak();

/// The espeak-ng voice for a catalogue language ("ur" -> "ur", "zh_CN" -> "cmn", "en" -> "en-gb").
/// Languages espeak-ng has no voice for get the nearest one that reads their script (docs/decisions.md).
std::string voiceFor(std::string_view language);

}  // namespace longstop::speech
