// A StaffServices and CodeLookup for the staff screens' unit tests: a PIN that works, entries set by the
// test, and a record of every action. No database, no keys.
#pragma once

#include <string>
#include <tuple>
#include <vector>

#include "service/staff_services.h"

namespace longstop::testing {

class FakeStaffServices final : public service::StaffServices {
 public:
  FakeStaffServices() {
    site_.name = "Test Practice";
    site_.queues = {{"gp", "GP appointments", 'A', "Room 3"}, {"walkin", "Walk-in", 'W', "Reception desk"}};
    site_.walkInQueueId = "walkin";
  }
  const service::SiteInfo& site() const override { return site_; }
  service::SignInStatus signIn(const std::string& card, const std::string& pin) override {
    using service::SignInError;
    using service::SignInFailure;
    lastCard = card;
    if (signInFault) return SignInError(SignInFailure::kFault, *signInFault);
    if (revoked)
      return SignInError(
          SignInFailure::kRevoked,
          core::unauthorised("This card has been revoked. Ask an administrator for a new one."));
    if (pin != "24681012") return SignInError(SignInFailure::kWrongPin, core::unauthorised(wrongPinWords));
    signedIn = true;
    return core::Ok{};
  }
  void signOut(std::string_view reason) override {
    if (signedIn) signOuts.emplace_back(reason);
    signedIn = false;
  }
  std::optional<service::StaffIdentity> session() const override {
    if (!signedIn) return std::nullopt;
    return service::StaffIdentity{"S7K2QX", admin ? "Sam Admin" : "Jo Reception", admin};
  }
  void touch() override { ++touches; }
  bool signOutIfIdle() override {
    if (!signedIn || !idle) return false;
    signOut("idle");
    return true;
  }
  int64_t msUntilIdleSignOut() const override { return signedIn ? idleMs : 0; }
  core::Result<std::vector<service::ConsoleEntry>> todaysEntries() override {
    if (!signedIn) return core::unauthorised("Please sign in first.");
    return entries;
  }
  core::Result<std::vector<service::ConsoleEntry>> search(const std::string& text) override {
    lastSearch = text;
    return entries;
  }
  core::Status act(const std::string& id, core::CheckinAction a, const service::ActionRequest& r) override {
    actions.emplace_back(id, a, r.targetQueue + r.reason);
    return refuseActions ? core::Status(core::conflict("Not allowed now.")) : core::okStatus();
  }
  core::Result<std::optional<std::string>> callNext(const std::string& queueId,
                                                    const std::optional<std::string>& clinician) override {
    calledQueues.push_back(queueId);
    calledClinicians.push_back(clinician.value_or("(anyone)"));
    if (entries.empty()) return std::optional<std::string>();
    // As the real one records it: called, by whom and to where.
    auto& e = entries.front();
    e.state = core::CheckinState::kCalled;
    e.calledBy = clinician.value_or("");
    for (const auto& q : site_.queues)
      if (q.id == queueId) e.calledRoom = q.room;
    return std::optional<std::string>(e.recordId);
  }
  core::Result<std::vector<service::CallPoint>> callPoints() override { return points; }
  core::Status setRoom(const std::string& clinician, const std::string& room) override {
    rooms.emplace_back(clinician, room);
    for (auto& p : points)
      if (p.clinician == clinician) p.room = room;
    return core::okStatus();
  }
  core::Result<std::vector<service::DueAppointment>> appointmentsDue() override { return due; }
  core::Result<std::vector<std::string>> pendingAlerts() override { return alerts; }
  core::Status acknowledgeAlert(const std::string& id) override {
    acknowledged.push_back(id);
    alerts.clear();
    return core::okStatus();
  }
  core::Status merge(const std::string& keep, const std::string& dup) override {
    merges.emplace_back(keep, dup);
    return core::okStatus();
  }
  core::Status editDetails(const std::string& id, const core::PatientDetails& d) override {
    edits.emplace_back(id, d.surname);
    return core::okStatus();
  }
  core::Result<std::string> addAtDesk(const std::optional<std::string>& appt,
                                      const std::optional<service::WalkInRequest>&, bool urgent) override {
    added.push_back(appt.value_or("walk-in") + (urgent ? "!" : ""));
    return std::string("TEST-000009");
  }
  core::Result<std::filesystem::path> saveList() override { return std::filesystem::path("/tmp/list.csv"); }
  core::Result<service::DaySummaryView> daySummary() override { return service::DaySummaryView{}; }

  core::Result<service::ExportStatus> exportStatus() override {
    if (!signedIn) return core::unauthorised("Please sign in first.");
    return service::ExportStatus{unexported, recipientKeyId, lastSeq, recipientSetBy};
  }
  std::vector<std::filesystem::path> removableMedia() override { return media; }
  // Export work: the outcome is worked out when it starts, and handed over by takeExportResult() unless
  // the test holds the work (holdWork), when exportProgress() reports `progressNow` instead.
  core::Status startMakeBatch() override {
    if (workRunning) return core::conflict("The last export is still running.");
    workRunning = true;
    resultReady = false;
    ++workStarted;
    if (recipientKeyId.empty()) {
      outcome = {core::invalidInput("No recipient key is set."), {}, {}};
    } else if (unexported == 0) {
      outcome = {core::notFound("Nothing to export."), {}, {}};
    } else {
      ++lastSeq;
      service::MadeBatch b{lastSeq, "B82005-K7QX-000" + std::to_string(lastSeq) + "-20261129.lsbatch",
                           unexported, 4000};
      unexported = 0;
      outcome = {std::nullopt, b, {}};
    }
    return core::okStatus();
  }
  core::Status startCopyBatch(int64_t seq, const std::filesystem::path& folder) override {
    if (workRunning) return core::conflict("The last export is still running.");
    workRunning = true;
    resultReady = false;
    ++workStarted;
    copies.emplace_back(seq, folder);
    if (failCopy)
      outcome = {core::internalError("The USB stick could not be written."), {}, {}};
    else
      outcome = {std::nullopt, std::nullopt, folder / "batch.lsbatch"};
    return core::okStatus();
  }
  std::optional<service::WorkProgressView> exportProgress() override {
    if (!workRunning) return std::nullopt;
    return progressNow;
  }
  std::optional<service::ExportWorkResult> takeExportResult() override {
    if (workRunning && !holdWork) {
      workRunning = false;
      resultReady = true;
    }
    if (!resultReady) {
      if (workRunning && endsAfterTakeLooks) {  // the job ends just after this looked
        workRunning = false;
        resultReady = true;
      }
      return std::nullopt;
    }
    resultReady = false;
    return outcome;
  }
  core::Result<std::vector<std::string>> batchFrames(int64_t) override { return frames; }
  core::Result<service::BatchReceipt> acknowledgeBatch(std::string_view text) override {
    acks.emplace_back(text);
    if (text.rfind("LSK1:", 0) != 0)
      return core::invalidInput("This acknowledgement is not for a batch made here.");
    return service::BatchReceipt{lastSeq, acks.size() > 1, 30};
  }

  static service::ConsoleEntry entry(std::string id, std::string ticket, std::string queue,
                                     bool urgent = false) {
    service::ConsoleEntry e;
    e.recordId = std::move(id);
    e.ticket = std::move(ticket);
    e.queueId = std::move(queue);
    e.urgent = urgent;
    e.patient =
        core::PatientDetails{"Smith", "Ann", {1984, 3, 7}, core::Sex::kFemale, std::nullopt, false, ""};
    return e;
  }

  service::SiteInfo site_;
  bool signedIn = false, revoked = false, idle = false, refuseActions = false;
  std::string wrongPinWords =
      "Wrong PIN. 4 tries left before the card locks.";  // the sentence for a wrong PIN
  std::optional<core::Error> signInFault;  // sign-in fails with this as a fault (e.g. the disk refused)
  bool admin = false;                      // the signed-in member of staff is an administrator
  int touches = 0;
  std::string lastCard, lastSearch;
  std::vector<std::string> signOuts, calledQueues, calledClinicians, acknowledged, added, alerts;
  std::vector<service::CallPoint> points;
  std::vector<service::DueAppointment> due;
  std::vector<std::pair<std::string, std::string>> rooms;
  int64_t idleMs = 180000;  // what msUntilIdleSignOut() answers while signed in
  std::vector<service::ConsoleEntry> entries;
  std::vector<std::tuple<std::string, core::CheckinAction, std::string>> actions;
  std::vector<std::pair<std::string, std::string>> merges, edits;
  // Export
  int64_t unexported = 0, lastSeq = 0;
  bool workRunning = false, holdWork = false, resultReady = false;
  bool endsAfterTakeLooks = false;  // the work finishes between takeExportResult() and the next call
  int workStarted = 0;
  service::WorkProgressView progressNow{0, 0, "Starting"};
  service::ExportWorkResult outcome;
  std::string recipientKeyId;
  std::string recipientSetBy;
  bool failCopy = false;
  std::vector<std::filesystem::path> media;
  std::vector<std::pair<int64_t, std::filesystem::path>> copies;
  std::vector<std::string> frames = {"LSQ1:ABCD1234:1/2:AAAA", "LSQ1:ABCD1234:2/2:BBBB"};
  std::vector<std::string> acks;
};

}  // namespace longstop::testing
