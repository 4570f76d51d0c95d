// The continuity drill: a clearly marked practice run against a separate database with synthetic
// patients, so staff can rehearse check-in, calling and export. The real site is never opened while a
// drill runs, so leaving it leaves real data exactly as it was.
#pragma once

#include <filesystem>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "service/site.h"

namespace longstop::service {

/// Where a site's drill lives: a subdirectory of its data directory.
std::filesystem::path drillDataDir(const std::filesystem::path& dataDir);

struct DrillStart {
  std::filesystem::path dataDir;  // open the kiosk here for the drill
  std::string recoveryCode;       // of the drill site only
  std::string practiceCard;       // LSS1 text of a practice admin card for the drill
  std::string practicePin;        // its PIN, shown on the drill banner (synthetic data only)
};

/// Starts a fresh drill (discarding any earlier drill): a demo site with synthetic patients around
/// now, named "<real site name> (PRACTICE)", and a practice admin card.
core::Result<DrillStart> startDrill(const std::filesystem::path& realDataDir, const std::string& realSiteName,
                                    const core::Clock& clock);

/// Notes one rehearsed step and how long it took (written by the screens as the drill goes).
core::Status recordDrillStep(Site& drillSite, const std::string& step, int64_t durationMs,
                             bool problem = false, const std::string& note = {});

/// A plain-text report: what was done (counts by kind), how long each step took, any problems.
core::Result<std::string> drillReport(Site& drillSite);
/// Writes the report into `folder` and returns the file.
core::Result<std::filesystem::path> exportDrillReport(Site& drillSite, const std::filesystem::path& folder);

}  // namespace longstop::service
