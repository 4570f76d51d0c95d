// Site settings: one catalogue of keys, each validated the same way whether it comes from the admin
// screen, `longstopctl config set`, or a settings file (`config import`, all or nothing).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "service/site.h"
#include "service/staff.h"

namespace longstop::service {

struct SettingInfo {
  std::string key;          // "kiosk.idle_timeout_s"
  std::string description;  // one line for people
  std::string defaultValue;
};

/// Every key there is (queue.<id> stands for one per queue).
const std::vector<SettingInfo>& settingCatalogue();

/// The value now in force, or an error for an unknown key.
core::Result<std::string> getSetting(Site& site, const std::string& key);
/// Checks and stores one value (and an event signed with the admin key); needs an administrator's
/// session. Nothing changes when it is refused.
core::Status setSetting(Site& site, const StaffSession& admin, const std::string& key,
                        const std::string& value);
/// Applies a whole settings file in one transaction, or nothing: errors name the file's line.
core::Result<int> importSettings(Site& site, const StaffSession& admin, std::string_view fileText);

/// An ODS code: 3 to 10 capital letters and digits (e.g. B82005, RR8).
core::Status validateOds(std::string_view ods);
/// An address to listen on: IPv4:PORT (kInvalidInput with the sentence otherwise).
core::Status validateListen(std::string_view address);

}  // namespace longstop::service
