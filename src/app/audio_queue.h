// The calling board's announcements: one per call, played in order and never over each other. Pure
// logic (no SDL), so it is tested on its own; board_app.cpp feeds it calls and plays what it hands out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace longstop::app {

struct Announcement {
  int64_t callSeq = 0;  // the call's event sequence: the same call is never announced twice
  std::string ticket;   // "A042"
  std::string room;     // "Room 3"
};

/// "Ticket A, 0 4 2, please go to Room 3": the ticket spelt out so a speech engine reads each character.
std::string spokenText(const Announcement& a);

class AnnouncementQueue {
 public:
  /// At most `maxPending` wait; when more calls arrive at once the oldest waiting ones are dropped (the
  /// board still shows them).
  explicit AnnouncementQueue(size_t maxPending = 6) : maxPending_(maxPending) {}

  /// Queues a call unless it was queued before (by callSeq). Returns true when queued.
  bool push(Announcement a);
  /// The next announcement to play, only when nothing is playing now (`playing` is the sound device's
  /// word); nullopt otherwise or when none waits.
  std::optional<Announcement> next(bool playing);
  size_t pending() const { return queue_.size(); }

 private:
  size_t maxPending_;
  std::deque<Announcement> queue_;
  int64_t lastSeq_ = 0;  // the highest call queued so far
};

}  // namespace longstop::app
