#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "service/admin.h"
#include "service/import.h"
#include "service/kiosk.h"
#include "service/site.h"
#include "service/site_check.h"
#include "store/database.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::TempDir;

namespace {

const char* kCsv =
    "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\r\n"
    "A1001,2026-11-29T09:10,Dr Patel,GP,943 476 5919,Smith,Ann,1984-03-07,F,LS1 4AP\r\n"
    "A1002,2026-11-29T09:40,Dr Okafor,GP,,\"O'Brien\",Zoë,07/03/1950,F,\r\n"
    "A1003,2026-11-29T09:30,Nurse Jones,Nurse,999 000 0018,Kowalski,Łukasz,1990-06-15,M,\r\n"
    "A1004,2026-11-29T10:00,Dr Patel,GP,,Brown,Mary,1948-01-02,F,\r\n"
    "A1005,2026-11-29T10:30,Dr Patel,GP,,Bell,Margaret,1948-01-02,F,\r\n"
    "A1006,2026-11-29T15:00,Dr Patel,GP,,Jones,Late,1970-01-01,M,\r\n";

struct Fixture {
  TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  std::string recoveryCode;
  std::unique_ptr<service::Kiosk> kiosk;

  Fixture() {
    auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
    REQUIRE(init.ok());
    recoveryCode = init->recoveryCode;
    auto k = service::openKiosk(dir / "site", clock);
    REQUIRE(k.ok());
    kiosk = std::move(k.value());
    auto r = service::importAppointments(kiosk->siteData(), kCsv);
    REQUIRE(r.ok());
    REQUIRE(r->added == 6);
  }
  service::Site& site() { return kiosk->siteData(); }
  int64_t count(const std::string& table) { return scalar("SELECT count(*) FROM " + table); }
  int64_t scalar(const std::string& sql) {
    auto st = site().db().prepare(sql);
    REQUIRE(st->step().value());
    return st->columnInt(0);
  }
};

/// A walk-in to the walk-in queue, for tests that only need someone to check in.
service::WalkInRequest walkInEvans() {
  service::WalkInRequest req;
  req.patient.surname = "Evans";
  req.patient.forenames = "Rhys";
  req.patient.dateOfBirth = {1972, 8, 9};
  req.queueId = "walkin";
  return req;
}

service::DetailsQuery details(core::Date dob, char initial, std::optional<core::Sex> sex) {
  return {dob, initial, sex};
}

}  // namespace

TEST_CASE("init refuses a directory that already holds data, and a bad ODS code") {
  TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  REQUIRE(service::Site::create(dir / "a", {"B82005", "X", {}}, clock).ok());
  auto again = service::Site::create(dir / "a", {"B82005", "X", {}}, clock);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().message.find("not empty") != std::string::npos);
  CHECK_FALSE(service::Site::create(dir / "b", {"b8", "X", {}}, clock).ok());
  CHECK_FALSE(service::Site::create(dir / "c", {"B82005", "", {}}, clock).ok());
}

TEST_CASE("two sites draw different device IDs and recovery codes") {
  TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  auto a = service::Site::create(dir / "a", {"B82005", "X", {}}, clock);
  auto b = service::Site::create(dir / "b", {"B82005", "X", {}}, clock);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->recoveryCode != b->recoveryCode);
  CHECK(a->deviceId.size() == 4);
}

TEST_CASE("importing the same file again adds nothing; a changed row with the same ID is refused") {
  Fixture f;
  const int64_t events = f.count("events");
  auto again = service::importAppointments(f.site(), kCsv);
  REQUIRE(again.ok());
  CHECK(again->added == 0);
  CHECK(again->unchanged == 6);
  CHECK(f.count("events") == events);

  std::string changed = kCsv;
  changed.replace(changed.find("Dr Okafor"), 9, "Dr Oduya ");
  auto bad = service::importAppointments(f.site(), changed);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("line 3") != std::string::npos);
  CHECK(f.count("appointments") == 6);
}

TEST_CASE("a malformed file imports nothing and names the line") {
  Fixture f;
  std::string csv = std::string(kCsv).substr(0, std::string(kCsv).find("A1002"));
  csv += "B2001,2026-11-29T11:00,Dr Patel,GP,,Ng,Li,1990-01-01,F,\r\n";
  csv += "B2002,2026-11-29T11:10,Dr Patel,GP,943 476 5918,Ng,Wu,1990-01-01,F,\r\n";
  auto r = service::importAppointments(f.site(), csv);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("line 4") != std::string::npos);
  auto st = f.site().db().prepare("SELECT count(*) FROM appointments WHERE id LIKE 'B%'");
  REQUIRE(st->step().value());
  CHECK(st->columnInt(0) == 0);
}

TEST_CASE("appointments go to the queue named by their service") {
  Fixture f;
  auto st = f.site().db().prepare("SELECT queue_id FROM appointments WHERE id = 'A1003'");
  REQUIRE(st->step().value());
  CHECK(st->columnText(0) == "nurse");
}

TEST_CASE("matching by date of birth, initial and sex: one, none, several, outside the window") {
  Fixture f;
  auto one = f.kiosk->findAppointment(details({1984, 3, 7}, 'S', core::Sex::kFemale));
  REQUIRE(one.ok());
  CHECK(one->outcome == core::MatchOutcome::kOne);
  REQUIRE(one->appointment);
  CHECK(one->appointment->time == "09:10");
  CHECK(one->appointment->clinician == "Dr Patel");

  CHECK(f.kiosk->findAppointment(details({1984, 3, 7}, 'S', core::Sex::kMale))->outcome ==
        core::MatchOutcome::kNone);
  CHECK(f.kiosk->findAppointment(details({1984, 3, 8}, 'S', core::Sex::kFemale))->outcome ==
        core::MatchOutcome::kNone);
  CHECK(f.kiosk->findAppointment(details({1948, 1, 2}, 'B', core::Sex::kFemale))->outcome ==
        core::MatchOutcome::kSeveral);
  // Diacritics and apostrophes fold: Łukasz Kowalski is 'K'; O'Brien is 'O'.
  CHECK(f.kiosk->findAppointment(details({1990, 6, 15}, 'K', core::Sex::kMale))->outcome ==
        core::MatchOutcome::kOne);
  CHECK(f.kiosk->findAppointment(details({1950, 3, 7}, 'O', core::Sex::kFemale))->outcome ==
        core::MatchOutcome::kOne);
  // "Prefer not to say" matches on date of birth and initial alone.
  CHECK(f.kiosk->findAppointment(details({1984, 3, 7}, 'S', std::nullopt))->outcome ==
        core::MatchOutcome::kOne);
  // 15:00 is more than two hours away at 09:00: too early, not "no appointment".
  CHECK(f.kiosk->findAppointment(details({1970, 1, 1}, 'J', core::Sex::kMale))->outcome ==
        core::MatchOutcome::kTooEarly);
  f.clock.advanceMs(5 * 3600 * 1000);  // 14:00
  CHECK(f.kiosk->findAppointment(details({1970, 1, 1}, 'J', core::Sex::kMale))->outcome ==
        core::MatchOutcome::kOne);
}

TEST_CASE("not found is not one answer: early, late, another day, two people, no appointment today") {
  Fixture f;
  // Early: Jones at 15:00, asked at 09:00; the answer says when check-in opens (two hours before).
  auto early = f.kiosk->findAppointment(details({1970, 1, 1}, 'J', core::Sex::kMale));
  REQUIRE(early.ok());
  CHECK(early->outcome == core::MatchOutcome::kTooEarly);
  REQUIRE(early->appointment);
  CHECK(early->appointment->time == "15:00");
  CHECK(early->checkInFrom == "13:00");
  // Two people share the details: several, and nothing about either is given.
  auto two = f.kiosk->findAppointment(details({1948, 1, 2}, 'B', core::Sex::kFemale));
  CHECK(two->outcome == core::MatchOutcome::kSeveral);
  CHECK_FALSE(two->appointment);
  // A valid NHS number that is in no list.
  auto nobody = f.kiosk->findAppointmentByNhsNumber(core::parseNhsNumber("999 000 0026").value());
  CHECK(nobody->outcome == core::MatchOutcome::kNone);
  CHECK_FALSE(core::needsReception(nobody->outcome));
  // Late: Ann Smith's 09:10 appointment closed at 10:10.
  f.clock.advanceMs((70 + 11) * 60'000);  // 10:21
  auto late = f.kiosk->findAppointment(details({1984, 3, 7}, 'S', core::Sex::kFemale));
  CHECK(late->outcome == core::MatchOutcome::kTooLate);
  REQUIRE(late->appointment);
  CHECK(late->appointment->clinician == "Dr Patel");
  CHECK(f.kiosk->findAppointmentByNhsNumber(core::parseNhsNumber("943 476 5919").value())->outcome ==
        core::MatchOutcome::kTooLate);
  // The next morning the kiosk still holds yesterday's list: another day, by details and by NHS number.
  f.clock.advanceMs(24 * 3600'000LL);
  auto yesterday = f.kiosk->findAppointment(details({1984, 3, 7}, 'S', core::Sex::kFemale));
  CHECK(yesterday->outcome == core::MatchOutcome::kOtherDay);
  CHECK_FALSE(yesterday->appointment);  // a time alone, from another day, would mislead
  CHECK(f.kiosk->findAppointmentByNhsNumber(core::parseNhsNumber("943 476 5919").value())->outcome ==
        core::MatchOutcome::kOtherDay);
  CHECK(f.kiosk->findAppointment(details({1984, 3, 7}, 'S', core::Sex::kMale))->outcome ==
        core::MatchOutcome::kNone);
}

TEST_CASE("matching by NHS number") {
  Fixture f;
  auto n = core::parseNhsNumber("943 476 5919");
  REQUIRE(n.ok());
  auto m = f.kiosk->findAppointmentByNhsNumber(n.value());
  REQUIRE(m.ok());
  CHECK(m->outcome == core::MatchOutcome::kOne);
  CHECK(m->appointment->appointmentId == "A1001");
  auto other = core::parseNhsNumber("999 000 0026");
  CHECK(f.kiosk->findAppointmentByNhsNumber(other.value())->outcome == core::MatchOutcome::kNone);
}

TEST_CASE("an appointment check-in is durable, numbered per queue, and cannot happen twice") {
  Fixture f;
  auto t = f.kiosk->checkInAppointment("A1001", false);
  REQUIRE(t.ok());
  CHECK(t->ticketNumber == "A001");
  CHECK(t->ahead == 0);
  CHECK(t->qrText.rfind("LST1:" + t->recordId + ":", 0) == 0);
  auto again = f.kiosk->checkInAppointment("A1001", false);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().message.find("already checked in") != std::string::npos);
  auto m = f.kiosk->findAppointment(details({1984, 3, 7}, 'S', core::Sex::kFemale));
  CHECK(m->outcome == core::MatchOutcome::kAlreadyCheckedIn);
  auto nurse = f.kiosk->checkInAppointment("A1003", false);
  CHECK(nurse->ticketNumber == "N001");
  auto second = f.kiosk->checkInAppointment("A1002", false);
  CHECK(second->ticketNumber == "A002");
  CHECK(second->ahead == 1);
  CHECK_FALSE(f.kiosk->checkInAppointment("NOPE", false).ok());
}

TEST_CASE("urgent check-ins go ahead of normal ones and raise an alert event") {
  Fixture f;
  REQUIRE(f.kiosk->checkInAppointment("A1001", false).ok());
  auto urgent = f.kiosk->checkInAppointment("A1002", true);
  REQUIRE(urgent.ok());
  CHECK(urgent->priority == core::Priority::kUrgent);
  CHECK(urgent->ahead == 0);
  auto st =
      f.site().db().prepare("SELECT count(*) FROM events WHERE kind = 'urgent-alert' AND record_id = ?");
  st->bind(1, urgent->recordId);
  REQUIRE(st->step().value());
  CHECK(st->columnInt(0) == 1);
  CHECK(f.kiosk->ticketFor(f.kiosk->checkInAppointment("A1004", false)->recordId)->ahead == 2);
}

TEST_CASE("a walk-in's details are sealed: nothing in the data directory names the patient") {
  Fixture f;
  service::WalkInRequest req;
  req.patient.surname = "Quixwellington";
  req.patient.forenames = "Theodora";
  req.patient.dateOfBirth = {1961, 4, 30};
  req.patient.sex = core::Sex::kFemale;
  req.patient.nhsNumber = core::parseNhsNumber("999 000 0042").value();
  req.queueId = "walkin";
  auto t = f.kiosk->checkInWalkIn(req, false);
  REQUIRE(t.ok());
  CHECK(t->ticketNumber == "W001");
  f.kiosk.reset();  // close, so WAL and shm are as they would be left on the card
  for (const auto& e : std::filesystem::recursive_directory_iterator(f.dir.path())) {
    if (!e.is_regular_file()) continue;
    const std::string bytes = test::readAll(e.path());
    INFO(e.path());
    for (const char* secret : {"Quixwellington", "Theodora", "9990000042", "999 000 0042", "1961-04-30",
                               "Smith", "Kowalski", "9434765919", "943 476 5919", "1984-03-07", "LS1 4AP"})
      CHECK(bytes.find(secret) == std::string::npos);
  }
}

TEST_CASE("the recovery code opens the day's check-ins; a wrong code opens nothing") {
  Fixture f;
  REQUIRE(f.kiosk->checkInAppointment("A1002", false).ok());
  CHECK_FALSE(f.site().unlockWithRecoveryCode("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA").ok());
  auto secrets = f.site().unlockWithRecoveryCode(f.recoveryCode);
  REQUIRE(secrets.ok());
  auto list = service::openedCheckinsToday(f.site(), secrets.value());
  REQUIRE(list.ok());
  REQUIRE(list->size() == 1);
  REQUIRE(list->front().patient);
  CHECK(list->front().patient->surname == "O'Brien");
  CHECK(list->front().patient->forenames == "Zoë");
}

TEST_CASE("walk-ins sealed with a seal prepared ahead open with the recovery code, each under its own key") {
  Fixture f;
  const service::WalkInRequest req = walkInEvans();
  // As the kiosk does: prepared when the patient reaches the safety question; and once without.
  f.kiosk->prepareCheckIn();
  REQUIRE(f.kiosk->checkInWalkIn(req, false).ok());
  REQUIRE(f.kiosk->checkInWalkIn(req, false).ok());
  f.kiosk->prepareCheckIn();
  f.kiosk->prepareCheckIn();  // a second call keeps the one already prepared
  REQUIRE(f.kiosk->checkInWalkIn(req, false).ok());
  auto secrets = f.site().unlockWithRecoveryCode(f.recoveryCode);
  REQUIRE(secrets.ok());
  auto list = service::openedCheckinsToday(f.site(), secrets.value());
  REQUIRE(list.ok());
  REQUIRE(list->size() == 3);
  for (const auto& c : *list) {
    REQUIRE(c.patient);
    CHECK(c.patient->surname == "Evans");
  }
  // Same details, different ephemeral keys: no two sealed blobs share their first 32 bytes.
  CHECK(f.count("checkins WHERE sealed IS NOT NULL") == 3);
  CHECK(f.scalar("SELECT count(DISTINCT substr(sealed, 1, 32)) FROM checkins") == 3);
}

TEST_CASE("events signed with signatures prepared ahead verify like any other, each prepared one used once") {
  Fixture f;
  const service::WalkInRequest req = walkInEvans();
  f.kiosk->prepareCheckIn();
  REQUIRE(f.kiosk->checkInWalkIn(req, true).ok());   // urgent: two events, four signatures, all prepared
  REQUIRE(f.kiosk->checkInWalkIn(req, false).ok());  // none prepared: signed the ordinary way
  auto secrets = f.site().unlockWithRecoveryCode(f.recoveryCode);
  REQUIRE(secrets.ok());
  // libsodium's own signing is deterministic; a prepared signature has a random nonce, so it differs
  // from it while verifying under the same key.
  auto st = f.site().db().prepare("SELECT kind, hash, sig FROM events WHERE record_id <> '' ORDER BY seq");
  REQUIRE(st.ok());
  std::vector<std::pair<std::string, bool>> rows;  // kind, signed the ordinary way
  while (st->step().value()) {
    const std::string hash = st->columnBlob(1), sig = st->columnBlob(2);
    const std::string message = store::eventSignedBytes(hash);
    CHECK(crypto::verifySignature(f.site().signPublicKey(), message, sig));
    rows.emplace_back(st->columnText(0), sig == crypto::sign(secrets->signSecretKey, message));
  }
  using Row = std::pair<std::string, bool>;
  CHECK(rows == std::vector<Row>{{"checkin", false}, {"urgent-alert", false}, {"checkin", true}});
  st->reset();
  // The log's signed end, last written by the unprepared check-in, and the whole chain check out.
  auto report = f.site().log().verify(f.site().signPublicKey(), service::SodiumSignatureCheck());
  REQUIRE(report.ok());
  CHECK(report->sound());
  CHECK(report->signedRows == f.count("events"));
}

TEST_CASE("people left waiting yesterday are not ahead of anyone today") {
  Fixture f;
  const service::WalkInRequest req = walkInEvans();
  REQUIRE(f.kiosk->checkInWalkIn(req, false).ok());
  auto second = f.kiosk->checkInWalkIn(req, false);
  REQUIRE(second.ok());
  CHECK(second->ahead == 1);
  f.clock.advanceMs(int64_t{24} * 3'600'000);  // the two are never called; the kiosk runs on
  auto today = f.kiosk->checkInWalkIn(req, false);
  REQUIRE(today.ok());
  CHECK(today->ticketNumber == "W001");
  CHECK(today->ahead == 0);
  auto next = f.kiosk->checkInWalkIn(req, true);  // urgent: still only today's count
  REQUIRE(next.ok());
  CHECK(next->ahead == 0);
  auto last = f.kiosk->checkInWalkIn(req, false);
  REQUIRE(last.ok());
  CHECK(last->ahead == 2);
}

TEST_CASE("when the store refuses, a check-in writes nothing and says so") {
  Fixture f;
  const int64_t events = f.count("events");
  REQUIRE(f.kiosk->TEST_refuseWrites().ok());
  auto t = f.kiosk->checkInAppointment("A1001", true);
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().code == core::ErrorCode::kStorage);
  CHECK(f.count("checkins") == 0);
  CHECK(f.count("events") == events);
}

TEST_CASE("the event chain of a working site verifies") {
  Fixture f;
  REQUIRE(f.kiosk->checkInAppointment("A1001", true).ok());
  auto r = service::checkSite(f.site().db());
  REQUIRE(r.ok());
  CHECK(r->sound());
  CHECK(r->log.rows == 5);  // site-created, the imported rows, import, checkin, urgent-alert
  CHECK(r->log.signedRows == 5);
}

TEST_CASE("a locked kiosk takes the keys that `longstopctl unlock` left in the keyring, without a restart") {
  Fixture f;
  f.site().lock();  // as after a reboot: the running kiosk is locked, the keyring empty
  REQUIRE(f.kiosk->locked());
  CHECK_FALSE(f.site().adoptSavedKeys());  // nothing there yet: still locked
  CHECK(f.kiosk->locked());
  {
    // Another process, as longstopctl is, unlocks with the recovery code.
    auto other = service::Site::open(f.dir / "site", f.clock);
    REQUIRE(other.ok());
    REQUIRE_FALSE((*other)->unlocked());
    REQUIRE((*other)->unlockWithRecoveryCode(f.recoveryCode).ok());
  }
  CHECK(f.site().adoptSavedKeys());
  CHECK_FALSE(f.kiosk->locked());
  CHECK(f.kiosk->checkInWalkIn(walkInEvans(), false).ok());
  CHECK_FALSE(f.site().adoptSavedKeys());  // already unlocked: nothing to take
}

TEST_CASE("a walk-in made while an import of 20,000 appointments holds the write lock waits it out") {
  Fixture f;
  std::string csv =
      "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\r\n";
  for (int i = 0; i < 20000; ++i) {
    char line[160];
    std::snprintf(line, sizeof line,
                  "C%05d,2026-11-29T%02d:%02d,Dr Patel,GP,,Surname%d,Forename%d,19%02d-%02d-%02d,%c,\r\n", i,
                  8 + (i / 60) % 10, i % 60, i, i, 30 + i % 60, 1 + i % 12, 1 + i % 28, i % 2 ? 'F' : 'M');
    csv += line;
  }
  auto other = service::openKiosk(f.dir / "site", f.clock);  // the patient's kiosk, its own connection
  REQUIRE(other.ok());
  // A third connection that only asks whether the write lock is free, without waiting for it.
  auto probe = store::Database::open(service::Site::databasePath(f.dir / "site"), {});
  REQUIRE(probe.ok());
  REQUIRE((*probe)->exec("PRAGMA busy_timeout = 0").ok());

  std::atomic<bool> done{false};
  core::Result<service::ImportReport> imported = core::internalError("not run");
  std::thread importer([&] {
    imported = service::importAppointments(f.site(), csv);
    done = true;
  });
  int lockSeen = 0, walkIns = 0;
  std::vector<std::string> refusals;
  while (!done) {
    if ((*probe)->exec("BEGIN IMMEDIATE").ok()) {
      REQUIRE((*probe)->exec("ROLLBACK").ok());
      continue;
    }
    ++lockSeen;  // the import holds the lock: a patient checks in now
    auto t = other.value()->checkInWalkIn(walkInEvans(), false);
    if (t.ok())
      ++walkIns;
    else
      refusals.push_back(t.error().message);
  }
  importer.join();
  REQUIRE(imported.ok());
  CHECK(imported->added == 20000);
  REQUIRE(lockSeen > 0);  // otherwise this run proved nothing
  for (const auto& r : refusals) UNSCOPED_INFO(r);
  CHECK(refusals.empty());
  CHECK(f.scalar("SELECT count(*) FROM checkins") == walkIns);
}
