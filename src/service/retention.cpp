#include "service/retention.h"

#include <algorithm>
#include <filesystem>
#include <string>

#include "service/export.h"
#include "store/appointments.h"
#include "store/batches.h"
#include "store/event_log.h"
#include "store/site_tables.h"

namespace longstop::service {

int retentionDays(Site& site) {
  auto v = store::getMeta(site.db(), "retention_days");
  if (!v.ok() || !v.value()) return kDefaultRetentionDays;
  try {
    const int d = std::stoi(*v.value());
    return d > 0 ? d : kDefaultRetentionDays;
  } catch (...) {
    return kDefaultRetentionDays;
  }
}

core::Result<PurgeReport> purgeReceived(Site& site, std::optional<int> days) {
  const int keep = days.value_or(retentionDays(site));
  if (keep < 0) return core::invalidInput("The retention period cannot be negative.");
  const int64_t cutoff = site.clock().now().unixMs - int64_t{keep} * 86'400'000;
  auto due = store::batchesDueForPurge(site.db(), cutoff);
  if (!due.ok()) return due.error();
  PurgeReport report;
  // Overwrite what is deleted, rather than leave it in free space in the file.
  if (auto s = site.db().exec("PRAGMA secure_delete=ON"); !s.ok()) return s.error();
  auto unclaimed = site.db().transaction([&]() -> core::Status {
    // Never today's: a late patient must still be matched, whatever the period (--days 0 included).
    const core::Instant now = site.clock().now();
    const int64_t before = std::min(now.localMinutes() - int64_t{keep} * 1440, now.localDay() * 1440);
    auto n = store::purgeUnclaimedAppointments(site.db(), before);
    if (!n.ok()) return n.error();
    report.appointments = n.value();
    if (report.appointments == 0) return core::okStatus();
    store::JsonObject data;
    data.add("appointments", report.appointments).add("retention_days", keep);
    auto e = site.appendEvent("retention-purge-appointments", "", data.str());
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  if (!unclaimed.ok()) {
    (void)site.db().exec("PRAGMA secure_delete=OFF");
    return unclaimed.error();
  }
  for (const store::BatchRow& b : *due) {
    int64_t count = 0;
    auto s = site.db().transaction([&]() -> core::Status {
      auto n = store::purgeBatch(site.db(), b.seq, site.clock().now().unixMs);
      if (!n.ok()) return n.error();
      count = n.value();
      store::JsonObject data;
      data.add("seq", b.seq).add("checkins", count).add("retention_days", keep);
      auto e = site.appendEvent("retention-purge", "", data.str());
      return e.ok() ? core::okStatus() : core::Status(e.error());
    });
    if (!s.ok()) {
      (void)site.db().exec("PRAGMA secure_delete=OFF");
      return s.error();
    }
    std::error_code ec;
    std::filesystem::remove(batchesDir(site) / b.fileName, ec);
    ++report.batches;
    report.checkins += count;
  }
  (void)site.db().exec("PRAGMA secure_delete=OFF");
  if (report.batches == 0 && report.appointments == 0) return report;
  // The write-ahead log still holds older copies of the pages: fold it in and empty it.
  if (auto s = site.db().exec("PRAGMA wal_checkpoint(TRUNCATE)"); !s.ok()) return s.error();
  return report;
}

}  // namespace longstop::service
