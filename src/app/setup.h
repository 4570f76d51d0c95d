// Preparing what the kiosk runs on: the data directory (making the demo site when asked) and the clock.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "app/options.h"
#include "core/clock.h"
#include "core/result.h"

namespace longstop::app {

struct PreparedData {
  std::filesystem::path dataDir;
  std::string recoveryCode;  // set only when a demo site was just made
};

/// With --demo, makes a demo site when the directory is missing or empty (a fresh temporary directory
/// when --data was not given). Without it, the directory is used as it is.
core::Result<PreparedData> prepareDataDir(const Options& o, const core::Clock& clock);

/// A manual clock when --now or --script is given (scripts advance it on `wait`), else the system clock.
std::unique_ptr<core::Clock> makeClock(const Options& o);

}  // namespace longstop::app
