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

/// What a patient's details found. Each kind sends the patient somewhere different, so each is its own
/// value: only kNone might be a patient without an appointment at all.
enum class MatchOutcome {
  kOne,               // one appointment inside the window: "is this you?"
  kNone,              // nothing with these details on any day in the list
  kSeveral,           // two or more appointments fit (two people share the details): reception
  kAlreadyCheckedIn,  // the one that fits has a ticket already
  kTooEarly,          // one appointment later today, before its window opens
  kTooLate,           // one appointment earlier today, after its window closed
  kOtherDay,          // only on another day (yesterday's list loaded, or the wrong day)
};
struct MatchResult {
  MatchOutcome outcome = MatchOutcome::kNone;
  std::string appointmentId;  // set for kOne, kAlreadyCheckedIn, kTooEarly, kTooLate and kOtherDay
};

/// Compares `key` with keyFull (or keyNoSex when `sexGiven` is false). Inside the window: exactly one →
/// kOne (or kAlreadyCheckedIn if that one is); two or more → kSeveral. Nothing inside the window: one
/// match today says whether it is too early or too late (or already checked in), more than one is
/// kSeveral; a match only on other days is kOtherDay; none at all is kNone. Days are local days of
/// startLocalMinutes (minutes since the epoch, local time).
MatchResult matchAppointment(const std::vector<MatchCandidate>& candidates, std::string_view key,
                             bool sexGiven, int64_t nowLocalMinutes, MatchWindow window);

/// Whether `outcome` is one the patient should take to reception rather than join the walk-in queue:
/// everything but kOne and kNone.
bool needsReception(MatchOutcome outcome);

}  // namespace longstop::core
