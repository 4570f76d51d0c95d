#include "app/site_health.h"

#include "core/date.h"
#include "service/site_queue.h"

namespace longstop::app {

void SiteHealthLine::noteLinks(const replica::SiteRunner::Status& status, int64_t nowMs) {
  peers_ = reached_ = 0;
  for (const auto& l : status.links) {
    if (l.peer.empty()) continue;  // the outbox
    ++peers_;
    if (l.connected) ++reached_;
  }
  if (reached_ > 0) lastHeardMs_ = nowMs;
}

void SiteHealthLine::noteConflicts(service::Site& site) {
  auto c = service::siteConflicts(site);
  if (!c.ok()) return;
  conflicts_ = static_cast<int>(c->size());
  newestConflict_ = c->empty() ? "" : c->back().kind + " at " + c->back().origin + ": " + c->back().reason;
}

std::string SiteHealthLine::text(const core::Instant& now) const {
  std::string line = "Site: " + std::to_string(reached_) + " of " + std::to_string(peers_) +
                     (peers_ == 1 ? " device" : " devices") + " reached";
  line += lastHeardMs_
              ? " \xC2\xB7 last heard " +
                    core::formatClockTime(core::Instant{*lastHeardMs_, now.utcOffsetMinutes}.localMinutes())
              : " \xC2\xB7 not heard yet";
  if (conflicts_ == 0) return line + " \xC2\xB7 no conflicts";
  line += " \xC2\xB7 " + std::to_string(conflicts_) + (conflicts_ == 1 ? " conflict" : " conflicts");
  return line + ", newest: " + newestConflict_;
}

}  // namespace longstop::app
