#include "app/audio_queue.h"

namespace longstop::app {

std::string spokenText(const Announcement& a) {
  std::string spelt;
  for (char c : a.ticket) {
    if (!spelt.empty()) spelt += ' ';
    spelt += c;
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
