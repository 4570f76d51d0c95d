// What an administrator sees: status counts, and the day's check-ins with sealed details opened.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/patient.h"
#include "core/result.h"
#include "service/site.h"
#include "store/checkins.h"

namespace longstop::service {

struct StatusReport {
  std::string deviceId;
  std::string siteName;
  std::string odsCode;
  int64_t appointments = 0;
  std::vector<std::pair<core::CheckinState, int64_t>> checkinsByState;  // in the order of their names
};
core::Result<StatusReport> siteStatus(Site& site);

struct OpenedCheckin {
  store::CheckinRow row;
  std::optional<core::PatientDetails> patient;  // empty when retention has removed it, or damaged
  std::string damaged;  // why its sealed details could not be opened (the others are opened regardless)
};
/// The check-ins of the clock's local day, in arrival order, details opened with `secrets`. A record
/// whose sealed details do not open is listed with `damaged` saying so; one damaged blob never hides
/// the rest.
core::Result<std::vector<OpenedCheckin>> openedCheckinsToday(Site& site, const SiteSecrets& secrets);

}  // namespace longstop::service
