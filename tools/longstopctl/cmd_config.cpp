// config list | get | set | import.
#include <cstdio>

#include "commands.h"
#include "common.h"
#include "service/settings.h"

namespace longstop::ctl {

int cmdConfig(const Args& a) {
  if (a.words.size() < 2) return usage("config needs list, get, set or import.");
  const std::string& sub = a.words[1];
  if (sub == "list" && !a.get("data")) {
    for (const auto& s : service::settingCatalogue())
      std::printf("%-22s %-12s %s\n", s.key.c_str(), s.defaultValue.c_str(), s.description.c_str());
    return kExitOk;
  }
  auto site = openSite(a);
  if (!site.ok()) return fail(site.error());
  if (sub == "list") {
    for (const auto& s : service::settingCatalogue()) {
      if (s.key == "queue.<id>") continue;
      auto v = service::getSetting(**site, s.key);
      std::printf("%s = %s\n", s.key.c_str(), v.ok() ? v->c_str() : "");
    }
    for (const auto& q : (*site)->info().queues)
      std::printf("queue.%s = %c | %s | %s\n", q.id.c_str(), q.prefix, q.name.c_str(), q.room.c_str());
    return kExitOk;
  }
  if (sub == "get") {
    if (a.words.size() != 3) return usage("config get needs one KEY.");
    auto v = service::getSetting(**site, a.words[2]);
    if (!v.ok()) return fail(v.error());
    std::printf("%s\n", v->c_str());
    return kExitOk;
  }
  if (sub == "set") {
    if (a.words.size() != 4) return usage("config set needs KEY and VALUE.");
    SecretInput in = SecretInput::standard();
    auto admin = adminSession(**site, in);
    if (!admin.ok()) return fail(admin.error());
    if (auto s = service::setSetting(**site, *admin.value(), a.words[2], a.words[3]); !s.ok())
      return fail(s.error());
    return kExitOk;
  }
  if (sub == "import") {
    if (a.words.size() != 3) return usage("config import needs one FILE.");
    auto text = readFile(a.words[2]);
    if (!text.ok()) return fail(text.error());
    SecretInput in = SecretInput::standard();
    auto admin = adminSession(**site, in);
    if (!admin.ok()) return fail(admin.error());
    auto n = service::importSettings(**site, *admin.value(), text.value());
    if (!n.ok()) {
      std::fprintf(stderr, "longstopctl: %s: %s Nothing was changed.\n", a.words[2].c_str(),
                   n.error().message.c_str());
      return exitCodeFor(n.error());
    }
    std::printf("Applied %d settings.\n", n.value());
    return kExitOk;
  }
  return usage("config needs list, get, set or import.");
}

}  // namespace longstop::ctl
