// The high-water mark outside the database: a deleted WAL (acknowledged check-ins held only there, the
// writer killed before any checkpoint) and a restore from an older backup are both seen and said, and
// once the loss is recorded no record ID, event sequence or ticket handed out before it is given again.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "exporter/org_keys.h"
#include "service/backup.h"
#include "service/export.h"
#include "service/high_water.h"
#include "service/kiosk.h"
#include "service/site_check.h"
#include "service/staff.h"
#include "store/checkins.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;
namespace fs = std::filesystem;

namespace {

struct Handed {
  std::set<std::string> recordIds, tickets;
};

service::WalkInRequest walkIn(int i) {
  service::WalkInRequest req;
  req.patient.surname = "Mark" + std::to_string(i);
  req.patient.forenames = "Test";
  req.patient.dateOfBirth = {1980, 1, 1};
  return req;
}

void checkIn(service::Kiosk& kiosk, int from, int n, Handed& handed) {
  for (int i = from; i < from + n; ++i) {
    auto t = kiosk.checkInWalkIn(walkIn(i), false);
    REQUIRE(t.ok());
    handed.recordIds.insert(t->recordId);
    handed.tickets.insert(t->ticketNumber);
  }
}

int64_t newestSeq(store::Database& db) {
  auto st = db.prepare("SELECT coalesce(max(seq), 0) FROM events");
  REQUIRE(st.ok());
  REQUIRE(st->step().value());
  return st->columnInt(0);
}

// Records the loss, then checks in once more: nothing handed out before is handed out again, the new
// event's sequence is past the mark, and verify is sound and names the loss.
void recordAndCarryOn(const fs::path& dir, core::ManualClock& clock, const Handed& handed, int64_t markSeq) {
  {
    auto site = service::Site::openDespiteLoss(dir, clock);
    REQUIRE(site.ok());
    auto loss = service::recordLoss(**site);
    REQUIRE(loss.ok());
    CHECK(loss->to == markSeq);
  }
  auto kiosk = service::openKiosk(dir, clock);
  REQUIRE(kiosk.ok());
  auto next = (*kiosk)->checkInWalkIn(walkIn(999), false);
  REQUIRE(next.ok());
  CHECK(handed.recordIds.count(next->recordId) == 0);
  CHECK(handed.tickets.count(next->ticketNumber) == 0);
  CHECK(newestSeq((*kiosk)->siteData().db()) > markSeq + 1);
  auto check = service::checkSite((*kiosk)->siteData().db(), {}, dir);
  REQUIRE(check.ok());
  for (const auto& p : check->problems) UNSCOPED_INFO(p);
  CHECK(check->sound());
  REQUIRE(check->notes.size() == 1);
  CHECK_THAT(check->notes[0], Catch::Contains("events lost earlier"));
}

}  // namespace

TEST_CASE("a deleted WAL after a kill -9 is seen, said, and its numbers are not given again") {
  test::TempDir tmp;
  const fs::path dir = tmp / "site";
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  REQUIRE(service::Site::create(dir, {"B82005", "Mark test", {}}, clock).ok());

  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    auto kiosk = service::openKiosk(dir, clock);
    if (!kiosk.ok()) _exit(3);
    std::string out;
    for (int i = 0; i < 20; ++i) {
      if (i == 0) clock.advanceMs(20 * 60000);  // 09:20: the five the card will keep
      if (i == 5) clock.advanceMs(21 * 60000);  // 09:41: the fifteen held only in the WAL
      auto t = (*kiosk)->checkInWalkIn(walkIn(i), false);
      if (!t.ok()) _exit(4);
      out += t->recordId + " " + t->ticketNumber + "\n";
      if (i == 4) {  // a checkpoint: the first five reach the database file itself
        if (!(*kiosk)->siteData().db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok()) _exit(5);
      }
    }
    if (!service::writeHighWater((*kiosk)->siteData()).ok()) _exit(6);
    out += "marked " + std::to_string(newestSeq((*kiosk)->siteData().db())) + "\n";
    if (write(fds[1], out.data(), out.size()) != static_cast<ssize_t>(out.size())) _exit(7);
    pause();  // killed here, before any checkpoint of the last fifteen
    _exit(0);
  }
  close(fds[1]);
  std::string got;
  char chunk[4096];
  while (got.find("marked ") == std::string::npos || got.back() != '\n') {
    const ssize_t n = read(fds[0], chunk, sizeof chunk);
    REQUIRE(n > 0);
    got.append(chunk, static_cast<size_t>(n));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  close(fds[0]);
  REQUIRE(WIFSIGNALED(status));

  Handed handed;
  int64_t markSeq = 0;
  std::istringstream lines(got);
  for (std::string a, b; lines >> a >> b;) {
    if (a == "marked")
      markSeq = std::stoll(b);
    else
      handed.recordIds.insert(a), handed.tickets.insert(b);
  }
  REQUIRE(handed.recordIds.size() == 20);
  REQUIRE(fs::exists(service::Site::databasePath(dir).string() + "-wal"));
  fs::remove(service::Site::databasePath(dir).string() + "-wal");
  fs::remove(service::Site::databasePath(dir).string() + "-shm");

  // The kiosk (and every command) refuses to carry on as if whole, and says what is missing.
  auto opened = service::Site::open(dir, clock);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().code == core::ErrorCode::kCorrupt);
  // Since the newest event still held: the patients to re-enter are those who came after it.
  CHECK_THAT(opened.error().message, Catch::Contains("The newest 15 events are missing since 09:20"));
  CHECK_THAT(opened.error().message,
             Catch::Contains("recorded up to event " + std::to_string(markSeq) + " (09:41)"));
  {
    auto db = store::Database::open(service::Site::databasePath(dir), {.readOnly = true});
    REQUIRE(db.ok());
    CHECK(newestSeq(**db) == markSeq - 15);
    auto check = service::checkSite(**db, {}, dir);
    REQUIRE(check.ok());
    REQUIRE_FALSE(check->sound());
    CHECK_THAT(check->problems.front(), Catch::Contains("The newest 15 events are missing since 09:20"));
  }
  recordAndCarryOn(dir, clock, handed, markSeq);
}

TEST_CASE("a restore from an older backup is seen, said, and its numbers are not given again") {
  test::TempDir tmp;
  const fs::path dir = tmp / "site";
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  auto init = service::Site::create(dir, {"B82005", "Mark test", {}}, clock);
  REQUIRE(init.ok());
  Handed handed;
  fs::path backup;
  int64_t markSeq = 0;
  {
    auto kiosk = service::openKiosk(dir, clock);
    REQUIRE(kiosk.ok());
    checkIn(**kiosk, 0, 6, handed);
    auto b = service::backupSite(dir, tmp / "backups", 7);
    REQUIRE(b.ok());
    backup = b->file;
    clock.advanceMs(30 * 60000);
    checkIn(**kiosk, 6, 9, handed);
    REQUIRE(service::writeHighWater((*kiosk)->siteData()).ok());
    markSeq = newestSeq((*kiosk)->siteData().db());
  }
  auto restored = service::restoreBackup(backup, dir, init->recoveryCode);
  REQUIRE(restored.ok());

  auto opened = service::Site::open(dir, clock);
  REQUIRE_FALSE(opened.ok());
  CHECK_THAT(opened.error().message, Catch::Contains("The newest 9 events are missing since 09:00"));
  auto kiosk = service::openKiosk(dir, clock);
  CHECK_FALSE(kiosk.ok());  // no check-in can be made over the loss
  recordAndCarryOn(dir, clock, handed, markSeq);
}

TEST_CASE("a mark written over a loss not yet recorded is refused, so the loss cannot be hidden") {
  test::TempDir tmp;
  const fs::path dir = tmp / "site";
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  auto init = service::Site::create(dir, {"B82005", "Mark test", {}}, clock);
  REQUIRE(init.ok());
  Handed handed;
  fs::path backup;
  {
    auto kiosk = service::openKiosk(dir, clock);
    REQUIRE(kiosk.ok());
    auto b = service::backupSite(dir, tmp / "backups", 7);
    REQUIRE(b.ok());
    backup = b->file;
    checkIn(**kiosk, 0, 3, handed);
    REQUIRE(service::writeHighWater((*kiosk)->siteData()).ok());
  }
  REQUIRE(service::restoreBackup(backup, dir, init->recoveryCode).ok());
  auto site = service::Site::openDespiteLoss(dir, clock);
  REQUIRE(site.ok());
  auto again = service::writeHighWater(**site);
  REQUIRE_FALSE(again.ok());
  CHECK_THAT(again.error().message, Catch::Contains("events are missing"));
}

TEST_CASE("a mark's text from a card is read strictly") {
  service::HighWaterMark m;
  m.deviceId = "K7QX";
  m.seq = 42;
  m.hash = std::string(32, '\x11');
  m.atMs = 1764400000000;
  m.writtenMs = 1764400005000;
  m.counters = {{"record", 40}, {"ticket:gp:20421", 12}};
  m.signature = std::string(64, '\x22');
  const std::string good = service::formatMark(m);
  auto back = service::parseMark(good);
  REQUIRE(back.ok());
  CHECK(back->seq == 42);
  CHECK(back->counters == m.counters);
  CHECK(back->signature == m.signature);

  auto refused = [](const std::string& text) {
    auto r = service::parseMark(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::kInvalidInput);
    CHECK_THAT(r.error().message, Catch::StartsWith("The high-water mark is not one Longstop wrote"));
  };
  refused("");
  refused("LSHW1\n");
  refused(good.substr(0, good.size() - 1));  // cut short
  refused("LSHW2" + good.substr(5));         // another format
  std::string text = good;
  refused(text.replace(text.find("seq 42"), 6, "seq -4"));  // not a number
  text = good;
  refused(text.replace(text.find("hash "), 7, "hash zz"));  // not hex
  text = good;
  refused(text.replace(text.find("counter record"), 14, "counter re cord"));
  refused(good + "sig 00\n");                   // a second signature where it ends
  refused(std::string(70 * 1024, 'A') + "\n");  // longer than any mark
  std::string nul = good;
  nul[nul.find("K7QX")] = '\0';
  refused(nul);
}

TEST_CASE("after a restore from an older backup, the next batch does not take a lost batch's number") {
  test::TempDir tmp;
  const fs::path dir = tmp / "site";
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  auto init = service::Site::create(dir, {"B82005", "Mark test", {}}, clock);
  REQUIRE(init.ok());
  const exporter::OrgKeyPair org = exporter::makeOrgKeyPair();
  // Makes a batch of what is unexported, as the desk's Make batch does; returns its number.
  const auto exportNow = [&](service::Site& site) {
    auto admin = service::recoverySession(site, init->recoveryCode);
    REQUIRE(admin.ok());
    auto batch = service::exportBatch(site, admin.value()->secrets());
    REQUIRE(batch.ok());
    return batch->seq;
  };
  Handed handed;
  fs::path backup;
  {
    auto kiosk = service::openKiosk(dir, clock);
    REQUIRE(kiosk.ok());
    service::Site& site = (*kiosk)->siteData();
    auto admin = service::recoverySession(site, init->recoveryCode);
    REQUIRE(admin.ok());
    REQUIRE(service::setRecipient(site, *admin.value(), org.pub.text()).ok());
    checkIn(**kiosk, 0, 3, handed);
    CHECK(exportNow(site) == 1);
    auto b = service::backupSite(dir, tmp / "backups", 7);
    REQUIRE(b.ok());
    backup = b->file;
    clock.advanceMs(30 * 60000);
    checkIn(**kiosk, 3, 3, handed);
    CHECK(exportNow(site) == 2);  // batch 2 may have gone to the practice; the export moves the mark
  }
  REQUIRE(service::restoreBackup(backup, dir, init->recoveryCode).ok());
  {
    auto site = service::Site::openDespiteLoss(dir, clock);
    REQUIRE(site.ok());
    REQUIRE(service::recordLoss(**site).ok());
  }
  auto kiosk = service::openKiosk(dir, clock);
  REQUIRE(kiosk.ok());
  checkIn(**kiosk, 6, 1, handed);
  CHECK(exportNow((*kiosk)->siteData()) == 3);
}

// A new site writes its first mark as it is made, so even a copy from before its first check-in says
// a mark was written: put back with the mark deleted, it is seen (before, it looked like a site from
// before marks and opened as if whole).
TEST_CASE("a copy from before any check-in, put back with the mark deleted, is seen") {
  test::TempDir tmp;
  const fs::path dir = tmp / "site";
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  auto init = service::Site::create(dir, {"B82005", "Mark test", {}}, clock);
  REQUIRE(init.ok());
  CHECK(fs::exists(service::highWaterPath(dir)));
  auto early = service::backupSite(dir, tmp / "backups", 7);
  REQUIRE(early.ok());
  Handed handed;
  {
    auto kiosk = service::openKiosk(dir, clock);
    REQUIRE(kiosk.ok());
    clock.advanceMs(60 * 60000);
    checkIn(**kiosk, 0, 5, handed);
    REQUIRE(service::writeHighWater((*kiosk)->siteData()).ok());
  }
  REQUIRE(service::restoreBackup(early->file, dir, init->recoveryCode).ok());
  fs::remove(service::highWaterPath(dir));
  auto opened = service::Site::open(dir, clock);
  REQUIRE_FALSE(opened.ok());
  CHECK_THAT(opened.error().message,
             Catch::Contains("is missing, though this database says one was written"));
}

TEST_CASE("status says whether a copy put back from before the first mark could be seen") {
  test::TempDir tmp;
  const fs::path dir = tmp / "site";
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  REQUIRE(service::Site::create(dir, {"B82005", "Mark test", {}}, clock).ok());
  {
    auto site = service::Site::open(dir, clock);
    REQUIRE(site.ok());
    auto s = service::highWaterStatus((*site)->db());
    REQUIRE(s.ok());
    CHECK(s->kept);
    CHECK(s->sinceCreation);
    CHECK(service::describeHighWater(*s, 0) ==
          "High-water mark kept since the site was made: a copy put back is detected.");
    // As a site made before marks existed: no file, and nothing in the database says one was written.
    REQUIRE((*site)->db().exec("DELETE FROM meta WHERE key IN ('high_water', 'high_water_since')").ok());
    fs::remove(service::highWaterPath(dir));
  }
  {
    auto site = service::Site::open(dir, clock);
    REQUIRE(site.ok());
    auto s = service::highWaterStatus((*site)->db());
    REQUIRE(s.ok());
    CHECK_FALSE(s->kept);
    CHECK_THAT(service::describeHighWater(*s, 0), Catch::StartsWith("No high-water mark yet: a copy of this "
                                                                    "database put back from before the first "
                                                                    "one is written cannot be detected"));
    clock.advanceMs(2 * 3600'000 + 15 * 60'000);
    REQUIRE(service::writeHighWater(**site).ok());
    s = service::highWaterStatus((*site)->db());
    REQUIRE(s.ok());
    CHECK(s->kept);
    CHECK_FALSE(s->sinceCreation);
    CHECK(service::describeHighWater(*s, 0) ==
          "High-water mark kept since 2026-11-29 11:15: a copy put back from before 11:15 that day, with the "
          "mark deleted, cannot be detected.");
  }
}
