// What a thief who writes to the card can no longer slip past: a planted recipient key (sealed exports
// to the attacker), a deleted tail of the log, a rewritten event, a reset lockout, a planted signing key.
// Each is changed with SQLite alone, around the append-only triggers, as on a laptop; `verify`'s checks
// (service::checkSite) must find it, and export must refuse the planted key.
#include <catch2/catch.hpp>

#include "../exporter/fixture.h"
#include "service/site_check.h"
#include "service/staff.h"

using namespace longstop;

namespace {

bool mentions(const service::SiteCheck& c, const std::string& words) {
  for (const auto& p : c.problems)
    if (p.find(words) != std::string::npos) return true;
  return false;
}

struct Tampered : test::ExportFixture {
  Tampered() {
    setRecipient();
    morning();
    REQUIRE(service::checkSite(site().db())->sound());
  }
  void sql(const std::string& q) {
    REQUIRE(site()
                .db()
                .exec("DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;")
                .ok());
    REQUIRE(site().db().exec(q).ok());
  }
};

}  // namespace

TEST_CASE("a planted recipient key is found by verify and refused by export") {
  Tampered f;
  exporter::OrgKeyPair attacker = exporter::makeOrgKeyPair();
  const std::string id = attacker.pub.keyId();
  REQUIRE(store::setMeta(f.site().db(), "recipient:" + id, attacker.pub.text()).ok());
  REQUIRE(store::setMeta(f.site().db(), "recipient", id).ok());
  auto c = service::checkSite(f.site().db());
  REQUIRE(c.ok());
  CHECK(mentions(*c, "recipient key"));
  auto b = service::exportBatch(f.site(), *f.secrets, "S7K2QX", {});
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().code == core::ErrorCode::kCorrupt);
  CHECK(b.error().message.find("Do not export") != std::string::npos);
}

TEST_CASE("a recipient key swapped under its own fingerprint is found") {
  Tampered f;
  auto id = store::getMeta(f.site().db(), "recipient");
  exporter::OrgKeyPair attacker = exporter::makeOrgKeyPair();
  REQUIRE(store::setMeta(f.site().db(), "recipient:" + *id.value(), attacker.pub.text()).ok());
  CHECK(mentions(*service::checkSite(f.site().db()), "fingerprint"));
  CHECK_FALSE(service::exportBatch(f.site(), *f.secrets, "S7K2QX", {}).ok());
}

TEST_CASE("a deleted tail of the log is found") {
  Tampered f;
  f.sql("DELETE FROM events WHERE seq > (SELECT max(seq) - 3 FROM events)");
  auto c = service::checkSite(f.site().db());
  REQUIRE(c.ok());
  CHECK(mentions(*c, "newest 3 events are missing"));
}

TEST_CASE("a rewritten event is found") {
  Tampered f;
  f.sql("UPDATE events SET data = '{\"urgent\":false}' WHERE kind = 'urgent-alert'");
  CHECK(mentions(*service::checkSite(f.site().db()), "changed after it was written"));
}

TEST_CASE("a reset lockout is found") {
  Tampered f;
  auto card =
      service::addStaff(f.site(), *f.admin, "Pat Reception", service::StaffRole::kReception, "48291573");
  REQUIRE(card.ok());
  for (int i = 0; i < 3; ++i) CHECK_FALSE(service::signIn(f.site(), card->cardText, "000000").ok());
  REQUIRE(service::checkSite(f.site().db())->sound());
  f.sql("UPDATE staff SET failed_attempts = 0, locked_until_ms = 0");
  CHECK(mentions(*service::checkSite(f.site().db()), "lockout of staff card " + card->staffId));
}

TEST_CASE(
    "a signing key planted in the database is refused at the next unlock and by verify with the device's "
    "key") {
  Tampered f;
  const std::string real = f.site().signPublicKey();
  const crypto::SignKeyPair attacker = crypto::makeSignKeyPair();
  REQUIRE(store::setMeta(f.site().db(), "sign_pk", crypto::toHex(attacker.publicKey)).ok());
  REQUIRE(f.site().reloadSettings().ok());
  f.site().lock();
  auto s = f.site().unlockWithRecoveryCode(f.recoveryCode);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == core::ErrorCode::kCorrupt);
  auto c = service::checkSite(f.site().db(), real);
  REQUIRE(c.ok());
  CHECK(mentions(*c, "not this device's"));
}

TEST_CASE("a locked site refuses check-ins and imports, and one unlock brings it back") {
  Tampered f;
  f.site().lock();
  auto t = f.kiosk->checkInAppointment("A1002", false);
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().code == core::ErrorCode::kUnauthorised);
  CHECK_FALSE(service::importAppointments(f.site(), test::kAppointmentsCsv).ok());
  REQUIRE(f.site().unlockWithRecoveryCode(f.recoveryCode).ok());
  CHECK(f.kiosk->checkInAppointment("A1002", false).ok());
  CHECK(service::checkSite(f.site().db())->sound());
}

TEST_CASE("a restarted process finds this boot's keys in the kernel keyring; after lock() it does not") {
  Tampered f;
  {
    auto again = service::Site::open(f.dir / "site", f.clock);
    REQUIRE(again.ok());
    CHECK((*again)->unlocked());
  }
  f.site().lock();
  auto after = service::Site::open(f.dir / "site", f.clock);
  REQUIRE(after.ok());
  CHECK_FALSE((*after)->unlocked());
}
