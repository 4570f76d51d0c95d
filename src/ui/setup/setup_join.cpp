// The wizard's "Join a site": the join code (scanned or typed) read at once, then the role and this
// device's address, then the join itself through AdminServices. A refusal (a typing mistake, an
// expired or used code, the inviter out of reach) stays on its step with the sentence in red. The join
// runs on a JoinWorker; Back while it runs stops waiting for it.
#include <algorithm>
#include <utility>

#include "ui/setup/setup_wizard.h"
#include "ui/wipe.h"

namespace longstop::ui::setup {
namespace {
std::string withoutSpaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  return out;
}
}  // namespace

const std::vector<std::pair<std::string, std::string>>& joinRoleChoices() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"kiosk", "Kiosk"}, {"desk", "Reception desk"}, {"board", "Calling board"}};
  return v;
}

void SetupWizard::nextJoin() {
  if (s_.step == SetupStep::kJoinCode) {
    s_.joinCode = withoutSpaces(s_.joinCode);
    if (s_.joinCode.empty()) {
      s_.message = "Scan the join code shown on a device already in the site, or type it.";
      return;
    }
    auto address = services_.checkJoinCode(s_.joinCode);
    if (!address.ok()) {
      s_.message = address.error().message;
      return;
    }
    if (s_.joinListen.empty()) s_.joinListen = address.value();
    go(SetupStep::kJoinRole);
    return;
  }
  // kJoinRole: the join itself, on the worker (the inviting device answers within seconds, or is out of
  // reach); the screen shows "Joining..." meanwhile. The answers are copied: the fields may change.
  if (s_.joining) return;
  const service::JoinAnswers answers{s_.joinCode, s_.joinRole, withoutSpaces(s_.joinListen)};
  if (!joinWorker_.start([&services = services_, answers] { return services.joinSite(answers); })) {
    s_.message = "The last attempt to join is still finishing. Try again in a few seconds.";
    return;
  }
  s_.joining = true;
}

void SetupWizard::pollJoin() {
  auto outcome = joinWorker_.take();
  if (!outcome) return;
  const bool waited = std::exchange(s_.joining, false);
  if (!outcome->ok()) {
    if (waited) s_.message = outcome->error().message;
    return;
  }
  // Joined, even if the person stopped waiting: the inviting device has this device in its roster and
  // this directory holds the site, so the wizard must not pretend otherwise.
  wipe(s_.joinCode);  // used once: it opens nothing now, but there is no reason to keep it
  s_.joined = outcome->value();
  go(SetupStep::kJoinDone);
}

}  // namespace longstop::ui::setup
