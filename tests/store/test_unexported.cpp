// The check-ins an export carries are read by one statement joining each to its appointment: it must
// give every check-in in no batch and no other, in the device's sequence, each with its own
// appointment (time, clinician, service, sealed details) and a walk-in with none.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "store/appointments.h"
#include "store/batches.h"
#include "store/checkins.h"
#include "store/database.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::TempDir;

namespace {

struct Appt {
  std::string id;
  int64_t start = 0;
  std::string clinician, service;
  std::optional<std::string> sealed;
};

struct Expected {
  std::string recordId;
  std::optional<std::string> appointment;
};

struct Fixture {
  TempDir dir;
  std::unique_ptr<store::Database> db;
  std::map<std::string, Appt> appts;
  std::vector<Expected> unexported;  // the model, in sequence order
  std::map<int64_t, std::string> exported;

  Fixture() {
    auto opened = store::Database::open(dir / "u.db", {.create = true});
    REQUIRE(opened.ok());
    db = std::move(opened.value());
    REQUIRE(
        db->exec(
              "INSERT INTO queues (id, name, prefix, room, position) VALUES ('gp', 'GP', 'W', 'Room 1', 1)")
            .ok());
    // Ten appointments, each different in every column a batch reads; the last one's details purged.
    for (int i = 0; i < 10; ++i) {
      Appt a{"A" + std::to_string(1000 + i), 29'000'000 + 10 * i, "Dr " + std::string(1, char('K' + i)),
             i % 2 ? "Nurse" : "GP", std::string("sealed-appointment-") + char('a' + i)};
      if (i == 9) a.sealed.reset();
      store::AppointmentRow row;
      row.id = a.id;
      row.startLocal = a.start;
      row.clinician = a.clinician;
      row.service = a.service;
      row.queueId = "gp";
      row.keyFull = row.keyNoSex = row.dupKey = row.contentHash = "k" + a.id;
      row.sealed = a.sealed;
      auto added = store::insertAppointment(*db, row);
      REQUIRE(added.ok());
      REQUIRE(added.value());
      appts[a.id] = a;
    }
    REQUIRE(db->exec("UPDATE appointments SET sealed = NULL WHERE id = 'A1009'").ok());
  }

  void add(int64_t seq, std::optional<std::string> appointment) {
    store::CheckinRow c;
    c.recordId = "K7QX-" + std::to_string(seq);
    c.seq = seq;
    c.localDay = 20'000;
    c.ticket = "W" + std::to_string(seq);
    c.queueId = "gp";
    c.appointmentId = appointment;
    if (!appointment) c.sealed = "sealed-walk-in-" + std::to_string(seq);
    c.arrivedMs = c.stateMs = 1000 * seq;
    REQUIRE(store::insertCheckin(*db, c).ok());
  }

  void exportInto(int64_t batch, const std::string& recordId) {
    REQUIRE(db->transaction([&] { return store::assignToBatch(*db, recordId, batch); }).ok());
  }
};

}  // namespace

TEST_CASE(
    "unexported check-ins: every one in no batch and no other, in sequence, each with its own appointment") {
  Fixture f;
  for (int64_t b = 1; b <= 2; ++b) {
    store::BatchRow row;
    row.seq = b;
    row.fileName = "batch-" + std::to_string(b);
    row.prevHash = row.batchHash = std::string(32, char(b));
    REQUIRE(store::insertBatch(*f.db, row).ok());
  }
  // Sixty check-ins written out of sequence order (even ones first): every fifth a walk-in, the rest
  // on appointments in turn (so each appointment has several), every third already exported.
  std::vector<int64_t> order;
  for (int64_t s = 2; s <= 60; s += 2) order.push_back(s);
  for (int64_t s = 1; s <= 60; s += 2) order.push_back(s);
  std::map<int64_t, std::optional<std::string>> planned;
  for (int64_t s : order) {
    std::optional<std::string> appt;
    if (s % 5 != 0) appt = "A" + std::to_string(1000 + (s * 7) % 10);
    planned[s] = appt;
    f.add(s, appt);
    if (s % 3 == 0) f.exportInto(1 + s % 2, "K7QX-" + std::to_string(s));
  }
  std::vector<Expected> expected;
  for (const auto& [s, appt] : planned)
    if (s % 3 != 0) expected.push_back({"K7QX-" + std::to_string(s), appt});

  auto got = store::unexportedCheckins(*f.db);
  REQUIRE(got.ok());
  REQUIRE(got->size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& u = got.value()[i];
    INFO(expected[i].recordId);
    CHECK(u.checkin.recordId == expected[i].recordId);
    CHECK(u.checkin.appointmentId == expected[i].appointment);
    if (!expected[i].appointment) {
      CHECK_FALSE(u.appointment);
      CHECK(u.checkin.sealed == "sealed-walk-in-" + std::to_string(u.checkin.seq));
      continue;
    }
    REQUIRE(u.appointment);
    const Appt& a = f.appts.at(*expected[i].appointment);
    CHECK(u.appointment->id == a.id);
    CHECK(u.appointment->startLocal == a.start);
    CHECK(u.appointment->clinician == a.clinician);
    CHECK(u.appointment->service == a.service);
    CHECK(u.appointment->sealed == a.sealed);  // none for the purged one
  }
}

TEST_CASE("unexported check-ins: none when every check-in is in a batch, and all of them before any is") {
  Fixture f;
  store::BatchRow row;
  row.seq = 1;
  row.fileName = "batch-1";
  row.prevHash = row.batchHash = std::string(32, '\1');
  REQUIRE(store::insertBatch(*f.db, row).ok());
  f.add(1, "A1001");
  f.add(2, std::nullopt);
  auto before = store::unexportedCheckins(*f.db);
  REQUIRE(before.ok());
  CHECK(before->size() == 2);
  f.exportInto(1, "K7QX-1");
  f.exportInto(1, "K7QX-2");
  auto after = store::unexportedCheckins(*f.db);
  REQUIRE(after.ok());
  CHECK(after->empty());
}
