// The real AdminServices: first-boot site creation, settings, the recipient key, device checks and the
// continuity drill, over one data directory. Opens the site itself (a second connection beside the
// kiosk's: SQLite in WAL mode serialises the writes).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "core/clock.h"
#include "service/admin_services.h"
#include "service/site.h"
#include "service/site_join.h"
#include "service/staff.h"

namespace longstop::service {

class AdminDesk final : public AdminServices {
 public:
  /// `dataDir` may not hold a site yet (first boot). The clock is borrowed and must outlive the desk.
  AdminDesk(std::filesystem::path dataDir, const core::Clock& clock);
  ~AdminDesk() override;

  /// Where the signed-in session comes from (the reception console's StaffDesk); borrowed each time.
  void setSessionSource(std::function<StaffSession*()> source) { sessionSource_ = std::move(source); }
  /// The wizard's administrator (the recovery code's session from createSite) is forgotten: call when
  /// first-boot setup ends.
  void endSetup() { setupSession_.reset(); }
  /// Scripts only (--test-admin): act as this session.
  void TEST_useSession(std::unique_ptr<StaffSession> s) { testSession_ = std::move(s); }

  bool hasSite() const override;
  core::Status checkSiteName(const std::string& name) const override;
  core::Status checkOds(const std::string& ods) const override;
  core::Status checkQueues(const std::vector<core::QueueDef>& queues) const override;
  core::Result<SetupDone> createSite(const SetupAnswers& answers) override;
  /// How this device reaches the inviting one when it joins (the program sets it: the transport is
  /// NATS, which the service does not know); without it joining is refused with a sentence.
  void setJoinNetwork(JoinNetwork network) { joinNetwork_ = std::move(network); }
  core::Result<std::string> checkJoinCode(const std::string& code) const override;
  core::Result<JoinDone> joinSite(const JoinAnswers& answers) override;

  core::Result<std::vector<SettingRow>> settings() override;
  core::Status setSetting(const std::string& key, const std::string& value) override;
  core::Status confirmClock() override;
  bool clockConfirmedToday() override;
  core::Result<std::string> recipientKeyId() override;
  core::Result<std::string> setRecipientText(const std::string& text) override;
  core::Result<std::string> setRecipientFile(const std::filesystem::path& file) override;
  core::Result<std::string> trustCode() override;
  DeviceReport checkDevice(const std::string& settingKey) override;
  core::Result<std::vector<StaffCardRow>> staffCards() override;
  core::Result<std::string> revokeCard(const std::string& staffId) override;

  core::Result<DrillSession> startDrill() override;
  std::optional<DrillSession> drill() const override { return drill_; }
  core::Status recordDrillStep(const std::string& step, int64_t durationMs, bool problem,
                               const std::string& note) override;
  core::Result<std::string> drillReport() override;
  core::Result<std::filesystem::path> exportDrillReport(const std::filesystem::path& folder) override;
  core::Status endDrill() override;

  /// The data directory the kiosk should be running on now: the drill's while one runs.
  std::filesystem::path activeDataDir() const { return drill_ ? drill_->dataDir : dataDir_; }

 private:
  /// The real site, opened on first use (never while a drill runs).
  core::Result<Site*> site();
  /// The session acting now: the wizard's, a test's, or the console's signed-in one; null when none.
  StaffSession* session() const;
  /// The real site and an administrator's session, or why not.
  core::Result<std::pair<Site*, const StaffSession*>> asAdmin();

  std::filesystem::path dataDir_;
  const core::Clock& clock_;
  std::unique_ptr<Site> site_;
  std::optional<DrillSession> drill_;
  std::unique_ptr<Site> drillSite_;
  std::function<StaffSession*()> sessionSource_;
  std::unique_ptr<StaffSession> setupSession_, testSession_;
  JoinNetwork joinNetwork_;
};

}  // namespace longstop::service
