// What a device is on its site (the admin-signed setting `device.role`: kiosk, desk or board), read
// before the program decides which screens to run, and whether a kiosk's corner hold may open the staff
// screens (`kiosk.staff_screens`). See docs/decisions.md, "Desk and board roles".
#pragma once

#include <filesystem>

#include "core/result.h"
#include "service/site.h"
#include "store/database.h"

namespace longstop::service {

enum class DeviceRole { kKiosk, kDesk, kBoard };

/// The role of the site in `dataDir`, read-only; kKiosk for a directory with no site yet (first-boot
/// setup runs as a kiosk). kStorage/kCorrupt when the database cannot be read.
core::Result<DeviceRole> readDeviceRole(const std::filesystem::path& dataDir);

/// True when the roster names a reception desk that has not been removed (the role an administrator
/// gave the peer when adding it, `peers.role`).
core::Result<bool> siteHasDesk(store::Database& db);

/// Whether the staff screens may open on this kiosk: `kiosk.staff_screens` on, or auto while the roster
/// has no desk. Off, or auto with a desk: names never show in the waiting room. An unreadable setting
/// counts as on (a kiosk that cannot read its settings must still be reachable by staff).
bool kioskStaffScreens(Site& site);

}  // namespace longstop::service
