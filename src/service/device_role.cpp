#include "service/device_role.h"

#include "service/data_dir.h"
#include "service/settings.h"
#include "store/site_log.h"
#include "store/site_tables.h"

namespace longstop::service {

core::Result<DeviceRole> readDeviceRole(const std::filesystem::path& dataDir) {
  if (probeDataDir(dataDir).state != DataDirState::kSite) return DeviceRole::kKiosk;
  auto db = store::Database::open(Site::databasePath(dataDir), {.readOnly = true});
  if (!db.ok()) return db.error();
  auto role = store::getMeta(*db.value(), "device_role");
  if (!role.ok()) return role.error();
  const std::string r = role.value().value_or("kiosk");
  if (r == "desk") return DeviceRole::kDesk;
  if (r == "board") return DeviceRole::kBoard;
  return DeviceRole::kKiosk;
}

core::Result<bool> siteHasDesk(store::Database& db) {
  auto peers = store::listPeers(db);
  if (!peers.ok()) return peers.error();
  for (const auto& p : peers.value())
    if (p.role == "desk" && !p.removedMs) return true;
  return false;
}

bool kioskStaffScreens(Site& site) {
  auto v = getSetting(site, "kiosk.staff_screens");
  if (!v.ok() || v.value() == "on") return true;
  if (v.value() == "off") return false;
  auto desk = siteHasDesk(site.db());
  return !desk.ok() || !desk.value();
}

}  // namespace longstop::service
