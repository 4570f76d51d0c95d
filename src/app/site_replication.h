// The kiosk's part in a site of several devices: when its roster has a peer, or an invitation made
// here waits for the device it invited, and `site.listen` is set, this device's nats-server and
// replicator run beside the screens (replica/site_runner.h) on threads of their own, and a
// replica::JoinResponder answers join requests on the server; the UI thread only hands them the time.
// A site of one with no open invitation starts nothing.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/clock.h"
#include "core/result.h"
#include "replica/join_responder.h"
#include "replica/site_runner.h"

namespace longstop::app {

/// How often a kiosk that does not replicate looks again whether its site now has peers.
inline constexpr int64_t kSiteCheckMs = 60'000;
/// How often it looks for an invitation made here (by the admin screen, or `longstopctl site invite`
/// beside the running kiosk): the person holding the new device waits for the answer.
inline constexpr int64_t kSiteJoinCheckMs = 2'000;

/// The time as the owner last stepped it, for threads other than the owner's (a join being answered):
/// reading the owner's own clock from there would race with whoever moves it.
class SteppedClock final : public core::Clock {
 public:
  core::Instant now() const override { return {unixMs_.load(), offsetMinutes_.load()}; }
  void set(core::Instant i) {
    offsetMinutes_.store(i.utcOffsetMinutes);
    unixMs_.store(i.unixMs);
  }

 private:
  std::atomic<int64_t> unixMs_{0};
  std::atomic<int32_t> offsetMinutes_{0};
};

class SiteReplication {
 public:
  /// Follows the data directory's roster, invitations and setting; starts nothing yet.
  explicit SiteReplication(std::filesystem::path dataDir) : dataDir_(std::move(dataDir)) {}

  /// One step at `now` on the kiosk's clock, from the UI thread: starts replication and the join
  /// responder when the site has come to need them (looked at every kSiteJoinCheckMs), else hands
  /// the time to the running ones. Never waits for a server. A start that fails is reported in the
  /// return value and tried again.
  core::Status step(core::Instant now);
  core::Status step(int64_t nowMs) { return step(core::Instant{nowMs, 0}); }
  /// A check-in or staff move was committed: publish it now.
  void wake();
  /// Null while this device replicates nothing.
  const replica::SiteRunner* runner() const { return runner_.get(); }
  /// Null while this device answers no joins (it answers them whenever its server runs).
  replica::JoinResponder* joins() { return joins_.get(); }
  void stop() {
    joins_.reset();
    runner_.reset();
  }

 private:
  std::filesystem::path dataDir_;
  std::optional<int64_t> checkedMs_;
  SteppedClock answerClock_;  // what a join being answered reads (before joins_, so it outlives it)
  std::unique_ptr<replica::SiteRunner> runner_;
  std::unique_ptr<replica::JoinResponder> joins_;  // after runner_: stops before the server does
};

}  // namespace longstop::app
