// StaffDesk over a real site, its files and SQLite. Making and copying a batch run on a worker thread
// over a database connection of their own; the caller only polls: while another connection holds the
// write lock, the batch waits to be recorded and the caller's thread goes on, seeing the progress so
// far and no result. The day's list (names) goes only to a USB stick that is there.
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include "fixture.h"
#include "service/staff_desk.h"
#include "store/batches.h"
#include "store/database.h"

using namespace longstop;
using namespace std::chrono_literals;

namespace {

struct DeskFixture : test::ExportFixture {
  service::StaffDesk desk{*kiosk, dir / "lists"};
  std::string card;

  DeskFixture() {
    auto c = service::addStaff(site(), *admin, "Jo Reception", service::StaffRole::kReception, "24681012");
    REQUIRE(c.ok());
    card = c->cardText;
    REQUIRE(desk.signIn(card, "24681012").ok());
  }

  // Polls as the screen does until the result comes; every distinct report seen is kept.
  service::ExportWorkResult waitForResult(std::vector<service::WorkProgressView>* seen = nullptr) {
    const auto until = std::chrono::steady_clock::now() + 30s;
    for (;;) {
      if (auto r = desk.takeExportResult()) return *r;
      if (auto p = desk.exportProgress();
          p && seen && (seen->empty() || seen->back().done != p->done || seen->back().stage != p->stage))
        seen->push_back(*p);
      REQUIRE(std::chrono::steady_clock::now() < until);
      std::this_thread::sleep_for(1ms);
    }
  }

  // Waits until the work reports `stage`.
  void waitForStage(const std::string& stage) {
    const auto until = std::chrono::steady_clock::now() + 30s;
    for (;;) {
      auto p = desk.exportProgress();
      REQUIRE(p);
      if (p->stage == stage) return;
      REQUIRE(std::chrono::steady_clock::now() < until);
      std::this_thread::sleep_for(1ms);
    }
  }

  // Another connection to the same file taking the write lock (as the board, a backup or a check-in might).
  std::unique_ptr<store::Database> lockDatabase() {
    auto other = store::Database::open(service::Site::databasePath(dir / "site"), {});
    REQUIRE(other.ok());
    REQUIRE(other.value()->exec("BEGIN IMMEDIATE").ok());
    return std::move(other.value());
  }

  std::optional<store::BatchRow> lastBatch() {
    auto b = store::lastBatch(site().db());
    REQUIRE(b.ok());
    return b.value();
  }
};

}  // namespace

TEST_CASE("export worker: the batch is made off the caller's thread, with progress, and recorded once") {
  DeskFixture f;
  f.setRecipient();
  f.morning();
  f.desk.TEST_paceWork(20);  // each report stays long enough for the poll below to see it
  auto lock = f.lockDatabase();

  REQUIRE(f.desk.startMakeBatch().ok());
  std::vector<service::WorkProgressView> seen;
  const auto until = std::chrono::steady_clock::now() + 30s;
  for (;;) {  // up to the file written and read back: only recording it needs the lock
    auto p = f.desk.exportProgress();
    REQUIRE(p);
    if (seen.empty() || seen.back().done != p->done || seen.back().stage != p->stage) seen.push_back(*p);
    if (p->stage == "Checking" && p->total > 0 && p->done == p->total) break;
    REQUIRE(std::chrono::steady_clock::now() < until);
    std::this_thread::sleep_for(1ms);
  }
  // The work waits for the lock; this thread is free, sees no result, and nothing is recorded yet.
  CHECK_FALSE(f.desk.takeExportResult());
  CHECK_FALSE(f.lastBatch());
  // One thing at a time.
  CHECK(f.desk.startMakeBatch().error().code == core::ErrorCode::kConflict);
  CHECK(f.desk.startCopyBatch(1, f.dir / "usb").error().code == core::ErrorCode::kConflict);
  REQUIRE(lock->exec("COMMIT").ok());

  const service::ExportWorkResult r = f.waitForResult();
  INFO((r.error ? r.error->message : std::string()));
  REQUIRE_FALSE(r.error);
  REQUIRE(r.made);
  CHECK(r.made->seq == 1);
  CHECK(r.made->records == 5);
  CHECK(std::filesystem::file_size(service::batchesDir(f.site()) / r.made->fileName) ==
        static_cast<uintmax_t>(r.made->bytes));
  REQUIRE(f.lastBatch());
  CHECK(f.lastBatch()->recordCount == 5);
  CHECK_FALSE(f.desk.takeExportResult());  // handed over once
  CHECK_FALSE(f.desk.exportProgress());

  // The reports came in order: records opened one by one, then the file written, then read back.
  bool partWay = false;
  for (const auto& p : seen) partWay |= p.stage == "Opening records" && p.done > 0 && p.done < p.total;
  CHECK(partWay);
  std::vector<std::string> stages;
  for (const auto& p : seen)
    if (stages.empty() || stages.back() != p.stage) stages.push_back(p.stage);
  CHECK(stages == std::vector<std::string>{"Starting", "Opening records", "Writing", "Checking"});
}

TEST_CASE("export worker: a copy to the stick is written and read back on the worker, then reported") {
  DeskFixture f;
  f.setRecipient();
  f.morning();
  REQUIRE(f.desk.startMakeBatch().ok());
  const service::ExportWorkResult made = f.waitForResult();
  REQUIRE(made.made);

  std::filesystem::create_directories(f.dir / "usb");
  f.desk.TEST_paceWork(20);
  REQUIRE(f.desk.startCopyBatch(1, f.dir / "usb").ok());
  std::vector<service::WorkProgressView> seen;
  const service::ExportWorkResult copied = f.waitForResult(&seen);
  REQUIRE_FALSE(copied.error);
  CHECK(copied.copiedTo == f.dir / "usb" / made.made->fileName);
  CHECK(test::readAll(copied.copiedTo) == test::readAll(service::batchesDir(f.site()) / made.made->fileName));
  bool wrote = false, checked = false;
  for (const auto& p : seen) {
    wrote |= p.stage == "Writing";
    checked |= p.stage == "Checking" && p.done == made.made->bytes;
  }
  CHECK(wrote);
  CHECK(checked);

  // A stick that is not there: the work reports why, and nothing claims it is safe.
  REQUIRE(f.desk.startCopyBatch(1, f.dir / "no-such-stick").ok());
  const service::ExportWorkResult missing = f.waitForResult();
  REQUIRE(missing.error);
  CHECK(missing.copiedTo.empty());
}

TEST_CASE("export worker: refusals come back as the result, and no session starts nothing") {
  DeskFixture f;
  f.walkIn("Smith", "Ann", {1984, 3, 7});
  REQUIRE(f.desk.startMakeBatch().ok());
  const service::ExportWorkResult r = f.waitForResult();
  REQUIRE(r.error);
  CHECK(r.error->message.find("longstopctl recipient set") != std::string::npos);
  CHECK_FALSE(f.lastBatch());

  f.desk.signOut("sign-out");
  CHECK(f.desk.startMakeBatch().error().code == core::ErrorCode::kUnauthorised);
  CHECK(f.desk.startCopyBatch(1, f.dir.path()).error().code == core::ErrorCode::kUnauthorised);
}

TEST_CASE("export worker: signing out halfway lets the batch finish for nobody; the next session goes on") {
  DeskFixture f;
  f.setRecipient();
  f.morning();
  f.desk.TEST_paceWork(50);
  REQUIRE(f.desk.startMakeBatch().ok());
  f.waitForStage("Opening records");
  f.desk.signOut("sign-out");      // the session's keys are wiped; the work has its own copy
  CHECK(f.desk.exportProgress());  // and goes on
  const auto until = std::chrono::steady_clock::now() + 30s;
  while (f.desk.exportProgress()) {
    REQUIRE(std::chrono::steady_clock::now() < until);
    std::this_thread::sleep_for(1ms);
  }
  CHECK_FALSE(f.desk.takeExportResult());  // nobody asked for it any more
  REQUIRE(f.lastBatch());
  CHECK(f.lastBatch()->seq == 1);
  CHECK(f.lastBatch()->recordCount == 5);

  REQUIRE(f.desk.signIn(f.card, "24681012").ok());
  f.walkIn("Green", "Tom", {1975, 8, 9});
  REQUIRE(f.desk.startMakeBatch().ok());
  const service::ExportWorkResult next = f.waitForResult();
  REQUIRE(next.made);
  CHECK(next.made->seq == 2);
  CHECK(next.made->records == 1);
}

TEST_CASE("export worker: the desk going away waits for the work, which is recorded") {
  test::ExportFixture f;
  f.setRecipient();
  f.morning();
  auto c = service::addStaff(f.site(), *f.admin, "Jo Reception", service::StaffRole::kReception, "24681012");
  REQUIRE(c.ok());
  {
    service::StaffDesk desk(*f.kiosk, f.dir / "lists");
    REQUIRE(desk.signIn(c->cardText, "24681012").ok());
    desk.TEST_paceWork(30);
    REQUIRE(desk.startMakeBatch().ok());
  }  // joined here
  auto b = store::lastBatch(f.site().db());
  REQUIRE(b.ok());
  REQUIRE(b.value());
  CHECK(b.value()->recordCount == 5);
}

TEST_CASE("staff desk: Save list writes only to a USB stick that is there, the one Export uses") {
  test::ExportFixture f;
  f.walkIn("Smith", "Ann", {1984, 3, 7});
  auto c = service::addStaff(f.site(), *f.admin, "Jo Reception", service::StaffRole::kReception, "24681012");
  REQUIRE(c.ok());
  service::StaffDesk desk(*f.kiosk, {});  // no list folder: a USB stick
  desk.TEST_useMediaFolder(f.dir / "stick");
  REQUIRE(desk.signIn(c->cardText, "24681012").ok());

  auto none = desk.saveList();  // the stick's folder does not exist: nothing is plugged in
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message == "No USB stick found. Plug one in and try again.");
  CHECK_FALSE(std::filesystem::exists(f.dir / "stick"));

  std::filesystem::create_directories(f.dir / "stick");
  auto saved = desk.saveList();
  REQUIRE(saved.ok());
  CHECK(saved->parent_path() == f.dir / "stick");
  CHECK(test::readAll(*saved).find("Smith") != std::string::npos);
  CHECK(desk.removableMedia() == std::vector<std::filesystem::path>{f.dir / "stick"});
}

TEST_CASE("staff desk: Save list is readable by its owner only, whatever the umask, and replaced whole") {
  test::ExportFixture f;
  f.walkIn("Smith", "Ann", {1984, 3, 7});
  auto c = service::addStaff(f.site(), *f.admin, "Jo Reception", service::StaffRole::kReception, "24681012");
  REQUIRE(c.ok());
  std::filesystem::create_directories(f.dir / "lists");
  service::StaffDesk desk(*f.kiosk, f.dir / "lists");
  REQUIRE(desk.signIn(c->cardText, "24681012").ok());

  const mode_t before = ::umask(0);  // the widest a process could have: the file must still be 0600
  const core::Instant at = f.clock.now();
  auto saved = desk.saveList();
  f.walkIn("Jones", "Bob", {1990, 1, 2});
  f.clock.set(at);
  auto again = desk.saveList();  // the same minute, so the same name: the file is replaced
  ::umask(before);
  REQUIRE(saved.ok());
  REQUIRE(again.ok());
  CHECK(*again == *saved);
  struct stat st {};
  REQUIRE(::stat(saved->c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  const std::string csv = test::readAll(*saved);
  CHECK(csv.rfind("ticket,queue,state,priority,arrived,waited_min,appointment,clinician,surname,forenames,"
                  "date_of_birth,nhs_number,flags\r\n",
                  0) == 0);
  CHECK(csv.find(",Smith,Ann,1984-03-07,") != std::string::npos);
  CHECK(csv.find(",Jones,Bob,1990-01-02,") != std::string::npos);
  // Nothing else is left in the folder: no temporary file beside the list.
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(f.dir / "lists")) files.push_back(e.path());
  CHECK(files == std::vector<std::filesystem::path>{*saved});
}
