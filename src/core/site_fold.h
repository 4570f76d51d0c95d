// The state of a site's queues as a deterministic fold of every device's events (docs/site.md). The
// events are ordered by (clock stamp, origin, origin sequence), a total order every device computes
// the same, so the same set of events gives the same state whatever order they arrived in. A move that
// is not allowed when its turn comes (a patient called at a second desk, a duplicate merged away after
// another desk called it, details edited after a cancel) is not applied; it stays in the log and is
// listed as a conflict with the reason, so staff can see what happened. Pure: no I/O, no JSON.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/checkin_state.h"

namespace longstop::core {

/// What the fold needs of one event (service reads it out of the event's JSON data).
struct FoldEvent {
  int64_t hlc = 0;
  std::string origin;
  int64_t seq = 0;
  std::string kind;  // checkin, call, recall, seen, ..., edit, merge, urgent-alert, urgent-ack
  std::string recordId;
  std::string ticket;    // checkin
  std::string queue;     // checkin, transfer
  std::string priority;  // checkin
  std::string into;      // merge: the check-in that stays
};

/// (clock stamp, origin, sequence): the site's one order of events.
bool foldsBefore(const FoldEvent& a, const FoldEvent& b);

struct FoldedCheckin {
  std::string recordId, ticket, queue, priority;
  CheckinState state = CheckinState::kWaiting;
  int64_t arrivedHlc = 0;
  int64_t stateHlc = 0;    // the stamp of the move that gave it its state
  bool alert = false;      // an urgent alert not yet acknowledged
  std::string details;     // "<origin>:<seq>" of the event whose sealed details are current
  std::string mergedInto;  // set when folded away into another check-in
};

struct FoldConflict {
  std::string origin;
  int64_t seq = 0;
  std::string recordId;
  std::string kind;
  std::string reason;  // a sentence for staff
};

struct SiteState {
  std::map<std::string, FoldedCheckin> checkins;  // by record ID
  std::vector<FoldConflict> conflicts;            // in the site's order
  int64_t events = 0;                             // how many were folded
};

/// Sorts `events` into the site's order and folds them. Events of kinds the queue does not concern
/// (sign-ins, settings, exports) are counted and otherwise ignored.
SiteState foldSite(std::vector<FoldEvent> events);

/// The folded state as canonical bytes (what a digest is taken of): every check-in by record ID, then
/// the conflicts in order. Two devices with the same state have the same bytes.
std::string canonicalStateBytes(const SiteState& state);

}  // namespace longstop::core
