#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "batch_tool.h"

namespace longstop::batchtool {
namespace {

core::Status writeAll(int fd, const std::string& path, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return core::storageError("Could not write " + path + ": " + std::strerror(errno) + ".");
    done += static_cast<size_t>(n);
  }
  return core::okStatus();
}

}  // namespace

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
  if (auto s = writeAll(fd, path, bytes); !s.ok()) {
    ::close(fd);
    return s;
  }
  const bool ok = ::fsync(fd) == 0;
  if (::close(fd) != 0 || !ok) return core::storageError("Could not finish writing " + path + ".");
  return core::okStatus();
}

core::Status replaceFileAtomically(const std::string& path, std::string_view bytes) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec)
      return core::storageError("Could not make the folder " + dir.string() + ": " + ec.message() + ".");
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  const std::string temp = path + ".new";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return core::storageError("Could not write " + temp + ": " + std::strerror(errno) + ".");
  // A temporary file left by an earlier crash keeps its old mode through O_CREAT; make it ours alone.
  core::Status s = ::fchmod(fd, 0600) == 0 ? writeAll(fd, temp, bytes)
                                           : core::storageError("Could not make " + temp + " private.");
  if (s.ok() && ::fsync(fd) != 0) s = core::storageError("Could not finish writing " + temp + ".");
  if (::close(fd) != 0 && s.ok()) s = core::storageError("Could not finish writing " + temp + ".");
  if (s.ok() && ::rename(temp.c_str(), path.c_str()) != 0)
    s = core::storageError("Could not put " + path + " in place: " + std::strerror(errno) + ".");
  if (!s.ok()) {
    ::unlink(temp.c_str());
    return s;
  }
  // The rename is durable only once the folder's entry is on the disk.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const bool synced = dfd >= 0 && ::fsync(dfd) == 0;
  if (dfd >= 0) ::close(dfd);
  if (!synced) return core::storageError("Could not finish writing the folder " + dir.string() + ".");
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

core::Result<std::string> trustStorePath(const Args& a) {
  if (auto p = a.get("trust-store")) return *p;
  if (const char* e = std::getenv("LONGSTOP_TRUST_STORE"); e && *e) return std::string(e);
  // The XDG base directory rule: a relative XDG_CONFIG_HOME is to be ignored.
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x == '/')
    return std::string(x) + "/longstop/trusted-kiosks";
  if (const char* h = std::getenv("HOME"); h && *h)
    return std::string(h) + "/.config/longstop/trusted-kiosks";
  return core::invalidInput(
      "There is no home folder to keep the trust store in; say where it is with "
      "--trust-store FILE or LONGSTOP_TRUST_STORE.");
}

core::Result<exporter::TrustStore> loadTrustStore(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return exporter::TrustStore{};  // first use: nothing trusted yet
    return core::storageError("Could not read the trust store " + path + ": " + std::strerror(errno) + ".");
  }
  // Whoever can write the store can make this PC accept their batches.
  if (st.st_mode & (S_IWGRP | S_IWOTH))
    return core::invalidInput(
        "The trust store " + path +
        " can be changed by other users of this PC, so it "
        "cannot be relied on. Check its lines with a person who knows the kiosks, then run "
        "`chmod 600 " +
        path + "`.");
  auto text = readFile(path);
  if (!text.ok()) return core::storageError("Could not read the trust store " + path + ".");
  auto store = exporter::parseTrustStore(*text);
  if (!store.ok())
    return core::invalidInput(
        "The trust store " + path + " is damaged at " + store.error().message +
        " Nothing was checked. Correct or delete that line (then add its kiosk again with "
        "`longstop-batch trust add`).");
  return store;
}

int readBatch(const Args& a, const std::string& path, exporter::VerifiedBatch* out) {
  auto storePath = trustStorePath(a);
  if (!storePath.ok()) return fail(storePath.error());
  auto store = loadTrustStore(*storePath);
  if (!store.ok()) return fail(store.error());
  auto bytes = readFile(path);
  if (!bytes.ok()) return fail(bytes.error());
  auto batch = exporter::readBatchFile(*bytes);
  if (!batch.ok()) return fail(core::Error{batch.error().code, path + ": " + batch.error().message});
  if (auto s = exporter::checkSigner(*store, batch->header); !s.ok()) {
    std::fprintf(stderr, "longstop-batch: %s: %s\n", path.c_str(), s.error().message.c_str());
    return kExitUntrusted;
  }
  *out = std::move(batch.value());
  return ctl::kExitOk;
}

int openFile(const Args& a, const std::string& path, exporter::Payload* payload,
             exporter::VerifiedBatch* batch) {
  auto key = loadKey(a);
  if (!key.ok()) return fail(key.error());
  exporter::VerifiedBatch checked;
  if (int status = readBatch(a, path, &checked); status != ctl::kExitOk) return status;
  auto opened = exporter::openBatch(checked, *key);
  if (!opened.ok()) return fail(core::Error{opened.error().code, path + ": " + opened.error().message});
  *payload = std::move(opened.value());
  if (batch) *batch = std::move(checked);
  return ctl::kExitOk;
}

}  // namespace longstop::batchtool
