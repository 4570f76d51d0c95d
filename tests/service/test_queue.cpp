#include <catch2/catch.hpp>

#include "service/board_feed.h"
#include "service/call_points.h"
#include "service/import.h"
#include "service/kiosk.h"
#include "service/queue_actions.h"
#include "service/queue_view.h"
#include "service/site_check.h"
#include "service/staff.h"
#include "support/clocks.h"
#include "support/damaged_record.h"
#include "support/temp_dir.h"

using namespace longstop;
using core::CheckinAction;

namespace {

struct Fixture {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  std::unique_ptr<service::Kiosk> kiosk;
  std::unique_ptr<service::StaffSession> session;

  Fixture() {
    auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
    REQUIRE(init.ok());
    auto k = service::openKiosk(dir / "site", clock);
    REQUIRE(k.ok());
    kiosk = std::move(k.value());
    auto admin = service::recoverySession(site(), init->recoveryCode);
    REQUIRE(admin.ok());
    auto card = service::addStaff(site(), *admin.value(), "Jo", service::StaffRole::kReception, "24681012");
    auto s = service::signIn(site(), card->cardText, "24681012");
    REQUIRE(s.ok());
    session = std::move(s.value());
  }
  service::Site& site() { return kiosk->siteData(); }
  std::string walkIn(const std::string& surname, core::Date dob, bool urgent = false,
                     std::string queue = "walkin") {
    service::WalkInRequest req;
    req.patient.surname = surname;
    req.patient.forenames = "Test";
    req.patient.dateOfBirth = dob;
    req.patient.nhsNumber = core::parseNhsNumber("943 476 5919").value();
    req.queueId = std::move(queue);
    clock.advanceMs(60'000);
    auto t = kiosk->checkInWalkIn(req, urgent);
    REQUIRE(t.ok());
    return t->recordId;
  }
  std::string state(const std::string& id) {
    return std::string(core::toString(store::getCheckin(site().db(), id)->value().state));
  }
  std::string staffOfLastEvent() {
    auto st = site().db().prepare("SELECT staff_id FROM events ORDER BY seq DESC LIMIT 1");
    REQUIRE(st->step().value());
    return st->columnText(0);
  }
};

}  // namespace

TEST_CASE("call next takes urgent first, then arrival order, and records who called") {
  Fixture f;
  const auto a = f.walkIn("Adams", {1970, 1, 1});
  const auto b = f.walkIn("Baker", {1971, 1, 1}, true);
  const auto c = f.walkIn("Clark", {1972, 1, 1});
  CHECK(service::callNext(f.site(), *f.session, "walkin").value() == b);
  CHECK(f.staffOfLastEvent() == f.session->who().id);
  CHECK(service::callNext(f.site(), *f.session, "walkin").value() == a);
  CHECK(service::callNext(f.site(), *f.session, "walkin").value() == c);
  CHECK_FALSE(service::callNext(f.site(), *f.session, "walkin").value().has_value());
  CHECK(f.state(a) == "called");
}

TEST_CASE("every console action goes through the state machine") {
  Fixture f;
  const auto id = f.walkIn("Adams", {1970, 1, 1});
  CHECK_FALSE(service::applyCheckinAction(f.site(), *f.session, id, CheckinAction::kSeen).ok());
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, id, CheckinAction::kPark).ok());
  CHECK(f.state(id) == "parked");
  CHECK_FALSE(service::applyCheckinAction(f.site(), *f.session, id, CheckinAction::kCall).ok());
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, id, CheckinAction::kUnpark).ok());
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, id, CheckinAction::kCall, {"Room 7", "", "", ""})
              .ok());
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, id, CheckinAction::kRecall).ok());
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, id, CheckinAction::kSeen).ok());
  CHECK(f.state(id) == "seen");
  CHECK_FALSE(service::applyCheckinAction(f.site(), *f.session, id, CheckinAction::kCall).ok());

  const auto n = f.walkIn("Baker", {1971, 1, 1});
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, n, CheckinAction::kCall).ok());
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, n, CheckinAction::kNoShow).ok());
  CHECK(f.state(n) == "no-show");
  const auto l = f.walkIn("Clark", {1972, 1, 1});
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, l, CheckinAction::kLeft).ok());
  CHECK(f.state(l) == "left");

  const auto t = f.walkIn("Davis", {1973, 1, 1});
  CHECK_FALSE(
      service::applyCheckinAction(f.site(), *f.session, t, CheckinAction::kTransfer, {"", "nowhere", "", ""})
          .ok());
  REQUIRE(
      service::applyCheckinAction(f.site(), *f.session, t, CheckinAction::kTransfer, {"", "nurse", "", ""})
          .ok());
  CHECK(store::getCheckin(f.site().db(), t)->value().queueId == "nurse");
  CHECK(f.state(t) == "waiting");

  const auto x = f.walkIn("Evans", {1974, 1, 1});
  CHECK_FALSE(
      service::applyCheckinAction(f.site(), *f.session, x, CheckinAction::kCancel).ok());  // no reason
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, x, CheckinAction::kCancel,
                                      {"", "", "booked in error", ""})
              .ok());
  CHECK(f.state(x) == "cancelled");
  CHECK_FALSE(service::applyCheckinAction(f.site(), *f.session, "K7QX-999999", CheckinAction::kCall).ok());
  CHECK(service::checkSite(f.site().db())->sound());
}

TEST_CASE("the console list opens names, flags duplicates, and merge keeps both histories") {
  Fixture f;
  const auto a = f.walkIn("Nguyen", {1980, 5, 5});
  const auto b = f.walkIn("Okoro", {1990, 6, 6});
  const auto c = f.walkIn("nguyen", {1980, 5, 5});
  auto list = service::todaysEntries(f.site(), *f.session);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 3);
  int flagged = 0;
  for (const auto& e : list.value()) {
    REQUIRE(e.patient);
    if (e.possibleDuplicate) ++flagged;
    CHECK(e.possibleDuplicate == (e.row.recordId != b));
  }
  CHECK(flagged == 2);
  REQUIRE(service::mergeCheckins(f.site(), *f.session, a, c).ok());
  CHECK(f.state(c) == "cancelled");
  auto after = service::todaysEntries(f.site(), *f.session);
  for (const auto& e : after.value()) CHECK_FALSE(e.possibleDuplicate);
  auto st = f.site().db().prepare("SELECT count(*) FROM events WHERE record_id = ?");
  st->bind(1, c);
  REQUIRE(st->step().value());
  CHECK(st->columnInt(0) == 2);  // its check-in and the merge
  CHECK_FALSE(service::mergeCheckins(f.site(), *f.session, a, a).ok());
}

TEST_CASE("merge never folds away a check-in whose visit happened, nor into a cancelled one") {
  Fixture f;
  const auto a = f.walkIn("Nguyen", {1980, 5, 5});
  const auto c = f.walkIn("nguyen", {1980, 5, 5});
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, c, CheckinAction::kCall).ok());
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, c, CheckinAction::kSeen).ok());
  auto refused = service::mergeCheckins(f.site(), *f.session, a, c);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == core::ErrorCode::kConflict);
  CHECK(refused.error().message.find("has already been seen, so keep it") != std::string::npos);
  CHECK(f.state(c) == "seen");  // nothing changed
  // The other way round is the merge to make: the waiting one folds into the seen one.
  REQUIRE(service::mergeCheckins(f.site(), *f.session, c, a).ok());
  CHECK(f.state(a) == "cancelled");
  CHECK(f.state(c) == "seen");

  const auto d = f.walkIn("Okoro", {1990, 6, 6});
  const auto e = f.walkIn("okoro", {1990, 6, 6});
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, d, CheckinAction::kCancel,
                                      {"", "", "booked in error", ""})
              .ok());
  auto intoCancelled = service::mergeCheckins(f.site(), *f.session, d, e);
  REQUIRE_FALSE(intoCancelled.ok());
  CHECK(intoCancelled.error().message.find("is cancelled") != std::string::npos);
  CHECK(f.state(e) == "waiting");
  CHECK(service::checkSite(f.site().db())->sound());
}

TEST_CASE("search finds by ticket, surname and NHS number") {
  Fixture f;
  f.walkIn("Nguyen", {1980, 5, 5});
  f.walkIn("Okoro", {1990, 6, 6});
  auto list = service::todaysEntries(f.site(), *f.session).value();
  CHECK(service::searchEntries(list, "W002").size() == 1);
  CHECK(service::searchEntries(list, "ngu").size() == 1);
  CHECK(service::searchEntries(list, "943 476").size() == 2);
  CHECK(service::searchEntries(list, "zzz").empty());
  CHECK(service::searchEntries(list, "").empty());
}

TEST_CASE("editing details reseals them") {
  Fixture f;
  const auto id = f.walkIn("Smyth", {1980, 5, 5});
  core::PatientDetails d;
  d.surname = "Smith";
  d.forenames = "Ann";
  d.dateOfBirth = {1980, 5, 5};
  REQUIRE(service::editDetails(f.site(), *f.session, id, d).ok());
  auto list = service::todaysEntries(f.site(), *f.session).value();
  CHECK(list.front().patient->surname == "Smith");
  d.surname = "";
  CHECK_FALSE(service::editDetails(f.site(), *f.session, id, d).ok());
}

TEST_CASE("a walk-in or an edit is held to the appointment list's limits") {
  Fixture f;
  const auto id = f.walkIn("Smyth", {1980, 5, 5});
  core::PatientDetails d;
  d.surname = "Smith";
  d.forenames = "Ann";
  d.dateOfBirth = {1980, 5, 5};
  d.postcode = std::string(10 * 1024 * 1024, 'x');
  auto edit = service::editDetails(f.site(), *f.session, id, d);
  REQUIRE_FALSE(edit.ok());
  CHECK(edit.error().message == "The postcode is too long (at most 16 bytes)");
  service::WalkInRequest req;
  req.patient = d;
  req.queueId = "walkin";
  auto walkIn = f.kiosk->checkInWalkIn(req, false);
  REQUIRE_FALSE(walkIn.ok());
  CHECK(walkIn.error().message == "The postcode is too long (at most 16 bytes)");
  req.patient.postcode = "LS1 4AP";
  req.patient.forenames = std::string(101, 'a');
  CHECK_FALSE(f.kiosk->checkInWalkIn(req, false).ok());
  req.patient.forenames = "Ann";
  CHECK(f.kiosk->checkInWalkIn(req, false).ok());
}

TEST_CASE("urgent alerts stay pending until acknowledged") {
  Fixture f;
  const auto u = f.walkIn("Urgent", {1950, 1, 1}, true);
  f.walkIn("Calm", {1960, 1, 1});
  CHECK(service::pendingAlerts(f.site()).value() == std::vector<std::string>{u});
  REQUIRE(service::acknowledgeAlert(f.site(), *f.session, u).ok());
  CHECK(service::pendingAlerts(f.site()).value().empty());
}

TEST_CASE("added at the desk, exported as CSV, summarised at the end of the day") {
  Fixture f;
  service::WalkInRequest req;
  req.patient.surname = "Desk";
  req.patient.forenames = "Added";
  req.patient.dateOfBirth = {1999, 9, 9};
  auto id = service::addAtDesk(f.site(), *f.session, std::nullopt, req, false);
  REQUIRE(id.ok());
  CHECK(f.staffOfLastEvent() == f.session->who().id);
  f.walkIn("Other", {1960, 1, 1}, true);
  f.clock.advanceMs(10 * 60'000);
  REQUIRE(service::callNext(f.site(), *f.session, "walkin").ok());
  auto path = service::exportCurrentList(f.site(), *f.session, f.dir.path());
  REQUIRE(path.ok());
  const std::string csv = test::readAll(path.value());
  CHECK(csv.find("ticket,queue,state") == 0);
  CHECK(csv.find("Desk,Added,1999-09-09") != std::string::npos);
  auto s = service::daySummary(f.site());
  REQUIRE(s.ok());
  CHECK(s->total == 2);
  CHECK(s->urgentFlags == 1);
  CHECK(s->countsByQueueAndState["walkin"][core::CheckinState::kCalled] == 1);
  CHECK(s->countsByQueueAndState["walkin"][core::CheckinState::kWaiting] == 1);
  REQUIRE(s->medianWaitMinutes);
  CHECK(*s->medianWaitMinutes == 10);
}

TEST_CASE("Save list writes no names when its audit row cannot be recorded") {
  Fixture f;
  f.walkIn("Unlogged", {1970, 1, 1});
  std::filesystem::create_directories(f.dir / "stick");
  REQUIRE(f.site().db().TEST_refuseWrites().ok());
  auto path = service::exportCurrentList(f.site(), *f.session, f.dir / "stick");
  REQUIRE_FALSE(path.ok());
  CHECK(std::filesystem::is_empty(f.dir / "stick"));
}

TEST_CASE("the board sees calls and waiting counts, and nothing personal") {
  Fixture f;
  const auto a = f.walkIn("Zebedee", {1970, 1, 1});
  f.walkIn("Yolanda", {1971, 1, 1});
  auto board = service::BoardFeed::open(f.dir / "site");
  REQUIRE(board.ok());
  CHECK((*board)->changed());
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, a, CheckinAction::kCall, {"Room 4", "", "", ""})
              .ok());
  CHECK((*board)->changed());
  CHECK_FALSE((*board)->changed());
  auto state = (*board)->read(f.clock.now());
  REQUIRE(state.ok());
  REQUIRE(state->recentCalls.size() == 1);
  CHECK(state->recentCalls.front().ticket == "W001");
  CHECK(state->recentCalls.front().room == "Room 4");
  int walkinWaiting = -1;
  for (const auto& [name, n] : state->waitingPerQueue)
    if (name == "Walk-in") walkinWaiting = n;
  CHECK(walkinWaiting == 1);
}

TEST_CASE("the board reports an urgent ticket, and only its ticket, until staff acknowledge it") {
  Fixture f;
  f.walkIn("Calm", {1960, 1, 1});
  const auto u = f.walkIn("Zebedee", {1950, 1, 1}, true);
  // The board's own read-only connection on the site's SQLite file, as `longstop --board` opens it.
  auto board = service::BoardFeed::open(f.dir / "site");
  REQUIRE(board.ok());
  auto state = (*board)->read(f.clock.now());
  REQUIRE(state.ok());
  CHECK(state->urgentTickets == std::vector<std::string>{"W002"});
  // Called is not acknowledged: the alert stays until someone says they have seen it.
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, u, CheckinAction::kCall, {"Room 4", "", "", ""})
              .ok());
  CHECK((*board)->read(f.clock.now())->urgentTickets == std::vector<std::string>{"W002"});
  REQUIRE(service::acknowledgeAlert(f.site(), *f.session, u).ok());
  CHECK((*board)->changed());
  CHECK((*board)->read(f.clock.now())->urgentTickets.empty());
  // Yesterday's unacknowledged alert is not today's.
  const auto late = f.walkIn("Late", {1950, 1, 1}, true);
  (void)late;
  CHECK((*board)
            ->read(core::Instant{f.clock.now().unixMs + 86'400'000, f.clock.now().utcOffsetMinutes})
            ->urgentTickets.empty());
}

TEST_CASE("the wait estimate comes from today's calls only") {
  Fixture f;
  // Yesterday: four called ten minutes apart.
  for (int i = 0; i < 4; ++i) f.walkIn("Early", {1970, 1, 1});
  for (int i = 0; i < 4; ++i) {
    f.clock.advanceMs(600'000);
    REQUIRE(service::callNext(f.site(), *f.session, "walkin").ok());
  }
  const auto pace = f.walkIn("Pace", {1970, 1, 1});
  CHECK(f.kiosk->ticketFor(pace)->estimatedWaitMinutes == std::optional<int>(10));
  // Next morning nobody has been called yet: no estimate rather than one spanning the night.
  f.clock.advanceMs(int64_t{20} * 3'600'000);
  const auto today = f.walkIn("Today", {1970, 1, 1});
  CHECK_FALSE(f.kiosk->ticketFor(today)->estimatedWaitMinutes.has_value());
}

namespace {
// Today's list for two doctors: Dr Patel at 09:00 and 09:20, Dr Okafor at 09:10.
constexpr const char* kTwoDoctors =
    "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\n"
    "P1,2026-11-29T09:00,Dr Patel,GP,,Adams,Ann,1970-01-01,F,\n"
    "P2,2026-11-29T09:20,Dr Patel,GP,,Baker,Ben,1971-01-01,M,\n"
    "O1,2026-11-29T09:10,Dr Okafor,GP,,Clark,Cat,1972-01-01,F,\n";

std::string checkIn(Fixture& f, const char* appointment, int atMinute) {
  f.clock.set(test::localTime(2026, 11, 29, 9, 0));
  f.clock.advanceMs(int64_t(atMinute) * 60'000);
  auto t = f.kiosk->checkInAppointment(appointment, false);
  REQUIRE(t.ok());
  return t->recordId;
}
}  // namespace

TEST_CASE("call next for a clinician takes their patients in appointment order among those arrived") {
  Fixture f;
  REQUIRE(service::importAppointments(f.site(), kTwoDoctors).ok());
  // Dr Patel's 09:20 patient arrives first, then Dr Okafor's, then Dr Patel's 09:00 patient, late.
  const auto p2 = checkIn(f, "P2", -15);
  const auto o1 = checkIn(f, "O1", -5);
  const auto p1 = checkIn(f, "P1", 12);
  REQUIRE(service::setClinicianRoom(f.site(), *f.session, "Dr Patel", "Room 7").ok());
  auto first = service::callNext(f.site(), *f.session, "gp", std::string("Dr Patel"));
  REQUIRE(first.ok());
  CHECK(first.value() == p1);  // the 09:00 appointment, though it arrived last
  auto entries = service::todaysEntries(f.site(), *f.session);
  REQUIRE(entries.ok());
  // Called first in the list, "with Dr Patel" in Room 7; the late arrival says how late.
  CHECK(entries->front().row.recordId == p1);
  CHECK(entries->front().calledBy == "Dr Patel");
  CHECK(entries->front().calledRoom == "Room 7");
  CHECK(entries->front().lateMinutes == 12);
  CHECK(service::callNext(f.site(), *f.session, "gp", std::string("Dr Patel")).value() == p2);
  // Dr Okafor's patient is not Dr Patel's to call, and Dr Patel has nobody left.
  CHECK_FALSE(service::callNext(f.site(), *f.session, "gp", std::string("Dr Patel")).value().has_value());
  CHECK(f.state(o1) == "waiting");
  // Each call is one event naming the clinician and the room, and the board reads that room.
  auto st = f.site().db().prepare(
      "SELECT count(*), group_concat(json_extract(data, '$.room')) FROM events WHERE kind = 'call' AND "
      "json_extract(data, '$.clinician') = 'Dr Patel'");
  REQUIRE(st->step().value());
  CHECK(st->columnInt(0) == 2);
  CHECK(st->columnText(1) == "Room 7,Room 7");
  st->reset();
  // Dr Okafor has no room set: the queue's room; the call points list both doctors with theirs.
  auto points = service::callPoints(f.site());
  REQUIRE(points.ok());
  std::vector<std::string> seen;
  for (const auto& p : points.value())
    if (p.queueId == "gp") seen.push_back(p.clinician + "|" + p.room + "|" + std::to_string(p.waiting));
  CHECK(seen == std::vector<std::string>{"Dr Okafor|Room 3|1", "Dr Patel|Room 7|0"});
}

TEST_CASE("the console lists urgent, then called, then parked, then waiting by appointment time") {
  Fixture f;
  REQUIRE(service::importAppointments(f.site(), kTwoDoctors).ok());
  const auto p2 = checkIn(f, "P2", -15);
  const auto o1 = checkIn(f, "O1", -5);
  const auto p1 = checkIn(f, "P1", 0);
  const auto urgent = f.walkIn("Urgent", {1980, 1, 1}, true, "gp");
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, p2, CheckinAction::kCall).ok());
  REQUIRE(service::applyCheckinAction(f.site(), *f.session, o1, CheckinAction::kPark).ok());
  auto entries = service::todaysEntries(f.site(), *f.session);
  REQUIRE(entries.ok());
  std::vector<std::string> order;
  for (const auto& e : entries.value()) order.push_back(e.row.recordId);
  CHECK(order == std::vector<std::string>{urgent, p2, o1, p1});
  // Called from the patient's own row: the appointment's clinician is named, once.
  CHECK(entries->at(1).calledBy == "Dr Patel");
}

TEST_CASE("search takes N001 as a ticket, not as NHS number digits") {
  Fixture f;
  const auto w = f.walkIn("Adams", {1970, 1, 1});  // W001, NHS number 943 476 5919
  service::WalkInRequest req;
  req.patient = {
      "Baker", "Test", {1971, 1, 1}, core::Sex::kFemale, core::parseNhsNumber("999 000 0018").value(),
      false,   ""};
  req.queueId = "nurse";
  auto n = f.kiosk->checkInWalkIn(req, false);  // N001, whose NHS number holds "001"
  REQUIRE(n.ok());
  auto entries = service::todaysEntries(f.site(), *f.session);
  REQUIRE(entries.ok());
  auto ids = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& e : service::searchEntries(entries.value(), text)) out.push_back(e.row.ticket);
    return out;
  };
  CHECK(ids("N001") == std::vector<std::string>{"N001"});
  CHECK(ids("w001") == std::vector<std::string>{"W001"});
  CHECK(ids("N0") == std::vector<std::string>{"N001"});   // a ticket part typed
  CHECK(ids("001") == std::vector<std::string>{"N001"});  // digits alone are an NHS number
  CHECK(ids("5919") == std::vector<std::string>{"W001"});
  (void)w;
}

TEST_CASE("add at the desk lists today's appointments not yet arrived, with the surname's initial") {
  Fixture f;
  REQUIRE(service::importAppointments(f.site(), kTwoDoctors).ok());
  checkIn(f, "O1", 0);
  auto due = service::appointmentsDue(f.site(), *f.session);
  REQUIRE(due.ok());
  std::vector<std::string> rows;
  for (const auto& a : due.value()) rows.push_back(a.id + "|" + a.clinician + "|" + a.initial);
  CHECK(rows == std::vector<std::string>{"P1|Dr Patel|A", "P2|Dr Patel|B"});
}

TEST_CASE("a clinician's room is for the day it was set") {
  Fixture f;
  REQUIRE(service::setClinicianRoom(f.site(), *f.session, "Dr Patel", "Room 7").ok());
  CHECK(service::clinicianRoom(f.site(), "gp", "Dr Patel").value() == "Room 7");
  f.clock.advanceMs(24 * 3600 * 1000LL);
  CHECK(service::clinicianRoom(f.site(), "gp", "Dr Patel").value() == "Room 3");
  CHECK_FALSE(service::setClinicianRoom(f.site(), *f.session, "Dr Patel", "").ok());
}

TEST_CASE("one damaged sealed record is marked on its row; the rest of the queue still lists") {
  Fixture f;
  f.walkIn("Smith", {1984, 3, 7});
  const std::string b = f.walkIn("Jones", {1950, 1, 2});
  f.walkIn("Evans", {1990, 5, 6});
  test::flipSealedBit(f.site().db(), b);  // as a failing card sector would
  auto list = service::todaysEntries(f.site(), *f.session);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 3);
  for (const auto& e : *list) {
    INFO(e.row.recordId);
    CHECK(e.damaged == (e.row.recordId == b));
    CHECK(e.patient.has_value() == (e.row.recordId != b));
  }
}

TEST_CASE("a check-in whose stored state is unknown is reported as damage, and nothing is done to it") {
  Fixture f;
  const auto a = f.walkIn("Adams", {1970, 1, 1});
  const auto b = f.walkIn("Baker", {1971, 1, 1});
  REQUIRE(f.site().db().exec("UPDATE checkins SET state = 'Waiting' WHERE record_id = '" + b + "'").ok());
  auto countEvents = [&] {
    auto st = f.site().db().prepare("SELECT count(*) FROM events");
    REQUIRE(st->step().value());
    return st->columnInt(0);
  };
  const int64_t events = countEvents();
  const std::string sentence =
      "Check-in W002 has the state 'Waiting' in the database, which Longstop does not know: the database is "
      "damaged. Restore it from a backup, or ask your IT support.";
  // Acting on it: refused with the sentence, not taken as waiting and called.
  auto call = service::applyCheckinAction(f.site(), *f.session, b, CheckinAction::kCall);
  REQUIRE_FALSE(call.ok());
  CHECK(call.error().code == core::ErrorCode::kCorrupt);
  CHECK(call.error().message == sentence);
  // The console's list, the day summary and the paper list: the same sentence, never a quiet "waiting".
  auto entries = service::todaysEntries(f.site(), *f.session);
  REQUIRE_FALSE(entries.ok());
  CHECK(entries.error().message == sentence);
  auto summary = service::daySummary(f.site());
  REQUIRE_FALSE(summary.ok());
  CHECK(summary.error().message == sentence);
  auto list = service::exportCurrentList(f.site(), *f.session, f.dir.path());
  REQUIRE_FALSE(list.ok());
  CHECK(list.error().message == sentence);
  CHECK(countEvents() == events);
  CHECK(f.state(a) == "waiting");
}
