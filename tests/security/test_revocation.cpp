// A revoked card's holder may still have the card, the PIN and a copy of the database from before the
// revocation. What is written afterwards must open for every other card and the recovery code, and for
// them not: a revocation renews the site's records and admin keys. And sites from before all this
// migrate: the recovery code makes the admin key, older cards get their own key pair at first use.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../exporter/fixture.h"
#include "service/admin_sign.h"
#include "service/key_bundle.h"
#include "service/settings.h"
#include "service/site_check.h"
#include "service/sodium_digest.h"
#include "store/site_tables.h"
#include "support/card_at_home.h"
#include "support/legacy_layout.h"

using namespace longstop;
namespace fs = std::filesystem;

namespace {

std::string sealedOf(service::Site& site, const std::string& recordId) {
  auto st = site.db().prepare("SELECT sealed FROM checkins WHERE record_id = ?");
  st->bind(1, recordId);
  REQUIRE(st->step().value());
  return st->columnBlob(0);
}

// Every records key a card's credential in `dataDir` gives its holder, as they would unwrap it at home.
std::vector<crypto::SecretBytes> keysFromCopy(const fs::path& dataDir, const service::NewCard& card,
                                              const std::string& pin) {
  service::SiteSecrets keys = test::bundleFromCopy(dataDir, card, pin);
  std::vector<crypto::SecretBytes> out;
  out.push_back(std::move(keys.recordsSecretKey));
  for (auto& k : keys.olderRecordsKeys) out.push_back(std::move(k));
  return out;
}

std::optional<std::string> openWithAny(const std::vector<crypto::SecretBytes>& keys,
                                       const std::string& sealed) {
  for (const auto& k : keys)
    if (auto plain = crypto::unseal(crypto::boxPublicKeyOf(k), k, sealed)) return plain;
  return std::nullopt;
}

bool opens(service::Site& site, const service::StaffSession& s, const std::string& sealed,
           const std::string& name) {
  auto plain = site.open(s.secrets(), sealed);
  return plain.ok() && plain->find(name) != std::string::npos;
}

struct Practice : test::ExportFixture {
  service::NewCard boss, leaver, stayer;
  Practice() {
    boss = service::addStaff(site(), *admin, "Sam Admin", service::StaffRole::kAdmin, "13579135").value();
    leaver =
        service::addStaff(site(), *admin, "Lee Leaving", service::StaffRole::kReception, "24681012").value();
    stayer =
        service::addStaff(site(), *admin, "Jo Staying", service::StaffRole::kReception, "11223344").value();
  }
  std::unique_ptr<service::StaffSession> signIn(const service::NewCard& card, const std::string& pin) {
    auto s = service::signIn(site(), card.cardText, pin);
    REQUIRE(s.ok());
    return std::move(s.value());
  }
};

}  // namespace

TEST_CASE("after a revocation the revoked card, with a copy taken before, opens nothing written since") {
  Practice f;
  const std::string before = f.walkIn("Brown", "Mary", {1948, 1, 2});
  const fs::path copy = f.dir / "leaver-copy";
  fs::copy(f.dir / "site", copy, fs::copy_options::recursive);  // the database and its WAL

  auto bossSession = f.signIn(f.boss, "13579135");
  const std::string oldRecordsKey = f.site().recordsPublicKey(), oldAdminKey = f.site().adminPublicKey();
  auto done = service::revokeStaff(f.site(), *bossSession, f.leaver.staffId);
  REQUIRE(done.ok());
  CHECK(done->renewed == 3);  // the recovery code, the boss, the one who stays
  CHECK(done->notRenewed == 0);
  CHECK(f.site().recordsPublicKey() != oldRecordsKey);
  CHECK(f.site().adminPublicKey() != oldAdminKey);
  const std::string after = f.walkIn("Green", "Ann", {1950, 2, 3});

  // The leaver at home: their card and PIN against their credential in the copy.
  const auto leaverKeys = keysFromCopy(copy, f.leaver, "24681012");
  auto old = openWithAny(leaverKeys, sealedOf(f.site(), before));
  REQUIRE(old);  // the attack works on what they could already read, so the next line means something
  CHECK(old->find("Brown") != std::string::npos);
  CHECK_FALSE(openWithAny(leaverKeys, sealedOf(f.site(), after)));
  // And on the kiosk itself the card is refused, its credential gone.
  CHECK_FALSE(service::signIn(f.site(), f.leaver.cardText, "24681012").ok());
  CHECK_FALSE(store::getCredential(f.site().db(), f.leaver.staffId).value());

  // Everyone else opens old and new.
  const std::string sealedBefore = sealedOf(f.site(), before), sealedAfter = sealedOf(f.site(), after);
  CHECK(opens(f.site(), *bossSession, sealedAfter, "Green"));  // the revoking session carries on renewed
  for (auto [card, pin] : {std::pair{f.boss, "13579135"}, std::pair{f.stayer, "11223344"}}) {
    auto s = f.signIn(card, pin);
    CHECK(opens(f.site(), *s, sealedBefore, "Brown"));
    CHECK(opens(f.site(), *s, sealedAfter, "Green"));
  }
  auto recovery = service::recoverySession(f.site(), f.recoveryCode);
  REQUIRE(recovery.ok());
  CHECK(opens(f.site(), **recovery, sealedBefore, "Brown"));
  CHECK(opens(f.site(), **recovery, sealedAfter, "Green"));
  CHECK(f.signIn(f.stayer, "11223344")->secrets().olderRecordsKeys.size() == 1);
  CHECK_FALSE(f.signIn(f.stayer, "11223344")->secrets().admin());  // still a reception card's keys
  CHECK(f.signIn(f.boss, "13579135")->isAdmin());

  auto check = service::checkSite(f.site().db(), f.site().signPublicKey());
  REQUIRE(check.ok());
  INFO((check->problems.empty() ? "" : check->problems.front()));
  CHECK(check->sound());
}

TEST_CASE("a revoked administrator's admin key signs nothing that verify accepts afterwards") {
  Practice f;
  f.setRecipient();
  auto bossSession = f.signIn(f.boss, "13579135");
  const crypto::SecretBytes oldAdmin =
      crypto::SecretBytes::copyOf(bossSession->secrets().adminSecretKey.view());
  REQUIRE(service::revokeStaff(f.site(), *f.admin, f.boss.staffId).ok());
  CHECK_FALSE(service::setSetting(f.site(), *bossSession, "kiosk.idle_timeout_s", "600").ok());

  // With the old admin key and the device key (both once theirs), a recipient event made by hand.
  const exporter::OrgKeyPair theirs = exporter::makeOrgKeyPair();
  store::JsonObject data;
  data.add("key_id", theirs.pub.keyId());
  const std::string forged =
      service::adminSignedData(oldAdmin, f.site().info().deviceId, "recipient-set", std::move(data), 1000);
  REQUIRE(store::setMeta(f.site().db(), "recipient:" + theirs.pub.keyId(), theirs.pub.text()).ok());
  REQUIRE(store::setMeta(f.site().db(), "recipient", theirs.pub.keyId()).ok());
  REQUIRE(f.site()
              .db()
              .transaction([&]() -> core::Status {
                auto e = f.site().appendEvent("recipient-set", "", forged, f.boss.staffId);
                return e.ok() ? core::okStatus() : core::Status(e.error());
              })
              .ok());
  CHECK_FALSE(service::checkSite(f.site().db(), f.site().signPublicKey())->sound());
  CHECK_FALSE(service::exportBatch(f.site(), f.admin->secrets()).ok());
}

TEST_CASE("a site from before admin keys migrates: old cards go on, the recovery code makes the admin key") {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  const fs::path data = dir / "site";
  auto init = service::Site::create(data, {"B82005", "Riverside", {}}, clock);
  REQUIRE(init.ok());
  service::NewCard jo, sam;
  std::string brown;
  {
    auto kiosk = service::openKiosk(data, clock);
    REQUIRE(kiosk.ok());
    service::Site& site = (*kiosk)->siteData();
    auto recovery = service::recoverySession(site, init->recoveryCode);
    REQUIRE(recovery.ok());
    jo = service::addStaff(site, **recovery, "Jo Reception", service::StaffRole::kReception, "24681012")
             .value();
    sam = service::addStaff(site, **recovery, "Sam Admin", service::StaffRole::kAdmin, "13579135").value();
    service::WalkInRequest req;
    req.patient.surname = "Brown";
    req.patient.forenames = "Mary";
    req.patient.dateOfBirth = {1948, 1, 2};
    req.queueId = "walkin";
    auto t = (*kiosk)->checkInWalkIn(req, false);
    REQUIRE(t.ok());
    brown = t->recordId;
    // The same site as the version before admin keys would have left it.
    const crypto::SecretBytes recoveryKek =
        test::credentialKek(site.db(), "recovery", crypto::normaliseCode(init->recoveryCode));
    const crypto::SecretBytes joKek =
        test::credentialKek(site.db(), jo.staffId, "staff1|" + jo.secret + "|24681012");
    const crypto::SecretBytes samKek =
        test::credentialKek(site.db(), sam.staffId, "staff1|" + sam.secret + "|13579135");
    const service::SiteSecrets keys = (*recovery)->secrets().copy();
    kiosk->reset();
    test::toBeforeAdminKeys(data, keys,
                            {{"recovery", &recoveryKek}, {jo.staffId, &joKek}, {sam.staffId, &samKek}});
  }
  auto kiosk = service::openKiosk(data, clock);
  REQUIRE(kiosk.ok());
  service::Site& site = (*kiosk)->siteData();
  site.lock();  // the reboot that installs the new version
  CHECK(site.adminPublicKey().empty());
  auto before = service::checkSite(site.db(), site.signPublicKey());
  REQUIRE(before.ok());
  INFO((before->problems.empty() ? "" : before->problems.front()));
  REQUIRE(before->sound());  // a genuine old site, not one that verify already refuses

  // The reception card first: it unlocks the kiosk, reads names, and gets its own key pair.
  auto joSession = service::signIn(site, jo.cardText, "24681012");
  REQUIRE(joSession.ok());
  CHECK(site.open((*joSession)->secrets(), sealedOf(site, brown))->find("Brown") != std::string::npos);
  CHECK_FALSE(store::getCredential(site.db(), jo.staffId).value()->publicKey.empty());
  // The old admin card signs in and runs the queue, but cannot administer: nothing vouches for its role.
  auto samSession = service::signIn(site, sam.cardText, "13579135");
  REQUIRE(samSession.ok());
  auto refused = service::setSetting(site, **samSession, "kiosk.idle_timeout_s", "90");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("made before admin keys") != std::string::npos);

  // The recovery code makes the admin key, once.
  auto recovery = service::recoverySession(site, init->recoveryCode);
  REQUIRE(recovery.ok());
  CHECK((*recovery)->isAdmin());
  CHECK_FALSE(site.adminPublicKey().empty());
  REQUIRE(service::setSetting(site, **recovery, "kiosk.idle_timeout_s", "90").ok());
  auto again = service::recoverySession(site, init->recoveryCode);
  REQUIRE(again.ok());
  CHECK(crypto::signPublicKeyOf((*again)->secrets().adminSecretKey) == site.adminPublicKey());
  auto after = service::checkSite(site.db(), site.signPublicKey());
  REQUIRE(after.ok());
  INFO((after->problems.empty() ? "" : after->problems.front()));
  CHECK(after->sound());

  // A new admin card, the old one revoked: the converted reception card is given the new keys too.
  auto fresh = service::addStaff(site, **recovery, "Sam Again", service::StaffRole::kAdmin, "97531864");
  REQUIRE(fresh.ok());
  auto done = service::revokeStaff(site, **recovery, sam.staffId);
  REQUIRE(done.ok());
  CHECK(done->renewed == 3);
  CHECK(done->notRenewed == 0);
  service::WalkInRequest req;
  req.patient.surname = "Green";
  req.patient.forenames = "Ann";
  req.patient.dateOfBirth = {1950, 2, 3};
  req.queueId = "walkin";
  auto green = (*kiosk)->checkInWalkIn(req, false);
  REQUIRE(green.ok());
  auto joAgain = service::signIn(site, jo.cardText, "24681012");
  REQUIRE(joAgain.ok());
  CHECK(site.open((*joAgain)->secrets(), sealedOf(site, green->recordId))->find("Green") !=
        std::string::npos);
  CHECK(site.open((*joAgain)->secrets(), sealedOf(site, brown))->find("Brown") != std::string::npos);
  auto newAdmin = service::signIn(site, fresh->cardText, "97531864");
  REQUIRE(newAdmin.ok());
  CHECK((*newAdmin)->isAdmin());
  CHECK(service::checkSite(site.db(), site.signPublicKey())->sound());
}

TEST_CASE("a card from before schema 5 not used before a revocation is told to get a new one") {
  test::TempDir dir;
  core::ManualClock clock{test::localTime(2026, 11, 29, 9, 0)};
  const fs::path data = dir / "site";
  auto init = service::Site::create(data, {"B82005", "Riverside", {}}, clock);
  REQUIRE(init.ok());
  service::NewCard jo;
  {
    auto site = service::Site::open(data, clock);
    auto recovery = service::recoverySession(**site, init->recoveryCode);
    REQUIRE(recovery.ok());
    jo = service::addStaff(**site, **recovery, "Jo Reception", service::StaffRole::kReception, "24681012")
             .value();
    const crypto::SecretBytes recoveryKek =
        test::credentialKek((*site)->db(), "recovery", crypto::normaliseCode(init->recoveryCode));
    const crypto::SecretBytes joKek =
        test::credentialKek((*site)->db(), jo.staffId, "staff1|" + jo.secret + "|24681012");
    const service::SiteSecrets keys = (*recovery)->secrets().copy();
    site->reset();
    test::toBeforeAdminKeys(data, keys, {{"recovery", &recoveryKek}, {jo.staffId, &joKek}});
  }
  auto site = service::Site::open(data, clock);
  REQUIRE(site.ok());
  auto recovery = service::recoverySession(**site, init->recoveryCode);
  REQUIRE(recovery.ok());
  auto other = service::addStaff(**site, **recovery, "Pat", service::StaffRole::kReception, "11223344");
  REQUIRE(other.ok());
  auto done = service::revokeStaff(**site, **recovery, other->staffId);
  REQUIRE(done.ok());
  CHECK(done->notRenewed == 1);  // Jo's card, still in the old form: it has no key to seal to
  auto s = service::signIn(**site, jo.cardText, "24681012");
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message.find("before the site's keys were renewed") != std::string::npos);
}

TEST_CASE("a revocation made by another process reaches the running kiosk at its next prepared check-in") {
  Practice f;
  const std::string oldKey = f.site().recordsPublicKey();
  {
    // longstopctl staff revoke: its own connection to the same database.
    auto other = service::Site::open(f.dir / "site", f.clock);
    REQUIRE(other.ok());
    auto recovery = service::recoverySession(**other, f.recoveryCode);
    REQUIRE(recovery.ok());
    REQUIRE(service::revokeStaff(**other, **recovery, f.leaver.staffId).ok());
  }
  CHECK(f.site().recordsPublicKey() == oldKey);  // the kiosk has not looked yet
  f.kiosk->prepareCheckIn();                     // the patient reaches the safety question
  CHECK(f.site().recordsPublicKey() != oldKey);
  const std::string after = f.walkIn("Green", "Ann", {1950, 2, 3});
  auto s = f.signIn(f.stayer, "11223344");
  CHECK(opens(f.site(), *s, sealedOf(f.site(), after), "Green"));
  // Sealed to the new key, not the one from before the revocation.
  std::vector<crypto::SecretBytes> before;
  before.push_back(crypto::SecretBytes::copyOf(f.secrets->recordsSecretKey.view()));
  CHECK_FALSE(openWithAny(before, sealedOf(f.site(), after)));
}

TEST_CASE("a records key planted in the settings is not sealed to, and verify and the next start say so") {
  Practice f;
  const crypto::BoxKeyPair theirs = crypto::makeBoxKeyPair();
  REQUIRE(store::setMeta(f.site().db(), "records_pk", crypto::toHex(theirs.publicKey)).ok());
  f.kiosk->prepareCheckIn();
  const std::string after = f.walkIn("Green", "Ann", {1950, 2, 3});
  CHECK_FALSE(crypto::unseal(theirs.publicKey, theirs.secretKey, sealedOf(f.site(), after)));
  CHECK(opens(f.site(), *f.admin, sealedOf(f.site(), after), "Green"));
  auto check = service::checkSite(f.site().db(), f.site().signPublicKey());
  REQUIRE(check.ok());
  CHECK_FALSE(check->sound());
  auto reopened = service::Site::open(f.dir / "site", f.clock);
  REQUIRE_FALSE(reopened.ok());
  CHECK(reopened.error().code == core::ErrorCode::kCorrupt);
}
