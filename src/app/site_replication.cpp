#include "app/site_replication.h"

#include "service/site.h"
#include "service/site_roster.h"
#include "service/site_state.h"

namespace longstop::app {

core::Status SiteReplication::step(int64_t nowMs) {
  if (runner_) {
    runner_->step(nowMs);
    return core::okStatus();
  }
  if (checkedMs_ && nowMs - *checkedMs_ < kSiteCheckMs) return core::okStatus();
  checkedMs_ = nowMs;
  auto config = replica::siteRunnerConfig(dataDir_, service::Site::databasePath(dataDir_));
  if (!config.ok()) return config.error();
  if (!config.value()) return core::okStatus();
  const std::string own = config.value()->server.deviceId;
  // A peer's move on one of this device's check-ins is brought into the table its screens read.
  // Roster changes made on other devices (a device joined through the desk, a removal) apply here too.
  config.value()->afterApply = [own](store::Database& db) {
    (void)service::followRoster(db);
    (void)service::followFold(db, own);
  };
  auto runner = std::make_unique<replica::SiteRunner>(std::move(*config.value()));
  if (auto s = runner->start(); !s.ok()) return s;
  runner->step(nowMs);
  runner_ = std::move(runner);
  return core::okStatus();
}

void SiteReplication::wake() {
  if (runner_) runner_->wake();
}

}  // namespace longstop::app
