#include "app/audio_queue.h"

namespace longstop::app {

std::string spokenText(const Announcement& a) {
  // A comma after the letter: espeak-ng reads a lone "A" before a number as the article ("a zero four
  // two"); "A, 0 4 2" it reads as the letter, then the digits.
  std::string spelt;
  char previous = 0;
  for (char c : a.ticket) {
    bool letterThenDigit = (previous >= 'A' && previous <= 'Z') && (c >= '0' && c <= '9');
    if (!spelt.empty()) spelt += letterThenDigit ? ", " : " ";
    spelt += c;
    previous = c;
  }
  return "Ticket " + spelt + ", please go to " + (a.room.empty() ? std::string("reception") : a.room);
}

bool AnnouncementQueue::push(Announcement a) {
  if (a.callSeq <= lastSeq_) return false;
  lastSeq_ = a.callSeq;
  queue_.push_back(std::move(a));
  while (queue_.size() > maxPending_) queue_.pop_front();
  return true;
}

std::optional<Announcement> AnnouncementQueue::next(bool playing) {
  if (playing || queue_.empty()) return std::nullopt;
  Announcement a = std::move(queue_.front());
  queue_.pop_front();
  return a;
}

}  // namespace longstop::app
