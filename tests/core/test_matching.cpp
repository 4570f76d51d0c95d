// Arrival-screen matching: key texts and the outcome for one, none, several, outside the window, etc.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/matching.h"

using namespace longstop::core;

namespace {

// Stands in for the keyed hash: any injective function of the key text will do for core's comparison.
std::string fakeHash(const std::string& text) {
  return "h(" + text + ")";
}

const Date kDob{1984, 3, 7};
const int64_t kNine = 9 * 60;  // 09:00 on the day (the day itself does not matter here)

MatchCandidate candidate(std::string id, int64_t start, Date dob, char initial, Sex sex,
                         bool checkedIn = false) {
  return {std::move(id), start, fakeHash(matchKeyText(dob, initial, sex)),
          fakeHash(matchKeyTextNoSex(dob, initial)), checkedIn};
}

MatchResult match(const std::vector<MatchCandidate>& list, Date dob, char initial, Sex sex, int64_t now) {
  return matchAppointment(list, fakeHash(matchKeyText(dob, initial, sex)), true, now, MatchWindow{});
}

}  // namespace

TEST_CASE("key texts are canonical") {
  CHECK(matchKeyText(kDob, 'S', Sex::kFemale) == "v1|1984-03-07|S|F");
  CHECK(matchKeyText(kDob, 's', Sex::kMale) == "v1|1984-03-07|S|M");
  CHECK(matchKeyText(kDob, 'S', Sex::kUnknown) == "v1|1984-03-07|S|U");
  CHECK(matchKeyTextNoSex(kDob, 'S') == "v1|1984-03-07|S");
  CHECK(matchKeyTextNoSex({2001, 12, 31}, 'o') == "v1|2001-12-31|O");
  CHECK(matchKeyText(kDob, 'S', Sex::kFemale) != matchKeyText(kDob, 'S', Sex::kMale));
  CHECK(matchKeyText(kDob, 'S', Sex::kFemale) != matchKeyText({1984, 3, 8}, 'S', Sex::kFemale));
}

TEST_CASE("exactly one candidate matches") {
  const std::vector<MatchCandidate> list = {
      candidate("A1", kNine, kDob, 'S', Sex::kFemale),
      candidate("A2", kNine, kDob, 'S', Sex::kMale),            // same birthday and initial, other sex
      candidate("A3", kNine, {1984, 3, 8}, 'S', Sex::kFemale),  // other birthday
      candidate("A4", kNine, kDob, 'T', Sex::kFemale),          // other initial
  };
  MatchResult r = match(list, kDob, 'S', Sex::kFemale, kNine);
  CHECK(r.outcome == MatchOutcome::kOne);
  CHECK(r.appointmentId == "A1");
  r = match(list, kDob, 'S', Sex::kMale, kNine);
  CHECK(r.outcome == MatchOutcome::kOne);
  CHECK(r.appointmentId == "A2");
}

TEST_CASE("no candidate matches") {
  const std::vector<MatchCandidate> list = {candidate("A1", kNine, kDob, 'S', Sex::kFemale)};
  MatchResult r = match(list, kDob, 'J', Sex::kFemale, kNine);
  CHECK(r.outcome == MatchOutcome::kNone);
  CHECK(r.appointmentId.empty());
  CHECK(match({}, kDob, 'S', Sex::kFemale, kNine).outcome == MatchOutcome::kNone);
}

TEST_CASE("several candidates send the patient to reception") {
  const std::vector<MatchCandidate> list = {
      candidate("A1", kNine, kDob, 'S', Sex::kFemale),
      candidate("A2", kNine + 20, kDob, 'S', Sex::kFemale),
  };
  MatchResult r = match(list, kDob, 'S', Sex::kFemale, kNine);
  CHECK(r.outcome == MatchOutcome::kSeveral);
  CHECK(r.appointmentId.empty());
}

TEST_CASE("only appointments inside the window match; outside it the patient is told early or late") {
  const std::vector<MatchCandidate> list = {candidate("A1", kNine, kDob, 'S', Sex::kFemale)};
  const MatchWindow w;  // 120 before, 60 after
  CHECK(match(list, kDob, 'S', Sex::kFemale, kNine - w.minutesBefore).outcome == MatchOutcome::kOne);
  MatchResult early = match(list, kDob, 'S', Sex::kFemale, kNine - w.minutesBefore - 1);
  CHECK(early.outcome == MatchOutcome::kTooEarly);
  CHECK(early.appointmentId == "A1");
  CHECK(match(list, kDob, 'S', Sex::kFemale, kNine + w.minutesAfter).outcome == MatchOutcome::kOne);
  MatchResult late = match(list, kDob, 'S', Sex::kFemale, kNine + w.minutesAfter + 1);
  CHECK(late.outcome == MatchOutcome::kTooLate);
  CHECK(late.appointmentId == "A1");
  // A narrower window is honoured.
  const std::string key = fakeHash(matchKeyText(kDob, 'S', Sex::kFemale));
  CHECK(matchAppointment(list, key, true, kNine - 11, MatchWindow{10, 5}).outcome == MatchOutcome::kTooEarly);
  CHECK(matchAppointment(list, key, true, kNine - 10, MatchWindow{10, 5}).outcome == MatchOutcome::kOne);
  CHECK(matchAppointment(list, key, true, kNine + 6, MatchWindow{10, 5}).outcome == MatchOutcome::kTooLate);
}

TEST_CASE("a second appointment outside the window does not make it ambiguous") {
  const std::vector<MatchCandidate> list = {
      candidate("MORNING", kNine, kDob, 'S', Sex::kFemale),
      candidate("EVENING", 18 * 60, kDob, 'S', Sex::kFemale),
  };
  MatchResult r = match(list, kDob, 'S', Sex::kFemale, kNine);
  CHECK(r.outcome == MatchOutcome::kOne);
  CHECK(r.appointmentId == "MORNING");
  r = match(list, kDob, 'S', Sex::kFemale, 17 * 60 + 30);
  CHECK(r.outcome == MatchOutcome::kOne);
  CHECK(r.appointmentId == "EVENING");
}

TEST_CASE("a patient already checked in is told so") {
  const std::vector<MatchCandidate> list = {candidate("A1", kNine, kDob, 'S', Sex::kFemale, true)};
  MatchResult r = match(list, kDob, 'S', Sex::kFemale, kNine);
  CHECK(r.outcome == MatchOutcome::kAlreadyCheckedIn);
  CHECK(r.appointmentId == "A1");
}

TEST_CASE("without sex the no-sex key is used") {
  const std::vector<MatchCandidate> list = {
      candidate("A1", kNine, kDob, 'S', Sex::kFemale),
      candidate("B1", kNine, {1990, 1, 1}, 'S', Sex::kMale),
  };
  const std::string noSex = fakeHash(matchKeyTextNoSex(kDob, 'S'));
  MatchResult r = matchAppointment(list, noSex, false, kNine, MatchWindow{});
  CHECK(r.outcome == MatchOutcome::kOne);
  CHECK(r.appointmentId == "A1");
  // The no-sex key never matches against the full keys, and vice versa.
  CHECK(matchAppointment(list, noSex, true, kNine, MatchWindow{}).outcome == MatchOutcome::kNone);
  const std::string full = fakeHash(matchKeyText(kDob, 'S', Sex::kFemale));
  CHECK(matchAppointment(list, full, false, kNine, MatchWindow{}).outcome == MatchOutcome::kNone);
}

TEST_CASE("without sex two people of different sex are several") {
  const std::vector<MatchCandidate> list = {
      candidate("A1", kNine, kDob, 'S', Sex::kFemale),
      candidate("A2", kNine, kDob, 'S', Sex::kMale),
  };
  MatchResult r = matchAppointment(list, fakeHash(matchKeyTextNoSex(kDob, 'S')), false, kNine, MatchWindow{});
  CHECK(r.outcome == MatchOutcome::kSeveral);
}

TEST_CASE("an empty key never matches a candidate with a missing hash") {
  std::vector<MatchCandidate> list = {candidate("A1", kNine, kDob, 'S', Sex::kFemale)};
  list[0].keyFull.clear();
  list[0].keyNoSex.clear();
  CHECK(matchAppointment(list, "", true, kNine, MatchWindow{}).outcome == MatchOutcome::kNone);
  CHECK(matchAppointment(list, "", false, kNine, MatchWindow{}).outcome == MatchOutcome::kNone);
}

TEST_CASE("an appointment only on another day is not 'no appointment'") {
  const int64_t yesterday = kNine;  // the list is yesterday's; now is the next morning
  const std::vector<MatchCandidate> list = {candidate("Y1", yesterday, kDob, 'S', Sex::kFemale),
                                            candidate("Y2", yesterday + 30, {1950, 1, 1}, 'B', Sex::kMale)};
  MatchResult r = match(list, kDob, 'S', Sex::kFemale, kNine + 1440);
  CHECK(r.outcome == MatchOutcome::kOtherDay);
  CHECK(r.appointmentId == "Y1");
  CHECK(needsReception(r.outcome));
  // Someone not on the list at all is still kNone (the only case a walk-in might be right).
  CHECK(match(list, kDob, 'J', Sex::kFemale, kNine + 1440).outcome == MatchOutcome::kNone);
  CHECK_FALSE(needsReception(MatchOutcome::kNone));
  // Late in the evening the morning list of the same day is "too late", not "another day".
  CHECK(match(list, kDob, 'S', Sex::kFemale, 23 * 60 + 59).outcome == MatchOutcome::kTooLate);
}

TEST_CASE("a match today outside the window beats one on another day; two today are several") {
  std::vector<MatchCandidate> list = {candidate("OTHER", kNine - 1440, kDob, 'S', Sex::kFemale),
                                      candidate("LATER", 16 * 60, kDob, 'S', Sex::kFemale)};
  MatchResult r = match(list, kDob, 'S', Sex::kFemale, kNine);
  CHECK(r.outcome == MatchOutcome::kTooEarly);
  CHECK(r.appointmentId == "LATER");
  list.push_back(candidate("EARLIER", 6 * 60, kDob, 'S', Sex::kFemale));
  r = match(list, kDob, 'S', Sex::kFemale, kNine);
  CHECK(r.outcome == MatchOutcome::kSeveral);
  CHECK(r.appointmentId.empty());
}

TEST_CASE("a checked-in appointment outside the window still says checked in") {
  const std::vector<MatchCandidate> list = {candidate("A1", kNine, kDob, 'S', Sex::kFemale, true)};
  MatchResult r = match(list, kDob, 'S', Sex::kFemale, kNine + 180);
  CHECK(r.outcome == MatchOutcome::kAlreadyCheckedIn);
  CHECK(r.appointmentId == "A1");
}
