// Roles are in the keys, not only on the screen: a reception card unwraps no admin key, and the service
// refuses what only an administrator may do to a reception session, however the call is made.
#include <catch2/catch.hpp>

#include <filesystem>

#include "crypto/primitives.h"
#include "exporter/org_keys.h"
#include "service/admin_desk.h"
#include "service/export.h"
#include "service/key_bundle.h"
#include "service/settings.h"
#include "service/site_check.h"
#include "service/staff.h"
#include "store/site_tables.h"
#include "support/clocks.h"
#include "support/legacy_layout.h"
#include "support/temp_dir.h"

using namespace longstop;
namespace fs = std::filesystem;

namespace {

struct Roles {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  std::unique_ptr<service::Site> site;
  std::string recoveryCode;
  std::unique_ptr<service::StaffSession> recovery;
  service::NewCard reception, admin;

  Roles() {
    auto init = service::Site::create(dir / "site", {"B82005", "Riverside", {}}, clock);
    REQUIRE(init.ok());
    recoveryCode = init->recoveryCode;
    site = std::move(service::Site::open(dir / "site", clock).value());
    auto r = service::recoverySession(*site, recoveryCode);
    REQUIRE(r.ok());
    recovery = std::move(r.value());
    reception =
        service::addStaff(*site, *recovery, "Jo Reception", service::StaffRole::kReception, "24681012")
            .value();
    admin = service::addStaff(*site, *recovery, "Sam Admin", service::StaffRole::kAdmin, "13579135").value();
  }
  std::unique_ptr<service::StaffSession> signIn(const service::NewCard& card, const std::string& pin) {
    auto s = service::signIn(*site, card.cardText, pin);
    REQUIRE(s.ok());
    return std::move(s.value());
  }
  int64_t count(const std::string& sql) {
    auto st = site->db().prepare(sql);
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    return st->columnInt(0);
  }
  // What the card's holder can unwrap, read straight from the database as a thief with the card would.
  service::SiteSecrets unwrapped(const service::NewCard& card, const std::string& pin) {
    auto kek = test::credentialKek(site->db(), card.staffId, "staff1|" + card.secret + "|" + pin);
    auto row = store::getCredential(site->db(), card.staffId).value();
    REQUIRE(row);
    auto own = service::openCredentialSecret(*row, kek);
    REQUIRE(own);
    auto keys = service::openBundle(*row, *own);
    REQUIRE(keys);
    return std::move(*keys);
  }
};

}  // namespace

TEST_CASE("a reception session cannot set the recipient, change settings, or add or revoke cards") {
  Roles f;
  auto desk = f.signIn(f.reception, "24681012");
  CHECK_FALSE(desk->isAdmin());
  const exporter::OrgKeyPair org = exporter::makeOrgKeyPair();
  const int64_t events = f.count("SELECT count(*) FROM events");

  auto recipient = service::setRecipient(*f.site, *desk, org.pub.text());
  REQUIRE_FALSE(recipient.ok());
  CHECK(recipient.error().code == core::ErrorCode::kUnauthorised);
  auto setting = service::setSetting(*f.site, *desk, "kiosk.idle_timeout_s", "90");
  REQUIRE_FALSE(setting.ok());
  CHECK(setting.error().code == core::ErrorCode::kUnauthorised);
  CHECK_FALSE(service::setSetting(*f.site, *desk, "queue.bloods", "B | Blood tests | Room 5").ok());
  CHECK_FALSE(service::importSettings(*f.site, *desk, "kiosk.idle_timeout_s = 90\n").ok());
  auto card = service::addStaff(*f.site, *desk, "Mallory", service::StaffRole::kAdmin, "11223344");
  REQUIRE_FALSE(card.ok());
  CHECK(card.error().code == core::ErrorCode::kUnauthorised);
  CHECK_FALSE(service::addStaff(*f.site, *desk, "Mallory", service::StaffRole::kReception, "11223344").ok());
  auto revoked = service::revokeStaff(*f.site, *desk, f.admin.staffId);
  REQUIRE_FALSE(revoked.ok());
  CHECK(revoked.error().code == core::ErrorCode::kUnauthorised);

  // Nothing changed.
  CHECK(f.count("SELECT count(*) FROM events") == events);
  CHECK(f.count("SELECT count(*) FROM meta WHERE key = 'recipient'") == 0);
  CHECK(service::getSetting(*f.site, "kiosk.idle_timeout_s").value() == "45");
  CHECK(f.site->info().queues.size() == 3);
  CHECK(f.count("SELECT count(*) FROM staff") == 2);
  CHECK(f.count("SELECT count(*) FROM staff WHERE revoked_ms IS NOT NULL") == 0);

  // The same calls from an admin card do what they say: the refusals above are about the role.
  auto boss = f.signIn(f.admin, "13579135");
  REQUIRE(boss->isAdmin());
  CHECK(service::setRecipient(*f.site, *boss, org.pub.text()).ok());
  CHECK(service::setSetting(*f.site, *boss, "kiosk.idle_timeout_s", "90").ok());
  auto added = service::addStaff(*f.site, *boss, "Pat Reception", service::StaffRole::kReception, "11223344");
  REQUIRE(added.ok());
  CHECK(service::revokeStaff(*f.site, *boss, added->staffId).ok());
  CHECK(f.count("SELECT count(*) FROM staff WHERE revoked_ms IS NOT NULL") == 1);
  auto check = service::checkSite(f.site->db(), f.site->signPublicKey());
  REQUIRE(check.ok());
  INFO((check->problems.empty() ? "" : check->problems.front()));
  CHECK(check->sound());
}

TEST_CASE("a reception card whose row is changed to admin is still refused, as the keys decide") {
  Roles f;
  REQUIRE(f.site->db().exec("UPDATE staff SET role = 'admin' WHERE id = '" + f.reception.staffId + "'").ok());
  auto desk = f.signIn(f.reception, "24681012");
  CHECK(desk->who().role == service::StaffRole::kAdmin);
  CHECK_FALSE(desk->isAdmin());
  CHECK_FALSE(service::setSetting(*f.site, *desk, "kiosk.idle_timeout_s", "90").ok());
  CHECK_FALSE(service::addStaff(*f.site, *desk, "Mallory", service::StaffRole::kAdmin, "11223344").ok());
  CHECK(f.count("SELECT count(*) FROM staff") == 2);
  // And verify says the card is not the one an administrator added.
  auto check = service::checkSite(f.site->db(), f.site->signPublicKey());
  REQUIRE(check.ok());
  CHECK_FALSE(check->sound());
}

TEST_CASE("a reception card's keys hold no admin secret; an admin card's and the recovery code's do") {
  Roles f;
  const std::string sealed = f.site->seal("Brown, Mary");
  const service::SiteSecrets desk = f.unwrapped(f.reception, "24681012");
  CHECK_FALSE(desk.admin());
  CHECK(desk.adminSecretKey.empty());
  CHECK(f.site->open(desk, sealed).value() == "Brown, Mary");  // the bundle is real: it opens names
  CHECK(crypto::signPublicKeyOf(desk.signSecretKey) == f.site->signPublicKey());

  const service::SiteSecrets boss = f.unwrapped(f.admin, "13579135");
  REQUIRE(boss.admin());
  CHECK(crypto::signPublicKeyOf(boss.adminSecretKey) == f.site->adminPublicKey());
  CHECK(f.recovery->secrets().admin());
  CHECK(crypto::signPublicKeyOf(f.recovery->secrets().adminSecretKey) == f.site->adminPublicKey());

  // The admin public key is fixed at creation: in meta and in the first, signed event.
  const std::string hex = crypto::toHex(f.site->adminPublicKey());
  CHECK(store::getMeta(f.site->db(), "admin_pk").value() == hex);
  auto first = f.site->db().prepare("SELECT kind, data FROM events WHERE seq = 1");
  REQUIRE(first->step().value());
  CHECK(first->columnText(0) == "site-created");
  CHECK(first->columnText(1).find("\"admin_pk\":\"" + hex + "\"") != std::string::npos);
}

TEST_CASE(
    "the admin desk changes settings, the recipient and starts the drill only for a signed-in "
    "administrator") {
  Roles f;
  service::AdminDesk desk(f.dir / "site", f.clock);
  const fs::path drillDir = f.dir / "site" / "drill";
  const exporter::OrgKeyPair org = exporter::makeOrgKeyPair();

  // Nobody signed in, then a reception card: refused by the service, nothing written.
  std::unique_ptr<service::StaffSession> signedIn;
  desk.setSessionSource([&] { return signedIn.get(); });
  for (int round = 0; round < 2; ++round) {
    if (round == 1) signedIn = f.signIn(f.reception, "24681012");
    auto s = desk.setSetting("kiosk.idle_timeout_s", "90");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == core::ErrorCode::kUnauthorised);
    CHECK_FALSE(desk.setRecipientText(org.pub.text()).ok());
    auto drill = desk.startDrill();
    REQUIRE_FALSE(drill.ok());
    CHECK(drill.error().code == core::ErrorCode::kUnauthorised);
    CHECK_FALSE(desk.drill());
    CHECK_FALSE(fs::exists(drillDir));
  }
  CHECK(service::getSetting(*f.site, "kiosk.idle_timeout_s").value() == "45");
  CHECK(f.count("SELECT count(*) FROM meta WHERE key = 'recipient'") == 0);

  signedIn = f.signIn(f.admin, "13579135");
  REQUIRE(desk.setSetting("kiosk.idle_timeout_s", "90").ok());
  CHECK(service::getSetting(*f.site, "kiosk.idle_timeout_s").value() == "90");
  REQUIRE(desk.setRecipientText(org.pub.text()).ok());
  auto drill = desk.startDrill();
  REQUIRE(drill.ok());
  CHECK(fs::exists(drillDir));
  CHECK(desk.endDrill().ok());
}
