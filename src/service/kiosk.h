// The real kiosk services over the store and crypto, and opening or creating a site's data directory.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "service/kiosk_services.h"

namespace longstop::service {

/// Opens the site in `dataDir` (which `longstopctl init` or createDemoSite made). The clock is borrowed
/// and must outlive the returned object.
core::Result<std::unique_ptr<KioskServices>> openKiosk(const std::filesystem::path& dataDir,
                                                       const core::Clock& clock);

/// Makes a demo site in an empty `dataDir`: name "Riverside Medical Practice (demo)", queues GP (A),
/// Nurse (N), Walk-in (W), and a day of appointments around the clock's today with made-up patients
/// whose NHS numbers are in the never-issued test range. Returns the recovery code.
core::Result<std::string> createDemoSite(const std::filesystem::path& dataDir, const core::Clock& clock);

}  // namespace longstop::service
