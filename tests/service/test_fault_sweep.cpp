// Every write, sync and read of a check-in, a call and an export made to fail in turn, through a
// fault-injection VFS (SQLite's own testing approach): each fault is refused with a sentence for a
// person, and afterwards, reopened the ordinary way, everything acknowledged is there, the failed step
// left nothing half-written, and the log verifies.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <functional>

#include "exporter/org_keys.h"
#include "service/export.h"
#include "service/import.h"
#include "service/kiosk.h"
#include "service/queue_actions.h"
#include "service/site_check.h"
#include "service/staff.h"
#include "support/clocks.h"
#include "support/fault_vfs.h"
#include "support/temp_dir.h"

using namespace longstop;
namespace fs = std::filesystem;

namespace {

const bool kSodiumReady = crypto::initialise();

int64_t count(store::Database& db, const std::string& sql) {
  auto st = db.prepare(sql);
  REQUIRE(st.ok());
  REQUIRE(st->step().value_or(false));
  return st->columnInt(0);
}

// What a step is asked to do on a site open on the fault VFS, and what it leaves when it succeeds.
struct Step {
  const char* name;
  // Does the step; true when it was acknowledged (the caller then expects its effect to be there).
  std::function<core::Status(service::Kiosk&, service::StaffSession&)> run;
  std::string effect;  // a count that is one more once the step is acknowledged
};

struct Template {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  std::string code;
  exporter::OrgKeyPair org = exporter::makeOrgKeyPair();

  Template() {
    REQUIRE(kSodiumReady);
    auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
    REQUIRE(init.ok());
    code = init->recoveryCode;
    auto k = service::openKiosk(dir / "site", clock);
    REQUIRE(k.ok());
    auto admin = service::recoverySession((*k)->siteData(), code);
    REQUIRE(admin.ok());
    REQUIRE(service::setRecipient((*k)->siteData(), **admin, org.pub.text()).ok());
    for (int i = 0; i < 3; ++i)
      REQUIRE((*k)->checkInWalkIn(walkIn("Before" + std::to_string(i)), false).ok());
  }
  static service::WalkInRequest walkIn(const std::string& surname) {
    service::WalkInRequest req;
    req.patient.surname = surname;
    req.patient.forenames = "Ann";
    req.patient.dateOfBirth = {1984, 3, 7};
    req.queueId = "walkin";
    return req;
  }
};

struct Outcome {
  int64_t points = 0;   // faults injected
  int64_t refused = 0;  // of which the step was refused
};

// Runs `step` once per operation of kind `op` that it makes, failing that one with `code`.
Outcome sweep(Template& t, const Step& step, test::FaultOp op, int code) {
  Outcome out;
  REQUIRE(test::registerFaultVfs());
  for (int64_t n = 1;; ++n) {
    test::TempDir run;
    fs::copy(t.dir / "site", run / "site", fs::copy_options::recursive);
    int64_t before = 0, events = 0;
    bool acknowledged = false, fired = false;
    {
      // A step reads nothing its connection has not cached already: reads are failed from the open on.
      const bool fromOpen = op == test::FaultOp::kRead;
      if (fromOpen) test::armFault(op, n, code);
      auto site = service::Site::open(run / "site", t.clock, test::kFaultVfs);
      if (!site.ok()) {
        INFO("open with a fault at read " << n << ": " << site.error().message);
        REQUIRE(test::faultFired());
        test::disarmFault();
        CHECK(site.error().code == core::ErrorCode::kStorage);
        CHECK(site.error().message.find("nothing was changed") != std::string::npos);
        ++out.points;
        ++out.refused;
        REQUIRE(fs::exists(run / "site" / "longstop.db"));
        auto check =
            service::checkSite(**store::Database::open(service::Site::databasePath(run / "site"), {}));
        CHECK(check->sound());
        continue;
      }
      service::Kiosk kiosk(std::move(site.value()));
      before = count(kiosk.siteData().db(), step.effect);
      events = count(kiosk.siteData().db(), "SELECT count(*) FROM events");
      auto admin = service::recoverySession(kiosk.siteData(), t.code);
      REQUIRE(admin.ok());
      if (!fromOpen) test::armFault(op, n, code);
      const core::Status s = step.run(kiosk, **admin);
      fired = test::faultFired();
      test::disarmFault();
      acknowledged = s.ok();
      if (!s.ok()) {
        INFO(step.name << " fault at operation " << n << ": " << s.error().message);
        CHECK(s.error().code == core::ErrorCode::kStorage);
        CHECK(s.error().message.size() > 20);
        if (code == SQLITE_FULL) CHECK(s.error().message.find("The data card is full") != std::string::npos);
      }
    }
    if (!fired) {
      REQUIRE(acknowledged);  // the step made fewer than n such operations: the sweep is done
      break;
    }
    ++out.points;
    if (!acknowledged) ++out.refused;
    auto db = store::Database::open(service::Site::databasePath(run / "site"), {});
    REQUIRE(db.ok());
    INFO(step.name << ", fault at operation " << n << (acknowledged ? " (acknowledged)" : " (refused)"));
    CHECK(count(**db, step.effect) == before + (acknowledged ? 1 : 0));
    CHECK(count(**db, "SELECT count(*) FROM checkins") >= 3);
    if (!acknowledged) CHECK(count(**db, "SELECT count(*) FROM events") == events);
    auto check = service::checkSite(**db);
    REQUIRE(check.ok());
    CHECK(check->sound());
  }
  return out;
}

}  // namespace

TEST_CASE(
    "a fault at any write, sync or read of a check-in, a call or an export is refused and loses nothing") {
  Template t;
  const std::vector<Step> steps = {
      {"check-in",
       [](service::Kiosk& kiosk, service::StaffSession&) -> core::Status {
         auto r = kiosk.checkInWalkIn(Template::walkIn("During"), false);
         return r.ok() ? core::okStatus() : core::Status(r.error());
       },
       "SELECT count(*) FROM checkins"},
      {"call",
       [](service::Kiosk& kiosk, service::StaffSession& who) -> core::Status {
         auto r = service::callNext(kiosk.siteData(), who, "walkin");
         if (!r.ok()) return r.error();
         return r->has_value() ? core::okStatus() : core::internalError("nobody to call");
       },
       "SELECT count(*) FROM checkins WHERE state = 'called'"},
      {"export",
       [](service::Kiosk& kiosk, service::StaffSession& who) -> core::Status {
         auto r = service::exportBatch(kiosk.siteData(), who.secrets());
         return r.ok() ? core::okStatus() : core::Status(r.error());
       },
       "SELECT count(*) FROM batches"},
  };
  int64_t points = 0, refused = 0;
  for (const Step& step : steps)
    for (auto op : {test::FaultOp::kWrite, test::FaultOp::kSync, test::FaultOp::kRead})
      for (int code : {SQLITE_IOERR, SQLITE_FULL}) {
        if (op != test::FaultOp::kWrite && code == SQLITE_FULL) continue;  // only a write finds a card full
        const Outcome o = sweep(t, step, op, code);
        CHECK(o.points > 0);
        points += o.points;
        refused += o.refused;
      }
  std::printf(
      "fault sweep: %lld fault points over a check-in, a call and an export; %lld refused, %lld "
      "acknowledged and kept\n",
      static_cast<long long>(points), static_cast<long long>(refused),
      static_cast<long long>(points - refused));
}
