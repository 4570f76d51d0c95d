// Sound for the calling board: a generated chime and, where espeak-ng is installed, speech, played
// through SDL audio. No sound device is not an error: open() says so once and the board carries on.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace longstop::app {

/// A two-tone chime (about 0.8 s) as 16-bit mono samples at `rate`.
std::vector<int16_t> makeChime(int rate);

/// The urgent alarm (about 1.2 s): three short high beeps, unlike the call chime, so staff tell an urgent
/// patient from a call without looking.
std::vector<int16_t> makeUrgentTone(int rate);

/// Runs `espeak-ng --stdout TEXT` and returns its speech as 16-bit mono at `rate`; nullopt when
/// espeak-ng is missing or fails.
std::optional<std::vector<int16_t>> speak(const std::string& text, int rate);

class AudioOutput {
 public:
  /// Samples the device takes from the queue at a time.
  static constexpr int kBufferSamples = 1024;
  /// The default output device, playing 16-bit mono at `rate`, or null (with one line on stderr)
  /// when there is none.
  static std::unique_ptr<AudioOutput> open(int rate = 22050);
  ~AudioOutput();
  AudioOutput(const AudioOutput&) = delete;
  AudioOutput& operator=(const AudioOutput&) = delete;

  int rate() const { return rate_; }
  /// Queues samples after whatever is playing.
  void play(const std::vector<int16_t>& samples);
  void play(const int16_t* samples, size_t count);
  /// Drops what is queued and not yet played (spoken guidance: a new utterance replaces the old).
  void clear();
  /// True while queued sound has not finished.
  bool busy() const;

 private:
  AudioOutput() = default;
  uint32_t device_ = 0;
  int rate_ = 22050;
};

}  // namespace longstop::app
