// verify rebuilds the state tables from the event log and compares: a changed ticket (a duplicate),
// a changed state, a row with no event, and a flipped bit in a sealed blob (checked against the hash
// the events carry, with no key) are each said in words; a real morning's tables pass.
#include <catch2/catch.hpp>

#include "../exporter/fixture.h"
#include "service/queue_actions.h"
#include "service/retention.h"
#include "service/site_check.h"
#include "store/checkins.h"
#include "support/damaged_record.h"

using namespace longstop;

namespace {

std::string problemsOf(const service::SiteCheck& c) {
  std::string all;
  for (const auto& p : c.problems) all += p + "\n";
  return all;
}

struct Morning : test::ExportFixture {
  Morning() {
    morning();
    // Every kind of move the tables follow: a transfer, a park and unpark, an edit, a merge, a cancel.
    const std::string w = walkIn("Green", "Ann", {1970, 3, 4});
    act(w, core::CheckinAction::kPark);
    act(w, core::CheckinAction::kUnpark);
    auto s = site().unlockWithRecoveryCode(recoveryCode);
    REQUIRE(s.ok());
    service::StaffMember who{"S7K2QX", "Test Receptionist", service::StaffRole::kReception, 0, {}, 0, 0};
    service::StaffSession session(who, std::move(s.value()), clock.now().unixMs);
    REQUIRE(
        service::applyCheckinAction(site(), session, w, core::CheckinAction::kTransfer, {"", "gp", "", ""})
            .ok());
    core::PatientDetails d;
    d.surname = "Greene";
    d.forenames = "Ann";
    d.dateOfBirth = {1970, 3, 4};
    REQUIRE(service::editDetails(site(), session, w, d).ok());
    REQUIRE(service::mergeCheckins(site(), session, recordIds[2], recordIds[3]).ok());
    setRecipient();
    auto batch = service::exportBatch(site(), *secrets, "");
    REQUIRE(batch.ok());
    walkIn("Later", "Bo", {1999, 9, 9});
  }
  service::SiteCheck check() {
    auto c = service::checkSite(site().db());
    REQUIRE(c.ok());
    return c.value();
  }
  std::string ticketOf(const std::string& id) {
    auto row = store::getCheckin(site().db(), id);
    REQUIRE(row.ok());
    REQUIRE(row.value());
    return row.value()->ticket;
  }
};

}  // namespace

TEST_CASE("the tables of a real morning agree with its events") {
  Morning f;
  auto c = f.check();
  INFO(problemsOf(c));
  CHECK(c.sound());
}

TEST_CASE("a ticket changed in the table to another's is said, and so is the duplicate") {
  Morning f;
  const std::string victim = f.recordIds[4], other = f.recordIds[5];
  const std::string was = f.ticketOf(victim), theirs = f.ticketOf(other);
  REQUIRE(f.site()
              .db()
              .exec("UPDATE checkins SET ticket = '" + theirs +
                    "', queue_id = (SELECT queue_id FROM checkins "
                    "WHERE record_id = '" +
                    other + "') WHERE record_id = '" + victim + "'")
              .ok());
  auto c = f.check();
  const std::string all = problemsOf(c);
  INFO(all);
  CHECK_FALSE(c.sound());
  CHECK_THAT(all, Catch::Contains("Check-in " + victim + " shows ticket " + theirs +
                                  " in the table, but its check-in "
                                  "event gave it ticket " +
                                  was));
  CHECK_THAT(all, Catch::Contains("Ticket " + theirs + " is held by 2 check-ins of one day and queue"));
}

TEST_CASE("a state changed in the table is said") {
  Morning f;
  const std::string id = f.recordIds.back();
  REQUIRE(f.site().db().exec("UPDATE checkins SET state = 'seen' WHERE record_id = '" + id + "'").ok());
  auto c = f.check();
  CHECK_FALSE(c.sound());
  CHECK_THAT(problemsOf(c), Catch::Contains("is 'seen' in the table, but its events leave it 'waiting'"));
}

TEST_CASE("a check-in row with no event, and one deleted, are said") {
  Morning f;
  const std::string id = f.recordIds.back();
  REQUIRE(f.site().db().exec("DELETE FROM checkins WHERE record_id = '" + id + "'").ok());
  REQUIRE(f.site().db().exec("UPDATE counters SET value = value - 5 WHERE name = 'record'").ok());
  auto c = f.check();
  const std::string all = problemsOf(c);
  CHECK_THAT(all, Catch::Contains("Check-in " + id));
  CHECK_THAT(all, Catch::Contains("was made, but is missing from the table"));
  CHECK_THAT(all, Catch::Contains("The record counter"));
}

TEST_CASE("a flipped bit in a sealed blob is found without any key") {
  Morning f;
  const std::string id = f.recordIds.back();
  test::flipSealedBit(f.site().db(), id);
  auto c = f.check();
  CHECK_FALSE(c.sound());
  CHECK_THAT(problemsOf(c), Catch::Contains("(ticket " + f.ticketOf(id) +
                                            ")'s sealed details are not the bytes its "
                                            "events name"));
}

TEST_CASE("a batch changed in the table is said") {
  Morning f;
  REQUIRE(f.site()
              .db()
              .exec("UPDATE checkins SET batch_seq = NULL WHERE record_id = '" + f.recordIds[0] + "'")
              .ok());
  auto c = f.check();
  CHECK_THAT(problemsOf(c), Catch::Contains("Batch 1 holds"));
}

// The appointments table, rebuilt from what each import recorded of the rows it added.

TEST_CASE("an appointment changed in the table is said, column by column") {
  Morning f;
  REQUIRE(f.site()
              .db()
              .exec("UPDATE appointments SET start_local = start_local + 30, clinician = 'Dr Nobody' "
                    "WHERE id = 'A1002'")
              .ok());
  auto c = f.check();
  const std::string all = problemsOf(c);
  INFO(all);
  CHECK_FALSE(c.sound());
  CHECK_THAT(all,
             Catch::Contains("Appointment A1002's time in the table is not the one its import recorded"));
  CHECK_THAT(all, Catch::Contains("Appointment A1002's clinician in the table is not the one"));
  CHECK_THAT(all, !Catch::Contains("A1001") && !Catch::Contains("A1003"));
}

TEST_CASE("an appointment moved to another queue is said") {
  Morning f;
  REQUIRE(f.site().db().exec("UPDATE appointments SET queue_id = 'nurse' WHERE id = 'A1002'").ok());
  auto c = f.check();
  CHECK_THAT(problemsOf(c), Catch::Contains("Appointment A1002's queue in the table is not the one"));
}

TEST_CASE("an appointment deleted from the table is said") {
  Morning f;
  REQUIRE(f.site().db().exec("DELETE FROM appointments WHERE id = 'A1002'").ok());
  auto c = f.check();
  CHECK_FALSE(c.sound());
  CHECK_THAT(
      problemsOf(c),
      Catch::Contains("Appointment A1002 was imported, but is missing from the table: it was deleted"));
}

TEST_CASE("an appointment added behind the log is said") {
  Morning f;
  REQUIRE(
      f.site()
          .db()
          .exec(
              "INSERT INTO appointments SELECT 'A9999', start_local, clinician, service, queue_id, key_full, "
              "key_nosex, key_nhs, dup_key, sealed, content_hash FROM appointments WHERE id = 'A1002'")
          .ok());
  auto c = f.check();
  CHECK_FALSE(c.sound());
  CHECK_THAT(problemsOf(c), Catch::Contains("Appointment A9999 is in the table, but no import recorded it"));
}

TEST_CASE("an appointment's sealed details damaged or removed are found without any key") {
  Morning f;
  SECTION("a flipped bit") {
    auto st = f.site().db().prepare("SELECT sealed FROM appointments WHERE id = 'A1002'");
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    std::string blob = st->columnBlob(0);
    st->reset();
    blob[blob.size() / 2] ^= 0x01;
    auto up = f.site().db().prepare("UPDATE appointments SET sealed = ? WHERE id = 'A1002'");
    REQUIRE(up.ok());
    up->bindBlob(1, blob);
    REQUIRE(up->run().ok());
    CHECK_THAT(problemsOf(f.check()),
               Catch::Contains("Appointment A1002's sealed details are not the bytes its import recorded"));
  }
  SECTION("cleared with no retention") {
    REQUIRE(f.site().db().exec("UPDATE appointments SET sealed = NULL WHERE id = 'A1002'").ok());
    CHECK_THAT(
        problemsOf(f.check()),
        Catch::Contains("Appointment A1002's sealed details are gone, though no retention removed them"));
  }
}

TEST_CASE("appointments cleared by retention still agree with their imports") {
  Morning f;
  f.clock.advanceMs(3 * 86'400'000);
  auto purged = service::purgeReceived(f.site(), 1);
  REQUIRE(purged.ok());
  REQUIRE(purged->appointments == 1);  // A1002, nobody came
  auto c = f.check();
  INFO(problemsOf(c));
  CHECK(c.sound());
  CHECK(c.appointmentsCompared == 3);
}

TEST_CASE("verify says what it compared") {
  Morning f;
  auto c = f.check();
  CHECK(c.appointmentsCompared == 3);
  CHECK(c.appointmentsUnrecorded == 0);
  CHECK(c.checkinsCompared == static_cast<int64_t>(f.recordIds.size()));
}

// A check-in's state time, rebuilt from the event that gave it its state.

TEST_CASE("a state time changed in the table is said") {
  Morning f;
  const std::string id = f.recordIds.back();  // the later walk-in, called five minutes after it came
  f.clock.advanceMs(300'000);
  f.act(id, core::CheckinAction::kCall);
  REQUIRE(f.check().sound());
  SECTION("to another time") {
    REQUIRE(f.site()
                .db()
                .exec("UPDATE checkins SET state_ms = state_ms - 60000 WHERE record_id = '" + id + "'")
                .ok());
  }
  SECTION("to the time of its earlier move") {
    REQUIRE(
        f.site().db().exec("UPDATE checkins SET state_ms = arrived_ms WHERE record_id = '" + id + "'").ok());
  }
  auto c = f.check();
  CHECK_FALSE(c.sound());
  CHECK_THAT(problemsOf(c), Catch::Contains("Check-in " + id + " (ticket " + f.ticketOf(id) +
                                            ") shows another time for its state in the table"));
}
