// The site's health in one line for the staff screens: how many of the roster's devices this one
// reaches now, when it last reached any, and the newest conflict of the fold with what happened
// ("Site: 1 of 2 devices reached · last heard 09:41 · Conflict: call at K7QX: ticket W001 ...").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "replica/site_runner.h"
#include "service/site.h"

namespace longstop::app {

class SiteHealthLine {
 public:
  /// Notes which peers answer at `now` (the program's clock); call every tick while replicating.
  void noteLinks(const replica::SiteRunner::Status& status, int64_t nowMs);
  /// Reads the fold's conflicts again (after new events were stored).
  void noteConflicts(service::Site& site);
  /// The line, on `now`'s local clock.
  std::string text(const core::Instant& now) const;

 private:
  int peers_ = 0, reached_ = 0;
  std::optional<int64_t> lastHeardMs_;
  int conflicts_ = 0;
  std::string newestConflict_;
};

}  // namespace longstop::app
