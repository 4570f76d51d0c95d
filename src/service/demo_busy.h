// A busy morning for the demo site: a hundred check-ins or so, to try (and photograph) the reception
// console as it looks on a Monday. Made-up patients only, in the demo's appointment list.
#pragma once

#include <filesystem>
#include <string>

#include "core/clock.h"
#include "core/result.h"

namespace longstop::service {

/// Adds to the demo site just made in `dataDir` (createDemoSite) a morning's appointments for four
/// clinicians from 07:00 and `count` check-ins made between 07:00 and the clock's now, in that order:
/// every seventh a walk-in, one urgent (its alert pending), one possible duplicate, a few parked, and
/// every fifth arrival a clinician calling their next patient (the one before seen). The same `count`
/// and clock always make the same morning.
core::Status addDemoCheckins(const std::filesystem::path& dataDir, const core::Clock& clock,
                             const std::string& recoveryCode, int count);

}  // namespace longstop::service
