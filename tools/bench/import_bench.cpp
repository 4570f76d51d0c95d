#include "import_bench.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "service/import.h"
#include "service/site.h"
#include "store/database.h"

namespace longstop::bench {
namespace {

using Clock = std::chrono::steady_clock;
std::string appointmentList(int rows) {
  std::string csv =
      "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\r\n";
  for (int i = 0; i < rows; ++i) {
    char line[160];
    std::snprintf(line, sizeof line,
                  "B%05d,2025-11-29T%02d:%02d,Dr Patel,GP,,Surname%d,Forename%d,19%02d-%02d-%02d,F,\r\n", i,
                  8 + (i / 60) % 10, i % 60, i, i, 30 + i % 60, 1 + i % 12, 1 + i % 28);
    csv += line;
  }
  return csv;
}

}  // namespace

bool benchImport(const std::filesystem::path& dir, Report& report) {
  core::ManualClock clock{{1764403200000, 0}};  // 2025-11-29
  if (!service::Site::create(dir / "site", {"B82005", "Bench", {}}, clock).ok()) return false;
  auto site = service::Site::open(dir / "site", clock);
  if (!site.ok()) return false;
  auto probe = store::Database::open(service::Site::databasePath(dir / "site"), {});
  if (!probe.ok() || !(*probe)->exec("PRAGMA busy_timeout = 0").ok()) return false;
  const std::string csv = appointmentList(20000);

  std::atomic<bool> done{false};
  bool imported = false;
  const auto start = Clock::now();
  double importMs = 0;
  std::thread importer([&] {
    auto r = service::importAppointments(*site.value(), csv);
    imported = r.ok() && r->added == 20000;
    importMs = msSince(start);
    done = true;
  });
  double longest = 0;
  bool busy = false;
  Clock::time_point busySince = start;
  while (!done) {
    if ((*probe)->exec("BEGIN IMMEDIATE").ok()) {
      (void)(*probe)->exec("ROLLBACK");
      if (busy) longest = std::max(longest, msSince(busySince));
      busy = false;
    } else if (!busy) {
      busy = true;
      busySince = Clock::now();
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  importer.join();
  if (busy) longest = std::max(longest, msSince(busySince));
  if (!imported) return false;
  report.add("import_20k_s", importMs / 1000);
  report.add("import_20k_lock_ms", longest);
  report.add("import_lock_vs_import", importMs > 0 ? longest / importMs : 0);
  return true;
}

}  // namespace longstop::bench
