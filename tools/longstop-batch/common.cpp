#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "batch_tool.h"

namespace longstop::batchtool {

int fail(const core::Error& e) {
  std::fprintf(stderr, "longstop-batch: %s\n", e.message.c_str());
  return ctl::exitCodeFor(e);
}

int usage(const std::string& message) {
  std::fprintf(stderr, "longstop-batch: %s\n", message.c_str());
  return ctl::kExitUsage;
}

core::Result<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::invalidInput("Could not read the file " + path + ".");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

core::Status writePrivateFile(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return core::storageError("Could not write " + path + ": " + std::strerror(errno) + ".");
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return core::storageError("Could not write " + path + ": " + std::strerror(errno) + ".");
    }
    done += static_cast<size_t>(n);
  }
  const bool ok = ::fsync(fd) == 0;
  if (::close(fd) != 0 || !ok) return core::storageError("Could not finish writing " + path + ".");
  return core::okStatus();
}

core::Result<exporter::OrgKeyPair> loadKey(const Args& a) {
  auto path = a.get("key");
  if (!path) return core::invalidInput("Say which key to use with --key PREFIX.key.");
  auto text = readFile(*path);
  if (!text.ok()) return text.error();
  auto kp = exporter::parseOrgKeyPair(*text);
  if (!kp.ok()) return core::invalidInput(*path + ": " + kp.error().message);
  return kp;
}

core::Result<exporter::Payload> openFile(const Args& a, const std::string& path) {
  auto key = loadKey(a);
  if (!key.ok()) return key.error();
  auto bytes = readFile(path);
  if (!bytes.ok()) return bytes.error();
  auto batch = exporter::readBatchFile(*bytes);
  if (!batch.ok()) return core::Error{batch.error().code, path + ": " + batch.error().message};
  auto payload = exporter::openBatch(*batch, *key);
  if (!payload.ok()) return core::Error{payload.error().code, path + ": " + payload.error().message};
  return payload;
}

}  // namespace longstop::batchtool
