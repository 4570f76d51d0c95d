#include "service/drill.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <vector>

#include "core/date.h"
#include "service/kiosk.h"
#include "service/settings.h"
#include "service/staff.h"

namespace longstop::service {
namespace fs = std::filesystem;

fs::path drillDataDir(const fs::path& dataDir) {
  return dataDir / "drill";
}

core::Result<DrillStart> startDrill(const fs::path& realDataDir, const std::string& realSiteName,
                                    const core::Clock& clock) {
  const fs::path dir = drillDataDir(realDataDir);
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (ec) return core::storageError("Could not clear the previous drill: " + ec.message());
  auto code = createDemoSite(dir, clock);
  if (!code.ok()) return code.error();
  auto site = Site::open(dir, clock);
  if (!site.ok()) return site.error();
  auto admin = recoverySession(**site, code.value());
  if (!admin.ok()) return admin.error();
  if (auto s = setSetting(**site, **admin, "site.name",
                          (realSiteName.empty() ? "Longstop" : realSiteName.substr(0, 60)) + " (PRACTICE)");
      !s.ok())
    return s.error();
  const std::string pin = "12345678";  // synthetic data only: printed on the drill banner on purpose
  auto card = addStaff(**site, **admin, "Practice card", StaffRole::kAdmin, pin);
  if (!card.ok()) return card.error();
  auto e = (*site)->db().transaction([&]() -> core::Status {
    auto ev = (*site)->appendEvent("drill-started", "", "{}");
    return ev.ok() ? core::okStatus() : core::Status(ev.error());
  });
  if (!e.ok()) return e.error();
  return DrillStart{dir, code.value(), card->cardText, pin};
}

core::Status recordDrillStep(Site& drillSite, const std::string& step, int64_t durationMs, bool problem,
                             const std::string& note) {
  store::JsonObject data;
  data.add("step", step).add("ms", durationMs).addBool("problem", problem);
  if (!note.empty()) data.add("note", note);
  return drillSite.db().transaction([&]() -> core::Status {
    auto ev = drillSite.appendEvent("drill-step", "", data.str());
    return ev.ok() ? core::okStatus() : core::Status(ev.error());
  });
}

core::Result<std::string> drillReport(Site& drillSite) {
  auto st = drillSite.db().prepare(
      "SELECT kind, json_extract(data, '$.step'), json_extract(data, '$.ms'), json_extract(data, "
      "'$.problem'), "
      "json_extract(data, '$.note'), at_ms FROM events ORDER BY seq");
  if (!st.ok()) return st.error();
  std::map<std::string, int> counts;
  std::map<std::string, std::vector<int64_t>> steps;
  std::vector<std::string> problems;
  int64_t first = 0, last = 0;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const std::string kind = st->columnText(0);
    if (kind == "drill-started") first = st->columnInt(5);
    last = st->columnInt(5);
    if (kind != "drill-step") {
      ++counts[kind];
      continue;
    }
    steps[st->columnText(1)].push_back(st->columnInt(2));
    if (st->columnInt(3) != 0) problems.push_back(st->columnText(1) + ": " + st->columnText(4));
  }
  std::string r = "Longstop continuity drill - " + drillSite.info().name + "\n";
  r += "Started " + core::formatLocalDateTime(first / 60000 + drillSite.clock().now().utcOffsetMinutes) +
       ", last activity after " + std::to_string((last - first) / 60000) + " min.\n\nWhat was done:\n";
  for (const char* k : {"checkin", "urgent-alert", "call", "recall", "seen", "no-show", "left", "park",
                        "transfer", "cancel", "merge", "export", "signin", "signin-failed"})
    if (counts.count(k)) r += "  " + std::string(k) + ": " + std::to_string(counts[k]) + "\n";
  r += "\nHow long each step took (median, slowest):\n";
  if (steps.empty()) r += "  (no steps were timed)\n";
  for (auto& [name, ms] : steps) {
    std::sort(ms.begin(), ms.end());
    r += "  " + name + ": " + std::to_string(ms[ms.size() / 2] / 1000) + " s, " +
         std::to_string(ms.back() / 1000) + " s (" + std::to_string(ms.size()) + " times)\n";
  }
  r += "\nProblems:\n";
  if (problems.empty()) r += "  none recorded\n";
  for (const auto& p : problems) r += "  " + p + "\n";
  if (!counts.count("export")) r += "  no batch was exported during the drill\n";
  return r;
}

core::Result<fs::path> exportDrillReport(Site& drillSite, const fs::path& folder) {
  auto text = drillReport(drillSite);
  if (!text.ok()) return text.error();
  const int64_t local = drillSite.clock().now().localMinutes();
  std::string name = "longstop-drill-" + core::formatLocalDateTime(local) + ".txt";
  std::replace(name.begin(), name.end(), ':', '-');
  const fs::path path = folder / name;
  std::ofstream out(path, std::ios::trunc);
  out << text.value();
  out.close();
  if (!out) return core::storageError("Could not write " + path.string() + ".");
  return path;
}

}  // namespace longstop::service
