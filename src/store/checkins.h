// Check-ins as stored: the current-state projection of the event log (written in the same transaction).
// States and priorities are parsed here, once, into core's enums; a row whose state or priority is not
// one of them is damage to the database and is refused with a kCorrupt error naming the check-in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/checkin_state.h"
#include "core/queue.h"
#include "core/result.h"
#include "store/database.h"

namespace longstop::store {

struct CheckinRow {
  std::string recordId;
  int64_t seq = 0;
  int64_t localDay = 0;
  std::string ticket;
  std::string queueId;
  core::CheckinState state = core::CheckinState::kWaiting;
  core::Priority priority = core::Priority::kNormal;
  std::optional<std::string> appointmentId;
  std::optional<std::string> sealed;
  std::optional<std::string> dupKey;
  int64_t arrivedMs = 0;
  int64_t stateMs = 0;
  std::optional<int64_t> calledMs;
  bool clockConfirmed = false;
};

core::Status insertCheckin(Database& db, const CheckinRow& c);
core::Result<std::optional<CheckinRow>> getCheckin(Database& db, std::string_view recordId);
/// The check-in of an appointment, if it has one.
core::Result<std::optional<CheckinRow>> checkinForAppointment(Database& db, std::string_view appointmentId);
/// All check-ins of one local day, in arrival order.
core::Result<std::vector<CheckinRow>> checkinsOnDay(Database& db, int64_t localDay);
/// Waiting in `queueId` on `localDay` before `seq`: urgent ones first, then by arrival (the order
/// reception calls in). Someone left waiting on an earlier day is not ahead of anyone.
core::Result<int64_t> countAhead(Database& db, std::string_view queueId, core::Priority priority, int64_t seq,
                                 int64_t localDay);
core::Status updateCheckinState(Database& db, std::string_view recordId, core::CheckinState state,
                                int64_t atMs);
/// Count of check-ins per state, e.g. {kWaiting, 3}; a state the enum does not know is refused as corrupt.
core::Result<std::vector<std::pair<core::CheckinState, int64_t>>> countByState(Database& db);
/// The stored state as core's enum, or the kCorrupt error a row with an unknown one gets
/// ("Check-in A001 has the state 'lost' in the database ..."); `ticket` names the row in the sentence.
core::Result<core::CheckinState> parseStoredState(std::string_view text, std::string_view ticket);
/// When the last `n` of a day's check-ins in a queue were first called (ms, newest first), for wait
/// estimates: the gap across a night says nothing about today's pace.
core::Result<std::vector<int64_t>> recentCallTimesMs(Database& db, std::string_view queueId, int64_t localDay,
                                                     int n);

/// What a batch needs of the appointment a check-in matched.
struct MatchedAppointment {
  std::string id;
  int64_t startLocal = 0;  // local wall-clock minutes since the epoch
  std::string clinician;
  std::string service;
  std::optional<std::string> sealed;  // the practice's details of the patient, sealed
};

/// A check-in in no batch yet, with its appointment while that is still on the list.
struct UnexportedCheckin {
  CheckinRow checkin;
  std::optional<MatchedAppointment> appointment;
};

/// Every check-in in no batch yet, in the device's sequence (arrival order), read by one statement.
core::Result<std::vector<UnexportedCheckin>> unexportedCheckins(Database& db);

/// The SQL behind countAhead and recentCallTimesMs, for tests that check their query plans.
extern const char* const kCountAheadSql;
extern const char* const kRecentCallsSql;

}  // namespace longstop::store
