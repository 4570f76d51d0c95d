#include <catch2/catch.hpp>

#include "service/drill.h"
#include "service/kiosk.h"
#include "service/queue_actions.h"
#include "service/staff.h"
#include "support/clocks.h"
#include "support/temp_dir.h"

using namespace longstop;

namespace {
std::string snapshot(const std::filesystem::path& dir) {
  std::string all;
  for (const char* f : {"longstop.db", "longstop.db-wal"})
    if (std::filesystem::exists(dir / f)) all += test::readAll(dir / f);
  return all;
}
}  // namespace

TEST_CASE("a drill runs on its own synthetic site and leaves the real data untouched") {
  test::TempDir tmp;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  const auto real = tmp / "site";
  REQUIRE(service::Site::create(real, {"B82005", "Riverside", {}}, clock).ok());
  {
    auto k = service::openKiosk(real, clock);
    service::WalkInRequest req;
    req.patient.surname = "Realperson";
    req.patient.forenames = "A";
    req.patient.dateOfBirth = {1960, 1, 1};
    REQUIRE((*k)->checkInWalkIn(req, false).ok());
  }
  const std::string before = snapshot(real);

  auto drill = service::startDrill(real, "Riverside", clock);
  REQUIRE(drill.ok());
  CHECK(drill->dataDir == real / "drill");
  auto k = service::openKiosk(drill->dataDir, clock);
  REQUIRE(k.ok());
  CHECK((*k)->site().name == "Riverside (PRACTICE)");
  auto match = (*k)->findAppointment({{1984, 3, 7}, 'S', core::Sex::kFemale});
  REQUIRE(match->outcome == core::MatchOutcome::kOne);
  auto ticket = (*k)->checkInAppointment(match->appointment->appointmentId, false);
  REQUIRE(ticket.ok());
  auto session = service::signIn((*k)->siteData(), drill->practiceCard, drill->practicePin);
  REQUIRE(session.ok());
  REQUIRE(service::callNext((*k)->siteData(), **session, ticket->queueId).ok());
  REQUIRE(service::recordDrillStep((*k)->siteData(), "patient check-in", 41'000).ok());
  REQUIRE(service::recordDrillStep((*k)->siteData(), "patient check-in", 63'000).ok());
  REQUIRE(service::recordDrillStep((*k)->siteData(), "export", 5'000, true, "no USB stick to hand").ok());

  auto report = service::drillReport((*k)->siteData());
  REQUIRE(report.ok());
  CHECK(report->find("checkin: 1") != std::string::npos);
  CHECK(report->find("call: 1") != std::string::npos);
  CHECK(report->find("patient check-in: 63 s, 63 s (2 times)") != std::string::npos);
  CHECK(report->find("export: no USB stick to hand") != std::string::npos);
  auto file = service::exportDrillReport((*k)->siteData(), tmp.path());
  REQUIRE(file.ok());
  CHECK(test::readAll(file.value()) == report.value());

  CHECK(snapshot(real) == before);
  // Starting again discards the previous drill's data.
  k->reset();
  auto again = service::startDrill(real, "Riverside", clock);
  REQUIRE(again.ok());
  auto k2 = service::openKiosk(again->dataDir, clock);
  CHECK(service::drillReport((*k2)->siteData())->find("checkin: 1") == std::string::npos);
}
