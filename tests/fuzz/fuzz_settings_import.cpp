// Fuzzes a settings file applied to a real site (service::importSettings): the file parser and every
// key's own check (site.listen, device.role, queue lines, ranges, devices...). Nothing may crash; a
// refused file must say why and change no setting; an accepted one must leave each key it named
// reading back as the file said, spaces aside (a file names a key at most once).
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/date.h"
#include "core/settings_file.h"
#include "service/settings.h"
#include "service/site.h"
#include "service/staff.h"

using namespace longstop;

namespace {

struct Fixture {
  std::filesystem::path dir;
  core::ManualClock clock{{core::daysFromCivil({2026, 12, 3}) * 86400000 + 9 * 3600000, 0}};
  std::unique_ptr<service::Site> site;
  std::unique_ptr<service::StaffSession> admin;

  Fixture() {
    char tmpl[] = "/tmp/longstop-fuzz-settings-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) std::abort();
    dir = tmpl;
    auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
    if (!init.ok()) std::abort();
    auto opened = service::Site::open(dir / "site", clock);
    if (!opened.ok()) std::abort();
    site = std::move(opened.value());
    auto session = service::recoverySession(*site, init->recoveryCode);
    if (!session.ok()) std::abort();
    admin = std::move(session.value());
  }
  ~Fixture() {
    admin.reset();
    site.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

// Every setting's value now, queue lines included.
std::map<std::string, std::string> snapshot(service::Site& site) {
  std::map<std::string, std::string> out;
  for (const auto& s : service::settingCatalogue()) {
    auto v = service::getSetting(site, s.key);
    if (v.ok()) out[s.key] = v.value();
  }
  for (const auto& q : site.info().queues) {
    auto v = service::getSetting(site, "queue." + q.id);
    out["queue." + q.id] = v.ok() ? v.value() : "?";
  }
  return out;
}

// A value without its spaces: a queue line is read back with its parts trimmed and one space
// either side of each bar ("B|Blood tests" reads back "B | Blood tests").
std::string squeezed(std::string_view v) {
  std::string out;
  for (char c : v)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture f;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto before = snapshot(*f.site);
  auto applied = service::importSettings(*f.site, *f.admin, text);
  if (!applied.ok()) {
    if (applied.error().message.empty()) std::abort();
    if (snapshot(*f.site) != before) std::abort();  // a refused file changed something
    return 0;
  }
  auto lines = core::parseSettingsFile(text);
  if (!lines.ok()) std::abort();  // the site took a file its own parser refuses
  for (const auto& l : lines.value()) {
    auto now = service::getSetting(*f.site, l.key);
    if (!now.ok() || squeezed(now.value()) != squeezed(l.value)) std::abort();  // not what the file said
  }
  return 0;
}
