#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "core/site_fold.h"
#include "core/ticket_block.h"

#include <set>

using namespace longstop;
using core::CheckinState;
using core::FoldEvent;

namespace {

FoldEvent ev(int64_t hlc, std::string origin, int64_t seq, std::string kind, std::string record) {
  FoldEvent e;
  e.hlc = hlc;
  e.origin = std::move(origin);
  e.seq = seq;
  e.kind = std::move(kind);
  e.recordId = std::move(record);
  return e;
}

FoldEvent checkin(int64_t hlc, std::string origin, int64_t seq, std::string record, std::string ticket) {
  FoldEvent e = ev(hlc, std::move(origin), seq, "checkin", std::move(record));
  e.ticket = std::move(ticket);
  e.queue = "walkin";
  e.priority = "normal";
  return e;
}

// A day at a site of three devices: a kiosk's check-ins, two desks' calls (some of the same patients,
// some with equal stamps), an edit after a cancel, a merge while another desk called the duplicate.
std::vector<FoldEvent> aDay(std::mt19937& rng) {
  std::vector<FoldEvent> out;
  std::uniform_int_distribution<int> jitter(0, 3);
  int64_t t = 1000;
  for (int i = 1; i <= 40; ++i)
    out.push_back(checkin(t += 10, "KIOS", i, "KIOS-" + std::to_string(i), "W0" + std::to_string(i)));
  int64_t d1 = 1, d2 = 1;
  for (int i = 1; i <= 30; ++i) {
    const int64_t at = t + i * 10 + jitter(rng);
    if (i % 3 != 0) out.push_back(ev(at, "DSK1", d1++, "call", "KIOS-" + std::to_string(i)));
    if (i % 2 == 0) out.push_back(ev(at + jitter(rng), "DSK2", d2++, "call", "KIOS-" + std::to_string(i)));
    if (i % 5 == 0) out.push_back(ev(at + 5, "DSK1", d1++, "seen", "KIOS-" + std::to_string(i)));
  }
  FoldEvent cancel = ev(t + 1000, "DSK1", d1++, "cancel", "KIOS-35");
  out.push_back(cancel);
  out.push_back(ev(t + 1001, "DSK2", d2++, "edit", "KIOS-35"));
  out.push_back(ev(t + 1100, "DSK2", d2++, "call", "KIOS-36"));
  FoldEvent merge = ev(t + 1101, "DSK1", d1++, "merge", "KIOS-36");
  merge.into = "KIOS-37";
  out.push_back(merge);
  FoldEvent okMerge = ev(t + 1200, "DSK1", d1++, "merge", "KIOS-38");
  okMerge.into = "KIOS-39";
  out.push_back(okMerge);
  out.push_back(ev(t + 1300, "KIOS", 41, "urgent-alert", "KIOS-40"));
  return out;
}

}  // namespace

TEST_CASE("the same events in 500 random arrival orders fold to the same state and the same bytes") {
  std::mt19937 rng(20261203);
  const auto events = aDay(rng);
  const core::SiteState reference = core::foldSite(events);
  const std::string bytes = core::canonicalStateBytes(reference);
  for (int round = 0; round < 500; ++round) {
    auto shuffled = events;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    INFO("round " << round);
    REQUIRE(core::canonicalStateBytes(core::foldSite(shuffled)) == bytes);
  }
  // And the state is the one the order says, not merely a stable one.
  CHECK(reference.checkins.size() == 40);
  CHECK(reference.events == static_cast<int64_t>(events.size()));
}

TEST_CASE("a patient called at two desks: the earlier stamp wins, the other call is a recorded conflict") {
  std::vector<FoldEvent> events = {checkin(10, "KIOS", 1, "KIOS-1", "W001"),
                                   ev(20, "DSK2", 1, "call", "KIOS-1"), ev(20, "DSK1", 1, "call", "KIOS-1"),
                                   ev(30, "DSK2", 2, "seen", "KIOS-1")};
  const auto s = core::foldSite(events);
  CHECK(s.checkins.at("KIOS-1").state == CheckinState::kSeen);
  REQUIRE(s.conflicts.size() == 1);
  // Equal stamps: the origin decides (DSK1 < DSK2), so DSK1's call is the one applied.
  CHECK(s.conflicts[0].origin == "DSK2");
  CHECK(s.conflicts[0].kind == "call");
  // A different set of events gives different bytes: the digest tells the states apart.
  events.pop_back();
  CHECK(core::canonicalStateBytes(core::foldSite(events)) != core::canonicalStateBytes(s));
}

TEST_CASE("an edit after a cancel and a merge after another desk's call are kept as conflicts, not applied") {
  FoldEvent merge = ev(40, "DSK1", 2, "merge", "KIOS-2");
  merge.into = "KIOS-1";
  const auto s =
      core::foldSite({checkin(10, "KIOS", 1, "KIOS-1", "W001"), checkin(11, "KIOS", 2, "KIOS-2", "W002"),
                      ev(20, "DSK1", 1, "cancel", "KIOS-1"), ev(30, "DSK2", 1, "edit", "KIOS-1"),
                      ev(35, "DSK2", 2, "call", "KIOS-2"), merge});
  CHECK(s.checkins.at("KIOS-1").state == CheckinState::kCancelled);
  CHECK(s.checkins.at("KIOS-1").details == "KIOS:1");  // the edit did not replace the details
  CHECK(s.checkins.at("KIOS-2").state == CheckinState::kCalled);
  CHECK(s.checkins.at("KIOS-2").mergedInto.empty());
  REQUIRE(s.conflicts.size() == 2);
  CHECK(s.conflicts[0].kind == "edit");
  CHECK(s.conflicts[1].kind == "merge");
}

TEST_CASE("a merge of a waiting duplicate folds it away; an action on an unknown check-in is a conflict") {
  FoldEvent merge = ev(30, "DSK1", 1, "merge", "KIOS-2");
  merge.into = "KIOS-1";
  const auto s =
      core::foldSite({checkin(10, "KIOS", 1, "KIOS-1", "W001"), checkin(11, "KIOS", 2, "KIOS-2", "W002"),
                      merge, ev(40, "DSK1", 2, "call", "NOPE-1")});
  CHECK(s.checkins.at("KIOS-2").state == CheckinState::kCancelled);
  CHECK(s.checkins.at("KIOS-2").mergedInto == "KIOS-1");
  REQUIRE(s.conflicts.size() == 1);
  CHECK(s.conflicts[0].recordId == "NOPE-1");
}

TEST_CASE("ticket blocks: slots of a stride never give the same number; bad blocks are refused") {
  const core::TicketBlock a{0, 3, 10}, b{1, 3, 10}, c{2, 3, 10};
  std::set<int64_t> seen;
  for (int64_t n = 1; n <= 333; ++n)
    for (const auto& blk : {a, b, c}) CHECK(seen.insert(core::ticketNumber(n, blk)).second);
  CHECK(*seen.rbegin() == 999);
  CHECK(core::ticketNumber(1, core::TicketBlock{}) == 1);
  CHECK(core::ticketNumber(2, core::TicketBlock{}) == 2);
  CHECK(core::parseTicketBlock("1:3:20500") == core::TicketBlock{1, 3, 20500});
  CHECK(core::parseTicketBlock(core::formatTicketBlock(b)) == b);
  for (const char* bad : {"3:3:1", "0:0:1", "0:10:1", "-1:2:1", "1:2", "1:2:3x", ""})
    CHECK_FALSE(core::parseTicketBlock(bad).has_value());
}
