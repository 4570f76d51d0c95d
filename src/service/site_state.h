// The site's queues as the fold of every device's events (core/site_fold.h) read from this device's
// database, its digest, and the staff actions that work on any device's check-in through that fold.
// The screens still read this device's own projection (the checkins table); moving them onto the
// folded state is the desk and board roles' work (docs/site.md).
#pragma once

#include <string>

#include "core/result.h"
#include "core/site_fold.h"
#include "service/site.h"
#include "service/staff.h"
#include "store/database.h"

namespace longstop::service {

/// Folds every event in the database: this device's own (as `ownDeviceId`'s) and its peers'.
core::Result<core::SiteState> foldedState(store::Database& db, std::string_view ownDeviceId);
/// SHA-256 (hex) of core::canonicalStateBytes: equal on two devices that hold the same state.
std::string stateDigest(const core::SiteState& state);

/// Brings this device's own check-ins in the checkins table (what its screens and board read) to the
/// state the fold gives them, after peers' events arrived (a desk called a patient who checked in at
/// this kiosk). Returns how many rows changed. The replicator calls it after each applied batch.
core::Result<int> followFold(store::Database& db, std::string_view ownDeviceId);

/// A staff action (call, seen, ...) on a check-in that any device of the site made, checked against the
/// folded state and written as this device's event. kNotFound for a check-in the fold does not know,
/// kConflict for a move its state does not allow. `room` is for call and recall.
core::Status siteAction(Site& site, const StaffSession& who, const std::string& recordId,
                        core::CheckinAction action, const std::string& room = {});

}  // namespace longstop::service
