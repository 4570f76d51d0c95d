#include "app/setup.h"

#include <cstdlib>
#include <string>

#include "service/kiosk.h"
#include "service/system_clock.h"

namespace longstop::app {
namespace {
core::Result<std::filesystem::path> freshTempDir() {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "longstop-demo-XXXXXX").string();
  if (!mkdtemp(pattern.data()))
    return core::storageError("Could not make a temporary folder in " + base.string() + ".");
  return std::filesystem::path(pattern);
}

bool missingOrEmpty(const std::filesystem::path& p) {
  std::error_code ec;
  if (!std::filesystem::exists(p, ec)) return true;
  return std::filesystem::is_directory(p, ec) && std::filesystem::is_empty(p, ec);
}
}  // namespace

core::Result<PreparedData> prepareDataDir(const Options& o, const core::Clock& clock) {
  PreparedData out;
  out.dataDir = o.dataDir;
  if (!o.demo) return out;
  if (out.dataDir.empty()) {
    auto tmp = freshTempDir();
    if (!tmp.ok()) return tmp.error();
    out.dataDir = tmp.value();
  }
  if (!missingOrEmpty(out.dataDir)) return out;
  auto code = service::createDemoSite(out.dataDir, clock);
  if (!code.ok()) return code.error();
  out.recoveryCode = code.value();
  return out;
}

std::unique_ptr<core::Clock> makeClock(const Options& o) {
  if (o.now) return std::make_unique<core::ManualClock>(*o.now);
  if (o.script) return std::make_unique<core::ManualClock>(service::SystemClock().now());
  return std::make_unique<service::SystemClock>();
}

}  // namespace longstop::app
