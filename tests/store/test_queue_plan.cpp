// The queue readings of every check-in (people ahead, recent call times) are bounded by an index:
// their cost follows the rows they answer about, not the length of the day's queue.
#include <catch2/catch.hpp>

#include <string>

#include "store/checkins.h"
#include "store/database.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::TempDir;

namespace {

struct Fixture {
  TempDir dir;
  std::unique_ptr<store::Database> db;

  Fixture() {
    auto opened = store::Database::open(dir / "q.db", {.create = true});
    REQUIRE(opened.ok());
    db = std::move(opened.value());
    REQUIRE(
        db->exec(
              "INSERT INTO queues (id, name, prefix, room, position) VALUES ('gp', 'GP', 'W', 'Room 1', 1), "
              "('nurse', 'Nurse', 'N', 'Room 2', 2)")
            .ok());
  }
  void add(int64_t seq, const char* queue, const char* priority, const char* state, int64_t day = 100,
           std::optional<int64_t> calledMs = std::nullopt) {
    store::CheckinRow c;
    c.recordId = "K7QX-" + std::to_string(seq);
    c.seq = seq;
    c.localDay = day;
    c.ticket = "W" + std::to_string(seq);
    c.queueId = queue;
    c.state = *core::stateFromString(state);
    c.priority = *core::priorityFromString(priority);
    c.arrivedMs = c.stateMs = 1000 * seq;
    c.calledMs = calledMs;
    REQUIRE(store::insertCheckin(*db, c).ok());
  }
  // SQLite's plan for `sql`, one detail line per step.
  std::string plan(const std::string& sql) {
    auto st = db->prepare("EXPLAIN QUERY PLAN " + sql);
    REQUIRE(st.ok());
    std::string out;
    for (;;) {
      auto row = st->step();
      REQUIRE(row.ok());
      if (!row.value()) return out;
      out += st->columnText(3) + "\n";
    }
  }
};

}  // namespace

TEST_CASE("counting the people ahead reads one index range per priority, bounded by the arrival") {
  Fixture f;
  const std::string p = f.plan(store::kCountAheadSql);
  INFO(p);
  CHECK(p.find("SCAN checkins") == std::string::npos);
  // Both halves end at the check-in's own arrival: the waiting rows after it are never read.
  size_t ranges = 0;
  for (size_t at = p.find("priority=? AND seq<?"); at != std::string::npos;
       at = p.find("priority=? AND seq<?", at + 1))
    ++ranges;
  CHECK(ranges == 2);
}

TEST_CASE("recent call times come newest first from an index, with no sort and no scan") {
  Fixture f;
  const std::string p = f.plan(store::kRecentCallsSql);
  INFO(p);
  CHECK(p.find("SCAN checkins") == std::string::npos);
  CHECK(p.find("TEMP B-TREE") == std::string::npos);
  CHECK(p.find("SEARCH checkins USING") != std::string::npos);
}

TEST_CASE("people ahead: urgent first, then arrival order, only the same day, queue and waiting") {
  Fixture f;
  f.add(1, "gp", "normal", "waiting");
  f.add(2, "gp", "urgent", "waiting");
  f.add(3, "gp", "normal", "called");
  f.add(4, "nurse", "normal", "waiting");
  f.add(5, "gp", "normal", "waiting", 99);  // left waiting yesterday
  f.add(6, "gp", "normal", "waiting");
  f.add(7, "gp", "urgent", "waiting");
  f.add(8, "gp", "normal", "waiting");
  auto ahead = [&](int64_t seq, const char* priority) {
    auto n = store::countAhead(*f.db, "gp", *core::priorityFromString(priority), seq, 100);
    REQUIRE(n.ok());
    return n.value();
  };
  CHECK(ahead(1, "normal") == 2);  // both urgent ones
  CHECK(ahead(2, "urgent") == 0);
  CHECK(ahead(6, "normal") == 3);  // 1, and the two urgent
  CHECK(ahead(7, "urgent") == 1);
  CHECK(ahead(8, "normal") == 4);
  CHECK(ahead(9, "normal") == 5);  // a new arrival, not yet stored
}

TEST_CASE("recent call times: the day's last calls in one queue, newest first") {
  Fixture f;
  f.add(1, "gp", "normal", "called", 100, 5000);
  f.add(2, "gp", "normal", "called", 100, 9000);
  f.add(3, "gp", "normal", "waiting");
  f.add(4, "nurse", "normal", "called", 100, 9500);
  f.add(5, "gp", "normal", "called", 99, 9900);
  f.add(6, "gp", "normal", "called", 100, 7000);
  auto calls = store::recentCallTimesMs(*f.db, "gp", 100, 2);
  REQUIRE(calls.ok());
  CHECK(calls.value() == std::vector<int64_t>{9000, 7000});
}

TEST_CASE("states and priorities are read back as core's enums, every one of them") {
  Fixture f;
  using S = core::CheckinState;
  const S all[] = {S::kWaiting, S::kCalled, S::kSeen, S::kNoShow, S::kLeft, S::kParked, S::kCancelled};
  int64_t seq = 0;
  for (S s : all)
    for (const char* p : {"normal", "urgent"}) f.add(++seq, "gp", p, std::string(core::toString(s)).c_str());
  auto rows = store::checkinsOnDay(*f.db, 100);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 14);
  for (size_t i = 0; i < rows->size(); ++i) {
    CHECK((*rows)[i].state == all[i / 2]);
    CHECK((*rows)[i].priority == (i % 2 ? core::Priority::kUrgent : core::Priority::kNormal));
  }
  REQUIRE(store::updateCheckinState(*f.db, "K7QX-1", S::kCalled, 5000).ok());
  auto one = store::getCheckin(*f.db, "K7QX-1");
  REQUIRE(one.ok());
  CHECK(one->value().state == S::kCalled);
  CHECK(one->value().calledMs == 5000);
  auto counts = store::countByState(*f.db);
  REQUIRE(counts.ok());
  CHECK(counts->size() == 7);
  CHECK(counts->front() == std::pair<S, int64_t>{S::kCalled, 3});  // in the order of the names
}

TEST_CASE("a row whose state is not a state is refused as corruption, never read as waiting") {
  Fixture f;
  f.add(1, "gp", "normal", "waiting");
  f.add(2, "gp", "normal", "waiting");
  // Written past Longstop, as a damaged or edited file would have it.
  REQUIRE(f.db->exec("UPDATE checkins SET state = 'lost' WHERE seq = 2").ok());
  const std::string sentence =
      "Check-in W2 has the state 'lost' in the database, which Longstop does not know: the database is "
      "damaged. Restore it from a backup, or ask your IT support.";
  auto one = store::getCheckin(*f.db, "K7QX-2");
  REQUIRE_FALSE(one.ok());
  CHECK(one.error().code == core::ErrorCode::kCorrupt);
  CHECK(one.error().message == sentence);
  auto day = store::checkinsOnDay(*f.db, 100);
  REQUIRE_FALSE(day.ok());
  CHECK(day.error().message == sentence);
  auto counts = store::countByState(*f.db);
  REQUIRE_FALSE(counts.ok());
  CHECK(counts.error().message == sentence);
  // The good row still reads on its own.
  auto good = store::getCheckin(*f.db, "K7QX-1");
  REQUIRE(good.ok());
  CHECK(good->value().state == core::CheckinState::kWaiting);
}

TEST_CASE("a row whose priority is not a priority is refused as corruption") {
  Fixture f;
  f.add(1, "gp", "urgent", "waiting");
  REQUIRE(f.db->exec("UPDATE checkins SET priority = 'URGENT' WHERE seq = 1").ok());
  auto one = store::getCheckin(*f.db, "K7QX-1");
  REQUIRE_FALSE(one.ok());
  CHECK(one.error().code == core::ErrorCode::kCorrupt);
  CHECK(one.error().message ==
        "Check-in W1 has the priority 'URGENT' in the database, which is neither normal nor urgent: the "
        "database is damaged. Restore it from a backup, or ask your IT support.");
}
