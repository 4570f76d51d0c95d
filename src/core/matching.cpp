// Arrival-screen matching over keyed hashes of (date of birth, surname initial, sex).
#include "core/matching.h"

namespace longstop::core {
namespace {

char upperAscii(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

int64_t dayOf(int64_t localMinutes) {
  return localMinutes >= 0 ? localMinutes / 1440 : (localMinutes - 1439) / 1440;
}

bool insideWindow(const MatchCandidate& c, int64_t now, MatchWindow w) {
  return now >= c.startLocalMinutes - w.minutesBefore && now <= c.startLocalMinutes + w.minutesAfter;
}

}  // namespace

std::string matchKeyText(Date dob, char surnameInitial, Sex sex) {
  return matchKeyTextNoSex(dob, surnameInitial) + "|" + sexCode(sex);
}

std::string matchKeyTextNoSex(Date dob, char surnameInitial) {
  return "v1|" + dob.iso() + "|" + upperAscii(surnameInitial);
}

// An empty key never matches, not even a candidate whose key is also empty (a missing hash).
MatchResult matchAppointment(const std::vector<MatchCandidate>& candidates, std::string_view key,
                             bool sexGiven, int64_t nowLocalMinutes, MatchWindow window) {
  if (key.empty()) return {};
  const MatchCandidate* inside = nullptr;
  const MatchCandidate* today = nullptr;
  const MatchCandidate* otherDay = nullptr;
  int insideCount = 0, todayCount = 0;
  for (const MatchCandidate& c : candidates) {
    if ((sexGiven ? c.keyFull : c.keyNoSex) != key) continue;
    if (insideWindow(c, nowLocalMinutes, window)) {
      inside = &c;
      ++insideCount;
    } else if (dayOf(c.startLocalMinutes) == dayOf(nowLocalMinutes)) {
      today = &c;
      ++todayCount;
    } else if (!otherDay) {
      otherDay = &c;
    }
  }
  if (insideCount > 1 || (insideCount == 0 && todayCount > 1)) return {MatchOutcome::kSeveral, {}};
  const MatchCandidate* found = inside ? inside : today;
  if (found) {
    if (found->alreadyCheckedIn) return {MatchOutcome::kAlreadyCheckedIn, found->appointmentId};
    if (inside) return {MatchOutcome::kOne, found->appointmentId};
    const bool early = found->startLocalMinutes > nowLocalMinutes;
    return {early ? MatchOutcome::kTooEarly : MatchOutcome::kTooLate, found->appointmentId};
  }
  if (otherDay) return {MatchOutcome::kOtherDay, otherDay->appointmentId};
  return {};
}

bool needsReception(MatchOutcome outcome) {
  return outcome != MatchOutcome::kOne && outcome != MatchOutcome::kNone;
}

}  // namespace longstop::core
