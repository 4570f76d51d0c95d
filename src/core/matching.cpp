// Arrival-screen matching over keyed hashes of (date of birth, surname initial, sex).
#include "core/matching.h"

namespace longstop::core {
namespace {

char upperAscii(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
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
  const MatchCandidate* found = nullptr;
  int count = 0;
  if (key.empty()) return {};
  for (const MatchCandidate& c : candidates) {
    if (!insideWindow(c, nowLocalMinutes, window)) continue;
    if ((sexGiven ? c.keyFull : c.keyNoSex) != key) continue;
    found = &c;
    ++count;
  }
  if (count == 0) return {};
  if (count > 1) return {MatchOutcome::kSeveral, {}};
  return {found->alreadyCheckedIn ? MatchOutcome::kAlreadyCheckedIn : MatchOutcome::kOne,
          found->appointmentId};
}

}  // namespace longstop::core
