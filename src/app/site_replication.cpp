#include "app/site_replication.h"

#include "service/join_answering.h"
#include "service/site.h"
#include "service/site_roster.h"
#include "service/site_state.h"

namespace longstop::app {

core::Status SiteReplication::step(core::Instant now) {
  answerClock_.set(now);
  const int64_t nowMs = now.unixMs;
  if (runner_) {
    runner_->step(nowMs);
    return core::okStatus();
  }
  if (checkedMs_ && nowMs - *checkedMs_ < kSiteJoinCheckMs) return core::okStatus();
  checkedMs_ = nowMs;
  auto answering = service::joinAnswering(dataDir_, nowMs);
  if (!answering.ok()) return answering.error();
  auto config =
      replica::siteRunnerConfig(dataDir_, service::Site::databasePath(dataDir_), answering->invitationOpen);
  if (!config.ok()) return config.error();
  if (!config.value()) return core::okStatus();
  const std::string own = config.value()->server.deviceId;
  const std::string url =
      "nats://" + config.value()->server.host + ":" + std::to_string(config.value()->server.port);
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
  // Each request is answered with a Site of its own on this directory, never the UI thread's.
  joins_ = std::make_unique<replica::JoinResponder>(
      url, answering->subject, [dir = dataDir_, clock = &answerClock_](std::string_view request) {
        return service::answerJoinOn(dir, *clock, request);
      });
  joins_->start();
  return core::okStatus();
}

void SiteReplication::wake() {
  if (runner_) runner_->wake();
}

}  // namespace longstop::app
