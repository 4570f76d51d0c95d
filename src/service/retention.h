// Retention: once the receiving organisation has acknowledged a batch, the personal data of its
// check-ins (and of their appointments) is kept for a set number of days (setting retention.days,
// default 30) and then deleted from the kiosk, with a 'retention-purge' event per batch. Nothing in a
// batch that has not been acknowledged, and nothing not yet exported, is ever deleted. Appointments
// nobody checked in for are not exported (the practice holds its own list); their details go the same
// number of days after the appointment's time, with a 'retention-purge-appointments' event.
#pragma once

#include <cstdint>
#include <optional>

#include "core/result.h"
#include "service/site.h"

namespace longstop::service {

inline constexpr int kDefaultRetentionDays = 30;

/// The site's retention period in days (setting retention.days), the default when unset or unreadable.
int retentionDays(Site& site);

struct PurgeReport {
  int64_t batches = 0;
  int64_t checkins = 0;
  int64_t appointments = 0;  // never checked in, cleared after the period
};

/// Purges every acknowledged batch whose acknowledgement is older than `days` (the site's setting when
/// not given). Deleted rows are overwritten in the database file (secure_delete) and the write-ahead
/// log is checkpointed and truncated, so the sealed bytes do not linger on disk; the kiosk's copy of the
/// batch file goes too.
core::Result<PurgeReport> purgeReceived(Site& site, std::optional<int> days = std::nullopt);

}  // namespace longstop::service
