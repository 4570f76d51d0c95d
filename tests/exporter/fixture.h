// A kiosk with a day's appointments, some check-ins (appointments and walk-ins, one urgent, some called
// and seen), a receiving organisation's key pair, and the site unlocked, for the exporter tests.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/checkin_state.h"
#include "crypto/primitives.h"
#include "exporter/org_keys.h"
#include "service/export.h"
#include "service/import.h"
#include "service/kiosk.h"
#include "service/queue_actions.h"
#include "service/site.h"
#include "service/staff.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

namespace longstop::test {

// libsodium must be ready before the first key is made (the fixture makes one as a member).
inline const bool kSodiumReady = crypto::initialise();

inline const char* kAppointmentsCsv =
    "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\r\n"
    "A1001,2026-11-29T09:10,Dr Patel,GP,943 476 5919,Smith,Ann,1984-03-07,F,LS1 4AP\r\n"
    "A1002,2026-11-29T09:40,Dr Okafor,GP,,\"O'Brien\",Zoë,07/03/1950,F,\r\n"
    "A1003,2026-11-29T09:30,Nurse Jones,Nurse,999 000 0018,Kowalski,Łukasz,1990-06-15,M,\r\n";

struct ExportFixture {
  TempDir dir;
  core::ManualClock clock{localTime(2026, 11, 29, 9, 0)};
  std::string recoveryCode;
  std::unique_ptr<service::Kiosk> kiosk;
  exporter::OrgKeyPair org = exporter::makeOrgKeyPair();
  std::optional<service::SiteSecrets> secrets;   // the recovery code's
  std::unique_ptr<service::StaffSession> admin;  // the recovery code's session, an administrator's
  std::vector<std::string> recordIds;

  ExportFixture() {
    auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
    REQUIRE(init.ok());
    recoveryCode = init->recoveryCode;
    auto k = service::openKiosk(dir / "site", clock);
    REQUIRE(k.ok());
    kiosk = std::move(k.value());
    REQUIRE(service::importAppointments(site(), kAppointmentsCsv).ok());
    auto a = service::recoverySession(site(), recoveryCode);
    REQUIRE(a.ok());
    admin = std::move(a.value());
    secrets = admin->secrets().copy();
  }
  service::Site& site() { return kiosk->siteData(); }
  void setRecipient() { REQUIRE(service::setRecipient(site(), *admin, org.pub.text()).ok()); }

  std::string walkIn(const std::string& surname, const std::string& forenames, core::Date dob,
                     bool urgent = false, const std::string& nhs = "") {
    service::WalkInRequest req;
    req.patient.surname = surname;
    req.patient.forenames = forenames;
    req.patient.dateOfBirth = dob;
    req.patient.sex = core::Sex::kFemale;
    if (!nhs.empty()) req.patient.nhsNumber = core::parseNhsNumber(nhs).value();
    req.queueId = "walkin";
    auto t = kiosk->checkInWalkIn(req, urgent);
    REQUIRE(t.ok());
    clock.advanceMs(60'000);
    recordIds.push_back(t->recordId);
    return t->recordId;
  }
  std::string appointment(const std::string& id, bool urgent = false) {
    auto t = kiosk->checkInAppointment(id, urgent);
    REQUIRE(t.ok());
    clock.advanceMs(60'000);
    recordIds.push_back(t->recordId);
    return t->recordId;
  }
  /// A member of staff acting on a check-in (call, seen, ...).
  void act(const std::string& recordId, core::CheckinAction action) {
    auto s = site().unlockWithRecoveryCode(recoveryCode);
    REQUIRE(s.ok());
    service::StaffMember who{"S7K2QX", "Test Receptionist", service::StaffRole::kReception, 0, {}, 0, 0};
    service::StaffSession session(who, std::move(s.value()), clock.now().unixMs);
    auto r = service::applyCheckinAction(site(), session, recordId, action);
    INFO((r.ok() ? std::string() : r.error().message));
    REQUIRE(r.ok());
    clock.advanceMs(60'000);
  }
  /// A morning: two appointments (one called and seen), two walk-ins (one urgent), the same person twice.
  void morning() {
    const std::string a = appointment("A1001");
    appointment("A1003", true);
    walkIn("Brown", "Mary Jane", {1948, 1, 2}, false, "999 000 0026");
    walkIn("Brown", "Mary Jane", {1948, 1, 2}, false, "999 000 0026");
    walkIn("=cmd|' /C calc'!A0", "Eve", {1990, 5, 5}, true);
    act(a, core::CheckinAction::kCall);
    act(a, core::CheckinAction::kSeen);
  }
};

}  // namespace longstop::test
