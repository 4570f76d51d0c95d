// The kiosk's part in a site of several devices: when its roster has a peer and `site.listen` is set,
// this device's nats-server and replicator run beside the screens (replica/site_runner.h), on threads
// of their own; the UI thread only hands them the time. A site of one starts nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/result.h"
#include "replica/site_runner.h"

namespace longstop::app {

/// How often a kiosk that does not replicate looks again whether its site now has peers.
inline constexpr int64_t kSiteCheckMs = 60'000;

class SiteReplication {
 public:
  /// Follows the data directory's roster and setting; starts nothing yet.
  explicit SiteReplication(std::filesystem::path dataDir) : dataDir_(std::move(dataDir)) {}

  /// One step at `nowMs` on the kiosk's clock, from the UI thread: starts replication when the site
  /// has come to need it (looked at every kSiteCheckMs), else hands the time to the running one.
  /// Never waits for a server. A start that fails is reported in the return value and tried again.
  core::Status step(int64_t nowMs);
  /// A check-in or staff move was committed: publish it now.
  void wake();
  /// Null while this device replicates nothing.
  const replica::SiteRunner* runner() const { return runner_.get(); }
  void stop() { runner_.reset(); }

 private:
  std::filesystem::path dataDir_;
  std::optional<int64_t> checkedMs_;
  std::unique_ptr<replica::SiteRunner> runner_;
};

}  // namespace longstop::app
