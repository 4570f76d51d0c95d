// The reception desk's view of the whole site: check-ins made on other devices (kiosks) as the fold of
// every device's events gives them, their urgent alerts, and the desk's moves on them. A peer's sealed
// details open only with the site's keys; until devices share them (joining), the entry says which
// device holds them ("details on K7QX") and everything else works by ticket.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/site_fold.h"
#include "service/queue_view.h"
#include "service/site.h"
#include "service/staff.h"

namespace longstop::service {

/// True when this database holds any peer's events (the device is part of a site of several).
bool holdsPeerEvents(Site& site);

/// True when `recordId` was made on another device than this one.
bool isPeerRecord(Site& site, const std::string& recordId);

/// Today's check-ins made on other devices, from the fold, not merged away: ticket, queue, state,
/// priority, arrival, the room of the last call, the urgent alert. The details are opened with the
/// session's keys when they can be; otherwise `detailsOn` names the device that holds them.
core::Result<std::vector<QueueEntry>> peerEntries(Site& site, const StaffSession& who);

/// Record IDs of today's check-ins (any device's) whose urgent alert no device has acknowledged, in
/// the order they arrived. From the fold, so an acknowledgement made on any device counts.
core::Result<std::vector<std::string>> siteAlerts(Site& site);

/// Acknowledges a peer's check-in's urgent alert, as this device's `urgent-ack` event. kNotFound for
/// a check-in the fold does not know, kConflict when it has no alert waiting.
core::Status acknowledgePeerAlert(Site& site, const StaffSession& who, const std::string& recordId);

/// Call next across the site: the first waiting in `queueId` (urgent first, then by appointment time,
/// a walk-in's or a peer's check-in's time being its arrival). A peer's check-in has no clinician
/// here (its appointment is in its own device's list). Own check-ins are called as callNext does.
core::Result<std::optional<std::string>> siteCallNext(Site& site, const StaffSession& who,
                                                      const std::string& queueId,
                                                      const std::optional<std::string>& clinician);

/// The fold's conflicts today (two desks calling one patient, ...), oldest first.
core::Result<std::vector<core::FoldConflict>> siteConflicts(Site& site);

}  // namespace longstop::service
