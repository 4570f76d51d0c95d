#include "exporter/destination.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace longstop::exporter {
namespace fs = std::filesystem;
namespace {

constexpr int64_t kChunk = 1 << 20;

core::Error ioError(const std::string& doing, const fs::path& p) {
  return core::storageError("Could not " + doing + " " + p.string() + ": " + std::strerror(errno) + ".");
}

core::Result<std::string> readBack(const fs::path& p, int64_t expected, const Progress& progress) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ioError("read back", p);
  // Ask the kernel to drop its cached copy so the read comes from the medium where it can.
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  std::string out;
  out.reserve(static_cast<size_t>(expected));
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return ioError("read back", p);
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (progress) progress(static_cast<int64_t>(out.size()), expected, "Checking");
  }
  ::close(fd);
  return out;
}

core::Status writeAll(int fd, std::string_view bytes, const fs::path& p, const Progress& progress) {
  size_t done = 0;
  while (done < bytes.size()) {
    const size_t want = std::min<size_t>(kChunk, bytes.size() - done);
    const ssize_t n = ::write(fd, bytes.data() + done, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ioError("write", p);
    done += static_cast<size_t>(n);
    if (progress) progress(static_cast<int64_t>(done), static_cast<int64_t>(bytes.size()), "Writing");
  }
  if (::fsync(fd) != 0) return ioError("flush", p);
  return core::okStatus();
}

core::Status syncFolder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ioError("open the folder", folder);
  const int rc = ::fsync(fd);
  ::close(fd);
  // Some file systems (vfat on old kernels) refuse fsync on a directory; the file itself is synced.
  if (rc != 0 && errno != EINVAL) return ioError("flush the folder", folder);
  return core::okStatus();
}

}  // namespace

core::Status replaceDurably(const fs::path& folder, const std::string& name, std::string_view bytes,
                            const Progress& progress) {
  const fs::path tmp = folder / ("." + name + ".part");
  const fs::path target = folder / name;
  std::error_code ec;
  fs::remove(tmp, ec);  // a leftover from a power cut; O_EXCL below must make a new file
  // O_EXCL: the file is ours and new, so its mode is the 0600 asked for here (less the umask), not
  // whatever an older file of that name had.
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return ioError("create", tmp);
  core::Status s = writeAll(fd, bytes, tmp, progress);
  if (::close(fd) != 0 && s.ok()) s = ioError("close", tmp);
  if (s.ok() && ::rename(tmp.c_str(), target.c_str()) != 0) s = ioError("rename", tmp);
  if (s.ok()) s = syncFolder(folder);
  if (!s.ok()) fs::remove(tmp, ec);
  return s;
}

core::Result<fs::path> writeVerified(const fs::path& folder, const std::string& name, std::string_view bytes,
                                     const Progress& progress) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return core::notFound("There is no folder " + folder.string() + ".");
  const fs::path target = folder / name;
  if (fs::exists(target, ec)) {
    auto existing = readBack(target, static_cast<int64_t>(bytes.size()), {});
    if (existing.ok() && existing.value() == bytes) return target;
    return core::conflict(target.string() + " already exists with different contents; it was not replaced.");
  }
  if (auto s = replaceDurably(folder, name, bytes, progress); !s.ok()) return s.error();
  auto back = readBack(target, static_cast<int64_t>(bytes.size()), progress);
  if (!back.ok()) return back.error();
  if (back.value() != bytes)
    return core::storageError("The copy on " + folder.string() +
                              " does not read back the same: the medium may be "
                              "failing. Do not use this copy.");
  return target;
}

namespace {

// /proc/self/mounts escapes space, tab, newline and backslash as \040 and so on.
std::string unescapeMount(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() + 0 && s[i + 1] >= '0' && s[i + 1] <= '3') {
      out += static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
      i += 3;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::vector<MountedMedium> removableMediaIn(std::string_view mountsText) {
  std::vector<MountedMedium> out;
  std::istringstream in{std::string(mountsText)};
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string dev, dir, type, opts;
    if (!(fields >> dev >> dir >> type >> opts)) continue;
    const std::string mount = unescapeMount(dir);
    if (!mount.starts_with("/media/") && !mount.starts_with("/run/media/")) continue;
    // USB sticks and SD card readers: sd*, mmcblk* (not the boot card, which is never under /media).
    if (!dev.starts_with("/dev/sd") && !dev.starts_with("/dev/mmcblk")) continue;
    const bool rw = opts == "rw" || opts.starts_with("rw,");
    out.push_back({mount, dev, rw});
  }
  return out;
}

std::vector<MountedMedium> findRemovableMedia() {
  std::ifstream in("/proc/self/mounts");
  std::stringstream ss;
  ss << in.rdbuf();
  return removableMediaIn(ss.str());
}

std::vector<MountedMedium> newlyMounted(const std::vector<MountedMedium>& before,
                                        const std::vector<MountedMedium>& now) {
  std::vector<MountedMedium> out;
  for (const MountedMedium& m : now) {
    bool seen = false;
    for (const MountedMedium& b : before)
      seen = seen || (b.mountPoint == m.mountPoint && b.device == m.device);
    if (!seen) out.push_back(m);
  }
  return out;
}

}  // namespace longstop::exporter
