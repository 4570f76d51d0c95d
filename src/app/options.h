// The command line of `longstop`, parsed into plain values; nothing here touches SDL or the disk.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace longstop::app {

struct Options {
  std::filesystem::path dataDir;  // empty with --demo and no --data: a fresh temporary directory
  bool demo = false;
  int demoCheckins = 0;  // --demo-checkins N: the demo site's morning with N check-ins already made
  bool headless = false;
  bool fullscreen = false;
  bool board = false;  // the calling board instead of the kiosk
  bool help = false;
  std::optional<std::filesystem::path> script;
  int width = 1280;
  int height = 800;
  std::optional<core::Instant> now;  // --now: start a manual clock here
  bool testHandScanner = false;      // --test-hand-scanner: as if a USB scanner were plugged in; the script's
                                     // `scan` lines are its reads (scripted tests only)
  bool testRefuseWrites = false;     // --test-readonly-store: every write fails (scripted tests only)
  bool testLocked = false;  // --test-locked: start as after a reboot, keys forgotten (scripted tests only)
  bool testAdmin = false;   // --test-admin: the admin screen at start, no sign-in (scripted tests only)
  std::optional<int> rotation;        // --rotation: 0, 90, 180 or 270, instead of the site's setting
  std::filesystem::path listDir;      // --list-dir: where reception's "Save list" writes (else a USB stick)
  std::filesystem::path cameraFiles;  // --camera-files: image files stand in for the camera's frames
  std::filesystem::path
      testMedia;  // --test-media: a folder stands in for the USB stick (scripted tests only)
  int64_t testWorkPaceMs =
      0;  // --test-work-pace MS: export work waits MS of script time after each report (scripted tests only)
};

/// Parses argv[1..]. `home` and `xdgDataHome` are the environment's values (empty when unset), for the
/// default data directory. Errors are one sentence for a person.
core::Result<Options> parseOptions(const std::vector<std::string>& args, const std::string& home,
                                   const std::string& xdgDataHome);

/// `YYYY-MM-DDTHH:MM` local time to an instant, with the local UTC offset the system's time zone gives.
core::Result<core::Instant> parseLocalInstant(const std::string& text);

/// The usage text.
const char* usage();

}  // namespace longstop::app
