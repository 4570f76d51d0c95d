// The wizard's "Join a site": the join code (scanned or typed) read at once, then the role and this
// device's address, then the join itself through AdminServices. A refusal (a typing mistake, an
// expired or used code, the inviter out of reach) stays on its step with the sentence in red.
#include <algorithm>

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
  // kJoinRole: the join itself (the inviting device answers within seconds, or is out of reach).
  auto joined = services_.joinSite({s_.joinCode, s_.joinRole, withoutSpaces(s_.joinListen)});
  if (!joined.ok()) {
    s_.message = joined.error().message;
    return;
  }
  wipe(s_.joinCode);  // used once: it opens nothing now, but there is no reason to keep it
  s_.joined = joined.value();
  go(SetupStep::kJoinDone);
}

}  // namespace longstop::ui::setup
