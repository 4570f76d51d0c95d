// Matching a patient at the screen to the day's appointments, the way NHS arrival screens do:
// date of birth + first letter of surname + sex. The kiosk cannot read names (they are sealed), so it
// compares keyed hashes of these canonical key texts; core only makes the texts and compares.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/patient.h"

namespace longstop::core {

/// The canonical text of the full key: "v1|1984-03-07|S|F".
std::string matchKeyText(Date dob, char surnameInitial, Sex sex);
/// Without sex, for a patient who chose "Prefer not to say": "v1|1984-03-07|S".
std::string matchKeyTextNoSex(Date dob, char surnameInitial);

/// Around the appointment's start: matchable from `minutesBefore` before until `minutesAfter` after.
struct MatchWindow {
  int minutesBefore = 120;
  int minutesAfter = 60;
};

struct MatchCandidate {
  std::string appointmentId;
  int64_t startLocalMinutes = 0;
  std::string keyFull;   // keyed hash of matchKeyText (opaque bytes)
  std::string keyNoSex;  // keyed hash of matchKeyTextNoSex
  bool alreadyCheckedIn = false;
};

enum class MatchOutcome { kOne, kNone, kSeveral, kAlreadyCheckedIn };
struct MatchResult {
  MatchOutcome outcome = MatchOutcome::kNone;
  std::string appointmentId;  // set for kOne and kAlreadyCheckedIn
};

/// Compares `key` with keyFull (or keyNoSex when `sexGiven` is false) among candidates inside the window.
/// Exactly one → kOne (or kAlreadyCheckedIn if that one is); none → kNone; two or more → kSeveral.
MatchResult matchAppointment(const std::vector<MatchCandidate>& candidates, std::string_view key,
                             bool sexGiven, int64_t nowLocalMinutes, MatchWindow window);

}  // namespace longstop::core
