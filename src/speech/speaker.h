// Spoken guidance's voice: one utterance at a time, made on a worker thread so the screen never waits,
// and a new utterance cancels the one before (what is queued at the loudspeaker is cleared, what is
// being made stops). The UI thread only hands over text.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "speech/synth.h"

namespace longstop::speech {

/// Where speech goes: the real one queues samples at an SDL audio device (app/speech_output.h).
class AudioSink {
 public:
  virtual ~AudioSink() = default;
  /// Queues samples (at the synthesiser's rate) after what is queued; called on the worker thread.
  virtual void play(const int16_t* samples, size_t count) = 0;
  /// Drops everything queued and not yet played.
  virtual void clear() = 0;
};

class Speaker {
 public:
  /// Owns the synthesiser; borrows the sink, which must outlive the speaker. With `log` not empty
  /// (tests only) every utterance's text is appended to that file, exactly as given, one a line.
  Speaker(std::unique_ptr<Synth> synth, AudioSink& sink, std::filesystem::path log = {});
  ~Speaker();
  Speaker(const Speaker&) = delete;
  Speaker& operator=(const Speaker&) = delete;

  /// Says `text` in `language` (a catalogue code) instead of whatever is being said. Never blocks on
  /// the synthesiser.
  void say(std::string text, std::string language);
  /// Stops speaking at once and forgets what was waiting.
  void stop();
  /// Test only: waits until the worker has handed everything asked for to the sink (or given it up).
  void TEST_waitIdle();
  /// Utterances handed to the sink in full.
  uint64_t finished() const;

 private:
  struct Utterance {
    std::string text, voice;
    uint64_t generation = 0;
  };
  void run();
  void cancelLocked();

  // Constant after construction.
  std::unique_ptr<Synth> synth_;  // used on the worker thread only
  AudioSink& sink_;
  std::FILE* log_ = nullptr;  // the UI thread's

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<Utterance> next_;  // guarded by mutex_
  // The newest utterance asked for (or stop): written under mutex_, read by the worker under
  // sinkMutex_ alone (mutex_ is taken before sinkMutex_, never after).
  std::atomic<uint64_t> generation_ = 0;
  bool busy_ = false;      // guarded by mutex_: the worker is making one
  bool quit_ = false;      // guarded by mutex_
  uint64_t finished_ = 0;  // guarded by mutex_
  std::mutex sinkMutex_;   // held while handing samples over, and while clearing the sink
  std::thread worker_;     // last: starts once the rest is ready
};

}  // namespace longstop::speech
