// The camera's picture for the screen: a small grayscale copy of the newest frame, made on the scan
// thread, and a one-frame slot that hands it to the UI thread.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>

#include "scan/frame.h"

namespace longstop::scan {

/// A copy of `in` at most `maxWidth` pixels wide, same aspect ratio (height at least 1), each pixel the
/// mean of the block it covers (no aliasing of fine print or noise). Smaller frames are copied as they
/// are. The result's stride is its width; the sequence number is kept. An empty frame gives an empty one.
GrayFrame downscaleForPreview(const GrayFrame& in, int maxWidth);

/// The newest preview frame, from one thread to another; never more than one is held. Thread-safe.
/// clear() also refuses frames made before it: a producer reads epoch() before it decides to make a
/// frame and passes it to put(), so a frame still on its way when the screen closes never shows later.
class PreviewSlot {
 public:
  uint64_t epoch() const;
  /// Replaces any frame waiting. false (and the frame dropped) when clear() was called after `epoch`
  /// was read.
  bool put(GrayFrame frame, uint64_t epoch);
  /// The waiting frame, moved out (no copy); nullopt when none arrived since the last take.
  std::optional<GrayFrame> take();
  bool waiting() const;
  /// Drops the waiting frame and every frame put with an earlier epoch.
  void clear();

 private:
  mutable std::mutex mutex_;
  std::optional<GrayFrame> frame_;  // guarded by mutex_
  uint64_t epoch_ = 0;              // guarded by mutex_
};

}  // namespace longstop::scan
