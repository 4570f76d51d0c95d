#include "service/admin.h"

#include "store/appointments.h"

namespace longstop::service {

core::Result<StatusReport> siteStatus(Site& site) {
  StatusReport r{site.info().deviceId, site.info().name, site.info().odsCode, 0, {}};
  auto n = store::countAppointments(site.db());
  if (!n.ok()) return n.error();
  r.appointments = n.value();
  auto byState = store::countByState(site.db());
  if (!byState.ok()) return byState.error();
  r.checkinsByState = std::move(byState.value());
  return r;
}

core::Result<std::vector<OpenedCheckin>> openedCheckinsToday(Site& site, const SiteSecrets& secrets) {
  auto rows = store::checkinsOnDay(site.db(), site.clock().now().localDay());
  if (!rows.ok()) return rows.error();
  std::vector<OpenedCheckin> out;
  for (auto& row : rows.value()) {
    std::optional<std::string> sealed = row.sealed;
    if (!sealed && row.appointmentId) {
      auto appt = store::getAppointment(site.db(), *row.appointmentId);
      if (!appt.ok()) return appt.error();
      if (appt.value()) sealed = appt.value()->sealed;
    }
    OpenedCheckin oc{std::move(row), std::nullopt, {}};
    if (sealed) {
      auto plain = site.open(secrets, *sealed);
      auto details =
          plain.ok() ? core::parseDetails(plain.value()) : core::Result<core::PatientDetails>(plain.error());
      if (details.ok())
        oc.patient = std::move(details.value());
      else
        oc.damaged = details.error().message;
    }
    out.push_back(std::move(oc));
  }
  return out;
}

}  // namespace longstop::service
