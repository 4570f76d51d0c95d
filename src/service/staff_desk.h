// The real StaffServices and CodeLookup over a Kiosk's site: holds the one staff session (and so the
// site's keys) and wipes it on sign-out or after the site's staff idle timeout.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "service/export_worker.h"
#include "service/kiosk.h"
#include "service/staff.h"
#include "service/staff_services.h"
#include "service/work_gate.h"

namespace longstop::service {

class StaffDesk final : public StaffServices, public CodeLookup {
 public:
  /// `kiosk` is borrowed and must outlive the desk. `listFolder`: where "Save list" writes; empty means
  /// the first writable USB stick mounted now (removableMedia(), the same one Export copies to).
  StaffDesk(Kiosk& kiosk, std::filesystem::path listFolder);
  ~StaffDesk() override;

  const SiteInfo& site() const override { return kiosk_.site(); }
  SignInStatus signIn(const std::string& cardText, const std::string& pin) override;
  void signOut(std::string_view reason) override;
  std::optional<StaffIdentity> session() const override;
  /// The signed-in session itself, for the admin desk (service/admin_desk.h); null when none.
  const StaffSession* activeSession() const { return session_.get(); }
  /// The same, to be renewed when a revocation renews the site's keys.
  StaffSession* activeSession() { return session_.get(); }
  void touch() override;
  bool signOutIfIdle() override;
  int64_t msUntilIdleSignOut() const override;

  core::Result<std::vector<ConsoleEntry>> todaysEntries() override;
  core::Result<std::vector<ConsoleEntry>> search(const std::string& text) override;
  core::Status act(const std::string& recordId, core::CheckinAction action, const ActionRequest& r) override;
  core::Result<std::optional<std::string>> callNext(const std::string& queueId,
                                                    const std::optional<std::string>& clinician) override;
  core::Result<std::vector<CallPoint>> callPoints() override;
  core::Status setRoom(const std::string& clinician, const std::string& room) override;
  core::Result<std::vector<DueAppointment>> appointmentsDue() override;
  core::Result<std::vector<std::string>> pendingAlerts() override;
  core::Status acknowledgeAlert(const std::string& recordId) override;
  core::Status merge(const std::string& keepId, const std::string& duplicateId) override;
  core::Status editDetails(const std::string& recordId, const core::PatientDetails& details) override;
  core::Result<std::string> addAtDesk(const std::optional<std::string>& appointmentId,
                                      const std::optional<WalkInRequest>& walkIn, bool urgent) override;
  core::Result<std::filesystem::path> saveList() override;
  core::Result<DaySummaryView> daySummary() override;

  // Re-entry batches: staff_desk_export.cpp.
  core::Result<ExportStatus> exportStatus() override;
  std::vector<std::filesystem::path> removableMedia() override;
  core::Status startMakeBatch() override;
  core::Status startCopyBatch(int64_t seq, const std::filesystem::path& folder) override;
  std::optional<WorkProgressView> exportProgress() override;
  std::optional<ExportWorkResult> takeExportResult() override;
  core::Result<std::vector<std::string>> batchFrames(int64_t seq) override;
  core::Result<BatchReceipt> acknowledgeBatch(std::string_view text) override;

  /// Test only: `folder` stands in for the one USB stick, plugged in while the folder exists.
  void TEST_useMediaFolder(std::filesystem::path folder) { testMediaFolder_ = std::move(folder); }
  /// Test only: export work pauses this long after each progress report, so a script can photograph
  /// the bar part way (a two-check-in batch is otherwise made in milliseconds).
  void TEST_paceWork(int64_t ms) { workPaceMs_ = ms; }
  /// Test only: export work parks after each progress report until `paceMs` of a script's time have
  /// passed (see work_gate.h), instead of pausing in real time. The gate lives as long as the desk.
  WorkGate& TEST_stepWork(int64_t paceMs);

  ScannedCode classify(std::string_view text) override;
  core::Result<Ticket> ticketForCode(std::string_view text) override;
  core::Result<MatchAnswer> appointmentForCode(std::string_view text) override;

 private:
  core::Status needSession() const;
  core::Status startWork(ExportWorker::Job job);

  Kiosk& kiosk_;
  std::filesystem::path listFolder_;
  std::unique_ptr<StaffSession> session_;  // null when nobody is signed in
  int64_t idleTimeoutMs_ = 180'000;        // read from staff.idle_timeout_s at each sign-in
  int64_t lastTouchMs_ = 0;
  std::filesystem::path testMediaFolder_;  // empty: the real removable media
  int64_t workPaceMs_ = 0;
  std::unique_ptr<WorkGate> workGate_;  // test only; before worker_, so it outlives the worker's thread
  ExportWorker worker_;                 // last: joined first when the desk goes, while the rest still stands
};

struct DemoCard {
  std::string cardText;  // LSS1:<id>:<secret>
  std::string pin;       // six random digits, never starting with 0
};
/// For `longstop --demo` only: adds a reception card "Demo Reception" with a random PIN to the demo site
/// just made (unlocked with its recovery code), so staff screens can be tried and scripted.
core::Result<DemoCard> addDemoCard(const std::filesystem::path& dataDir, const core::Clock& clock,
                                   const std::string& recoveryCode);

}  // namespace longstop::service
