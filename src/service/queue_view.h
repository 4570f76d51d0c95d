// What the reception console reads: today's check-ins with their details opened for a signed-in
// member of staff, duplicate flags, urgent alerts, search, the paper-fallback CSV and the day summary.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/checkin_state.h"
#include "core/patient.h"
#include "core/result.h"
#include "service/site.h"
#include "service/staff.h"
#include "store/checkins.h"

namespace longstop::service {

struct QueueEntry {
  store::CheckinRow row;
  std::optional<core::PatientDetails> patient;  // opened with the session's key; empty once purged
  std::string appointmentTime;                  // "10:20", or empty for walk-ins
  std::string clinician;
  int64_t dueLocal = 0;            // appointment start, or arrival for a walk-in (local minutes)
  int lateMinutes = 0;             // arrived this long after the appointment's time (0: on time)
  std::string calledBy;            // the clinician of the last call, when one was named
  std::string calledRoom;          // and the room it sent the patient to
  int waitedMinutes = 0;           // since arrival (until called, for those called)
  bool possibleDuplicate = false;  // same date of birth and surname checked in twice today
  bool alertPending = false;       // urgent alert not yet acknowledged
  bool damaged = false;            // its sealed details would not open (the rest still list)
  std::string detailsOn;           // a peer's check-in whose details this device cannot open: its device
};

/// Today's check-ins in the order the console lists them: urgent ones waiting, then those called (in
/// the order they were called: "with Dr Patel" until seen), then parked ones, then the rest waiting by
/// appointment time (a walk-in's time is its arrival), then everyone finished by arrival.
core::Result<std::vector<QueueEntry>> todaysEntries(Site& site, const StaffSession& who);

/// Ticket (its start as typed so far, ignoring case), surname (start of, ignoring case) or NHS number (three
/// digits or more, spaces ignored; only when the text is nothing but digits and spaces, so "N001" is a
/// ticket).
std::vector<QueueEntry> searchEntries(const std::vector<QueueEntry>& entries, const std::string& text);

/// Record IDs of urgent alerts raised today and not yet acknowledged, oldest first. Needs no key.
core::Result<std::vector<std::string>> pendingAlerts(Site& site);

/// Writes today's list (with names) as CSV into `folder` for the paper fallback; returns the file.
core::Result<std::filesystem::path> exportCurrentList(Site& site, const StaffSession& who,
                                                      const std::filesystem::path& folder);

struct DaySummary {
  std::map<std::string, std::map<core::CheckinState, int>> countsByQueueAndState;  // queue -> state -> n
  std::optional<int> medianWaitMinutes;  // arrival to first call, over those called
  int urgentFlags = 0;
  int total = 0;
};
core::Result<DaySummary> daySummary(Site& site);

}  // namespace longstop::service
