// The real kiosk services over the store and crypto, and opening or creating a site's data directory.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "service/kiosk_services.h"
#include "service/site.h"

namespace longstop::service {

class Kiosk final : public KioskServices {
 public:
  explicit Kiosk(std::unique_ptr<Site> site) : site_(std::move(site)) {}

  const SiteInfo& site() const override { return site_->info(); }
  core::Result<MatchAnswer> findAppointment(const DetailsQuery& q) override;
  core::Result<MatchAnswer> findAppointmentByNhsNumber(const core::NhsNumber& n) override;
  core::Result<Ticket> checkInAppointment(const std::string& appointmentId, bool urgent) override;
  core::Result<Ticket> checkInWalkIn(const WalkInRequest& req, bool urgent) override;
  void prepareCheckIn() override { site_->prepareAhead(); }
  bool locked() const override { return !site_->unlocked(); }

  /// The ticket of an existing check-in (for a scanned ticket, and for longstopctl).
  core::Result<Ticket> ticketFor(const std::string& recordId);
  Site& siteData() { return *site_; }
  /// From now on every write fails inside SQLite, as on a full disk (scripted store-failure tests).
  core::Status TEST_refuseWrites() { return site_->db().TEST_refuseWrites(); }
  /// As after a reboot: the unattended keys are wiped here and forgotten by the key store.
  void TEST_lock() { site_->lock(); }

 private:
  core::Result<MatchAnswer> matchAmong(std::string_view key, bool sexGiven, bool byNhs);
  core::Result<AppointmentView> viewOf(const std::string& appointmentId);

  std::unique_ptr<Site> site_;
};

/// Opens the site in `dataDir` (which `longstopctl init` or createDemoSite made). The clock is borrowed
/// and must outlive the returned object.
core::Result<std::unique_ptr<Kiosk>> openKiosk(const std::filesystem::path& dataDir,
                                               const core::Clock& clock);

/// Makes a demo site in an empty `dataDir`: name "Riverside Medical Practice (demo)", queues GP (A),
/// Nurse (N), Walk-in (W), and a day of appointments around the clock's now with made-up patients
/// whose NHS numbers are in the never-issued test range. Returns the recovery code.
core::Result<std::string> createDemoSite(const std::filesystem::path& dataDir, const core::Clock& clock);

}  // namespace longstop::service
