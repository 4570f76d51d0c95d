#include <catch2/catch.hpp>

#include "crypto/primitives.h"
#include "service/scan_actions.h"
#include "service/site.h"
#include "support/temp_dir.h"

using namespace longstop;
using service::ScanValidity;

namespace {

struct SiteFixture {
  test::TempDir dir;
  core::ManualClock clock{core::Instant{1'790'000'000'000, 0}};
  std::unique_ptr<service::Site> site;
  SiteFixture() {
    REQUIRE(crypto::initialise());
    REQUIRE(service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock).ok());
    auto s = service::Site::open(dir / "site", clock);
    REQUIRE(s.ok());
    site = std::move(s.value());
  }
  std::string device() const { return site->info().deviceId; }
};

}  // namespace

TEST_CASE("scan actions: a ticket made here is valid; a changed MAC or record is not") {
  SiteFixture f;
  const std::string record = f.device() + "-000123";
  const std::string good = "LST1:" + record + ":" + f.site->ticketMac(record);
  auto out = service::classifyScan(*f.site, good);
  CHECK(out.kind == core::PayloadKind::kTicket);
  CHECK(out.validity == ScanValidity::kValid);
  REQUIRE(out.payload);
  CHECK(std::get<core::TicketCode>(out.payload->fields).recordId == record);

  const std::string other = f.device() + "-000124";
  auto forged = service::classifyScan(*f.site, "LST1:" + other + ":" + f.site->ticketMac(record));
  CHECK(forged.kind == core::PayloadKind::kTicket);
  CHECK(forged.validity == ScanValidity::kInvalid);
  CHECK(forged.message == "This ticket wasn't issued here — please see reception.");
}

TEST_CASE("scan actions: appointment codes are checked for practice and MAC") {
  SiteFixture f;
  const std::string mac = f.site->appointmentCodeMac("A1001");
  CHECK(mac.size() == 8);
  CHECK(mac != f.site->appointmentCodeMac("A1002"));
  CHECK(service::classifyScan(*f.site, "LSA1:B82005:A1001:" + mac).validity == ScanValidity::kValid);
  CHECK(service::classifyScan(*f.site, "LSA1:B82005:A1002:" + mac).validity == ScanValidity::kInvalid);
  auto elsewhere = service::classifyScan(*f.site, "LSA1:Y12345:A1001:" + mac);
  CHECK(elsewhere.validity == ScanValidity::kInvalid);
  CHECK(elsewhere.message == "This appointment code is for another practice — please see reception.");
}

TEST_CASE("scan actions: unknown and damaged texts say so, unchecked codes say not checked") {
  SiteFixture f;
  auto unknown = service::classifyScan(*f.site, "https://example.com");
  CHECK(unknown.kind == core::PayloadKind::kUnknown);
  CHECK(unknown.validity == ScanValidity::kInvalid);
  CHECK(unknown.message == "This code isn't one we recognise — please see reception.");
  auto damaged = service::classifyScan(*f.site, "LST1:K7QX-000123:XYZ");
  CHECK(damaged.kind == core::PayloadKind::kTicket);
  CHECK(damaged.validity == ScanValidity::kInvalid);
  CHECK(service::classifyScan(*f.site, "943 476 5919").validity == ScanValidity::kValid);
  CHECK(service::classifyScan(*f.site, "943 476 5918").validity == ScanValidity::kInvalid);
  CHECK(service::classifyScan(*f.site, "LSS1:K7QX23:ABCDEFGHIJKLMNOPQRSTUVWXYZ").kind ==
        core::PayloadKind::kStaffCard);
  CHECK(service::classifyScanUnchecked("LST1:K7QX-000123:9C3B455C").validity == ScanValidity::kNotChecked);
  CHECK(service::scanValidityName(ScanValidity::kNotChecked) == "not checked");
}

TEST_CASE("scan actions: a batch acknowledgement must be for this site and device") {
  SiteFixture f;
  const std::string sig(85, 'A');
  auto ours =
      service::classifyScan(*f.site, "LSK1:B82005:" + f.device() + ":3:0123456789abcdef:" + sig + "A");
  CHECK(ours.kind == core::PayloadKind::kBatchAck);
  CHECK(ours.validity == ScanValidity::kValid);
  const std::string otherDevice = f.device() == "ABCD" ? "EFGH" : "ABCD";
  CHECK(service::classifyScan(*f.site, "LSK1:B82005:" + otherDevice + ":3:0123456789abcdef:" + sig + "A")
            .validity == ScanValidity::kInvalid);
}

TEST_CASE("scan debouncer: the same text within the window is ignored, others are not") {
  core::ManualClock clock{core::Instant{1'000'000, 0}};
  service::ScanDebouncer d(clock, 3000);
  CHECK(d.accept("A"));
  CHECK_FALSE(d.accept("A"));
  CHECK(d.accept("B"));
  clock.advanceMs(2000);
  CHECK_FALSE(d.accept("A"));  // seen again: its window restarts
  clock.advanceMs(2999);
  CHECK_FALSE(d.accept("A"));
  clock.advanceMs(3000);
  CHECK(d.accept("A"));
  d.clear();
  CHECK(d.accept("A"));
  for (int i = 0; i < 500; ++i) CHECK(d.accept("code " + std::to_string(i)));  // memory stays bounded
}
