// A KioskServices for the UI's unit tests: a fixed site, answers set by the test, and a record of every
// call. No database, no keys.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/kiosk_services.h"

namespace longstop::testing {

class FakeKioskServices final : public service::KioskServices {
 public:
  FakeKioskServices() {
    site_.name = "Test Practice";
    site_.odsCode = "X00001";
    site_.deviceId = "TEST";
    site_.queues = {{"gp", "GP appointments", 'A', "Room 3"}, {"walkin", "Walk-in", 'W', "Reception desk"}};
    site_.walkInQueueId = "walkin";
    site_.idleTimeoutSeconds = 45;
  }

  const service::SiteInfo& site() const override { return site_; }

  core::Result<service::MatchAnswer> findAppointment(const service::DetailsQuery& q) override {
    lastQuery = q;
    if (failLookups) return core::storageError("lookups fail in this test");
    return answer;
  }
  core::Result<service::MatchAnswer> findAppointmentByNhsNumber(const core::NhsNumber& n) override {
    lastNhsNumber = n;
    if (failLookups) return core::storageError("lookups fail in this test");
    return answer;
  }
  core::Result<service::Ticket> checkInAppointment(const std::string& appointmentId, bool urgent) override {
    checkedInAppointments.push_back(appointmentId);
    lastUrgent = urgent;
    if (failCheckIns) return core::storageError("the disk is full");
    return ticketFor("gp", urgent);
  }
  core::Result<service::Ticket> checkInWalkIn(const service::WalkInRequest& req, bool urgent) override {
    walkIns.push_back(req);
    lastUrgent = urgent;
    if (failCheckIns) return core::storageError("the disk is full");
    return ticketFor(req.queueId, urgent);
  }

  // What the next lookup answers, and what the test sees afterwards.
  service::MatchAnswer answer;
  bool failLookups = false;
  bool failCheckIns = false;
  std::optional<service::DetailsQuery> lastQuery;
  std::optional<core::NhsNumber> lastNhsNumber;
  std::vector<std::string> checkedInAppointments;
  std::vector<service::WalkInRequest> walkIns;
  std::optional<bool> lastUrgent;

  static service::MatchAnswer oneMatch() {
    return {core::MatchOutcome::kOne,
            service::AppointmentView{"D001", "10:20", "Dr Patel", "GP appointments"},
            {}};
  }

 private:
  service::Ticket ticketFor(const std::string& queueId, bool urgent) {
    ++issued_;
    service::Ticket t;
    t.recordId = "TEST-00000" + std::to_string(issued_);
    t.ticketNumber = (queueId == "walkin" ? "W00" : "A00") + std::to_string(issued_);
    t.queueId = queueId;
    t.queueName = queueId == "walkin" ? "Walk-in" : "GP appointments";
    t.priority = urgent ? core::Priority::kUrgent : core::Priority::kNormal;
    t.qrText = "LST1:" + t.recordId + ":ABCD1234";
    return t;
  }

  service::SiteInfo site_;
  int issued_ = 0;
};

}  // namespace longstop::testing
