// The wizard's "Join a site" over the real service (docs/site.md, "Joining from the first-boot wizard").
#include "core/join_code.h"
#include "service/admin_desk.h"
#include "service/settings.h"

namespace longstop::service {

core::Result<std::string> AdminDesk::checkJoinCode(const std::string& text) const {
  auto code = core::parseJoinCode(text);
  if (!code.ok()) return code.error();
  if (auto s = core::joinCodeExpiry(*code, clock_.now().unixMs); !s.ok()) return s.error();
  const std::string own = joinNetwork_.ownAddress ? joinNetwork_.ownAddress(code->host, code->port) : "";
  return own.empty() ? std::string() : own + ":" + std::to_string(code->port);
}

core::Result<JoinDone> AdminDesk::joinSite(const JoinAnswers& a) {
  if (hasSite()) return core::invalidInput("This device is already set up.");
  if (!joinNetwork_.send) return core::internalError("This program cannot reach other devices.");
  if (auto s = validateListen(a.listen); !s.ok()) return s.error();
  auto r = service::joinSite(dataDir_, a.code, {a.role, "nats://" + a.listen, a.listen}, clock_,
                             joinNetwork_.send);
  if (!r.ok()) return r.error();
  return JoinDone{r->deviceId, r->inviter, r->siteName, r->role, r->credentials};
}

}  // namespace longstop::service
