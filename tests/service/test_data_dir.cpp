// A data directory is only ever "a new kiosk" when nothing of Longstop's is in it: a site whose
// database was set aside, or a directory that cannot be read, must never be set up over.
#include <catch2/catch.hpp>

#include "service/admin_desk.h"
#include "service/data_dir.h"
#include "service/kiosk.h"
#include "service/site.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;
namespace fs = std::filesystem;
using service::DataDirState;

namespace {
core::ManualClock makeClock() {
  return core::ManualClock{test::localTime(2026, 12, 3, 9, 0)};
}
}  // namespace

TEST_CASE("a missing or empty directory, or one holding only a data partition's lost+found, is new") {
  test::TempDir dir;
  CHECK(service::probeDataDir(dir / "missing").state == DataDirState::kEmpty);
  CHECK(service::probeDataDir(dir.path()).state == DataDirState::kEmpty);
  fs::create_directory(dir / "lost+found");
  fs::create_directory(dir / "backups");  // made by the backup unit, still empty
  CHECK(service::probeDataDir(dir.path()).state == DataDirState::kEmpty);
}

TEST_CASE("a site whose database was set aside is not a new kiosk, and says what to do") {
  test::TempDir dir;
  auto clock = makeClock();
  const fs::path data = dir / "site";
  REQUIRE(service::createDemoSite(data, clock).ok());
  CHECK(service::probeDataDir(data).state == DataDirState::kSite);
  fs::rename(data / "longstop.db", data / "longstop.db.damaged-1");

  const auto found = service::probeDataDir(data);
  CHECK(found.state == DataDirState::kNoDatabase);
  CHECK(found.message.find("longstop.db.damaged-1") != std::string::npos);
  CHECK(found.message.find("not a new kiosk") != std::string::npos);
  CHECK(found.message.find("backup restore") != std::string::npos);

  auto opened = service::Site::open(data, clock);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().code == core::ErrorCode::kCorrupt);  // not "no site here, run init"
  CHECK(opened.error().message.find("damaged-1") != std::string::npos);
  // The setup wizard's own refusal stands behind it: nothing is made over the kept files.
  service::AdminDesk desk(data, clock);
  service::SetupAnswers answers;
  answers.siteName = "Riverside Surgery";
  answers.odsCode = "B82005";
  answers.queues = {{"gp", "GP appointments", 'A', "Room 1"}};
  CHECK_FALSE(desk.createSite(answers).ok());
  CHECK_FALSE(fs::exists(data / "longstop.db"));
}

TEST_CASE("backups alone are not a new kiosk either") {
  test::TempDir dir;
  fs::create_directories(dir / "backups");
  test::writeAll(dir / "backups" / "longstop-20261203-0900.backup", "sealed");
  CHECK(service::probeDataDir(dir.path()).state == DataDirState::kNoDatabase);
}

TEST_CASE("a data directory that is a file, or a database that is a directory, is refused without throwing") {
  test::TempDir dir;
  test::writeAll(dir / "file", "x");
  auto found = service::probeDataDir(dir / "file");
  CHECK(found.state == DataDirState::kUnreadable);
  CHECK(found.message.find("not a directory") != std::string::npos);
  fs::create_directories(dir / "odd" / "longstop.db");
  CHECK(service::probeDataDir(dir / "odd").state == DataDirState::kUnreadable);
  auto clock = makeClock();
  auto opened = service::Site::open(dir / "file", clock);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().code == core::ErrorCode::kStorage);
}

TEST_CASE("a site can be made beside a data partition's lost+found, and over nothing else") {
  test::TempDir dir;
  auto clock = makeClock();
  fs::create_directories(dir / "part" / "lost+found");
  CHECK(service::Site::create(dir / "part", {"B82005", "Riverside Surgery", {}}, clock).ok());
  fs::create_directories(dir / "other");
  test::writeAll(dir / "other" / "notes.txt", "someone's file");
  auto made = service::Site::create(dir / "other", {"B82005", "Riverside Surgery", {}}, clock);
  REQUIRE_FALSE(made.ok());
  CHECK(made.error().code == core::ErrorCode::kConflict);
}
