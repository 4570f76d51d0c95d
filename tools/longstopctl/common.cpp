#include "common.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

#include "commands.h"

namespace longstop::ctl {

const core::Clock& clock() {
  static const service::SystemClock kClock;
  return kClock;
}

core::Result<std::unique_ptr<service::Site>> openSite(const Args& a) {
  auto dir = a.get("data");
  if (!dir) return core::invalidInput("Say which data directory with --data DIR.");
  return service::Site::open(*dir, clock());
}

core::Result<std::unique_ptr<service::StaffSession>> adminSession(service::Site& site, SecretInput& in) {
  auto code = in.read("recovery code");
  if (!code.ok()) return code.error();
  return service::recoverySession(site, *code);
}

core::Result<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::invalidInput("Could not read the file " + path + ".");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int fail(const core::Error& e) {
  std::fprintf(stderr, "longstopctl: %s\n", e.message.c_str());
  return exitCodeFor(e);
}

int usage(const std::string& message) {
  std::fprintf(stderr, "longstopctl: %s\n", message.c_str());
  return kExitUsage;
}

}  // namespace longstop::ctl
