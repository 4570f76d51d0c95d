// Decoding on a worker thread, always the newest frame: submit() replaces whatever frame is still
// waiting (it is dropped, never queued), and results are picked up with poll(). Neither call waits for
// a decode, so the UI thread can call both every frame.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "scan/decoder.h"
#include "scan/frame.h"

namespace longstop::scan {

class DecodeWorker {
 public:
  using DecodeFn = std::function<std::optional<DecodedCode>(const GrayFrame&)>;

  /// Starts the thread. `decode` runs on it (the tests pass a slow fake).
  explicit DecodeWorker(DecodeFn decode);
  /// With the tuned ZXing decoder.
  DecodeWorker();
  /// Stops the thread after the decode in progress, if any.
  ~DecodeWorker();
  DecodeWorker(const DecodeWorker&) = delete;
  DecodeWorker& operator=(const DecodeWorker&) = delete;

  /// Hands over a frame; a frame still waiting from before is dropped.
  void submit(GrayFrame frame);
  /// The newest code read since the last poll, if any.
  std::optional<DecodedCode> poll();

  struct Counts {
    uint64_t submitted = 0;
    uint64_t decoded = 0;  // frames that went through the decoder
    uint64_t dropped = 0;  // frames replaced before the worker got to them
    uint64_t lastDecodedSequence = 0;
  };
  Counts counts() const;
  /// Blocks until nothing is waiting and nothing is being decoded. For tests and tools only.
  void TEST_waitIdle();

 private:
  void run();

  DecodeFn decode_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  // Guarded by mutex_:
  std::optional<GrayFrame> pending_;
  std::optional<DecodedCode> result_;
  Counts counts_;
  bool busy_ = false;
  bool stopping_ = false;
  // Last, so it starts after everything above exists.
  std::thread thread_;
};

}  // namespace longstop::scan
