// The calling board's announcement queue: in order, one at a time, each call once.
#include <catch2/catch.hpp>

#include "app/audio_queue.h"

using longstop::app::Announcement;
using longstop::app::AnnouncementQueue;

TEST_CASE("an announcement spells the ticket out and names the room") {
  CHECK(longstop::app::spokenText({1, "A042", "Room 3"}) == "Ticket A, 0 4 2, please go to Room 3");
  CHECK(longstop::app::spokenText({1, "W001", ""}) == "Ticket W, 0 0 1, please go to reception");
}

TEST_CASE("announcements never talk over each other and come out in order") {
  AnnouncementQueue q;
  CHECK(q.push({1, "A001", "Room 3"}));
  CHECK(q.push({2, "N001", "Room 5"}));
  CHECK_FALSE(q.next(true));  // something is playing: wait
  auto a = q.next(false);
  REQUIRE(a);
  CHECK(a->ticket == "A001");
  CHECK_FALSE(q.next(true));
  CHECK(q.next(false)->ticket == "N001");
  CHECK_FALSE(q.next(false));
}

TEST_CASE("the same call is announced once, and a burst keeps only the newest few") {
  AnnouncementQueue q(2);
  CHECK(q.push({5, "A001", "Room 3"}));
  CHECK_FALSE(q.push({5, "A001", "Room 3"}));
  CHECK_FALSE(q.push({4, "A000", "Room 3"}));
  CHECK(q.push({6, "A002", "Room 3"}));
  CHECK(q.push({7, "A003", "Room 3"}));
  CHECK(q.pending() == 2);
  CHECK(q.next(false)->ticket == "A002");
}
