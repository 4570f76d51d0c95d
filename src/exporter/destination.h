// Putting a batch file somewhere it survives: a folder, or a USB stick (the same, given its mount
// point). The file is written under a temporary name, fsynced, renamed, the folder fsynced, and then
// read back and compared, so "safe to remove" is only said about bytes that are really on the medium.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace longstop::exporter {

/// Called as the work goes on: bytes done out of total, and what is happening ("Writing", "Checking").
using Progress = std::function<void(int64_t done, int64_t total, std::string_view stage)>;

/// Writes `bytes` to folder/name durably and verifies them by reading back. Refuses to replace a file
/// with different contents; the same contents already there are fine (writing again is harmless).
core::Result<std::filesystem::path> writeVerified(const std::filesystem::path& folder,
                                                  const std::string& name, std::string_view bytes,
                                                  const Progress& progress = {});

/// Writes `bytes` to folder/name so that after a power cut or a pulled stick the file is either the old
/// one or whole: a temporary file readable by its owner only (0600), fsynced, renamed over folder/name,
/// then the folder fsynced. On an error the temporary file is removed and folder/name is untouched.
core::Status replaceDurably(const std::filesystem::path& folder, const std::string& name,
                            std::string_view bytes, const Progress& progress = {});

/// A mounted removable medium, such as a USB stick.
struct MountedMedium {
  std::filesystem::path mountPoint;  // "/media/reception/KINGSTON"
  std::string device;                // "/dev/sdb1"
  bool writable = false;
};

/// Mounts under /media or /run/media listed in `mountsText` (the contents of /proc/self/mounts),
/// removable devices only (from the /dev/ name); pure, for testing.
std::vector<MountedMedium> removableMediaIn(std::string_view mountsText);
/// The same from the running system's /proc/self/mounts.
std::vector<MountedMedium> findRemovableMedia();
/// The media in `now` that were not in `before`: a stick just plugged in.
std::vector<MountedMedium> newlyMounted(const std::vector<MountedMedium>& before,
                                        const std::vector<MountedMedium>& now);

}  // namespace longstop::exporter
