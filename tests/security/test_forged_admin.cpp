// What a reception card's holder with the SD card could write, having unwrapped the device's signing
// key with their own card and PIN: events signed by the device, as genuine as any. What only an
// administrator may change must carry the admin key's signature as well, and verify and export refuse
// what lacks it.
#include <catch2/catch.hpp>

#include "../exporter/fixture.h"
#include "service/admin_sign.h"
#include "service/key_bundle.h"
#include "service/settings.h"
#include "service/site_check.h"
#include "service/sodium_digest.h"
#include "store/batches.h"
#include "store/site_tables.h"

using namespace longstop;

namespace {

bool mentions(const service::SiteCheck& c, const std::string& words) {
  for (const auto& p : c.problems)
    if (p.find(words) != std::string::npos) return true;
  return false;
}

// The site in use, a recipient set by an administrator, and the holder of a reception card signed in.
struct Insider : test::ExportFixture {
  std::unique_ptr<service::StaffSession> desk;
  service::SodiumDigest digest;

  Insider() {
    setRecipient();
    morning();
    auto card = service::addStaff(site(), *admin, "Jo Reception", service::StaffRole::kReception, "24681012");
    REQUIRE(card.ok());
    auto s = service::signIn(site(), card->cardText, "24681012");
    REQUIRE(s.ok());
    desk = std::move(s.value());
    REQUIRE(crypto::signPublicKeyOf(desk->secrets().signSecretKey) == site().signPublicKey());
    REQUIRE(service::checkSite(site().db(), site().signPublicKey())->sound());
  }
  // An event appended with the device's key as the reception card unwrapped it, nothing else.
  void appendAsDevice(const std::string& kind, const std::string& data) {
    service::SodiumSigner signer(desk->secrets().signSecretKey);
    store::EventLog log(site().db(), digest);
    log.setSigner(&signer);
    REQUIRE(site()
                .db()
                .transaction([&]() -> core::Status {
                  auto e = log.append({clock.now().unixMs, kind, "", desk->who().id, data});
                  return e.ok() ? core::okStatus() : core::Status(e.error());
                })
                .ok());
  }
  void plantRecipient(const exporter::OrgPublicKey& key) {
    REQUIRE(store::setMeta(site().db(), "recipient:" + key.keyId(), key.text()).ok());
    REQUIRE(store::setMeta(site().db(), "recipient", key.keyId()).ok());
  }
  int64_t batches() {
    auto st = site().db().prepare("SELECT count(*) FROM batches");
    REQUIRE(st->step().value());
    return st->columnInt(0);
  }
};

}  // namespace

TEST_CASE("a recipient key set with the device's key alone is refused by verify and by export") {
  Insider f;
  const exporter::OrgKeyPair theirs = exporter::makeOrgKeyPair();
  f.plantRecipient(theirs.pub);
  store::JsonObject data;
  data.add("key_id", theirs.pub.keyId());
  f.appendAsDevice("recipient-set", data.str());

  auto check = service::checkSite(f.site().db(), f.site().signPublicKey());
  REQUIRE(check.ok());
  CHECK(check->log.sound());  // the device's signatures are all good: that is not what gives it away
  CHECK_FALSE(check->sound());
  CHECK(mentions(*check, "without an administrator's signature"));
  auto batch = service::exportBatch(f.site(), *f.secrets);
  REQUIRE_FALSE(batch.ok());
  CHECK(batch.error().code == core::ErrorCode::kCorrupt);
  CHECK(f.batches() == 0);
}

TEST_CASE("an administrator's old recipient event replayed as new is refused") {
  Insider f;
  const exporter::OrgKeyPair second = exporter::makeOrgKeyPair();
  REQUIRE(service::setRecipient(f.site(), *f.admin, second.pub.text()).ok());
  REQUIRE(service::checkSite(f.site().db(), f.site().signPublicKey())->sound());
  // Back to the first key, with the first event's data: its admin signature is genuine.
  auto first =
      f.site().db().prepare("SELECT data FROM events WHERE kind = 'recipient-set' ORDER BY seq LIMIT 1");
  REQUIRE(first->step().value());
  const std::string old = first->columnText(0);
  first->reset();
  f.plantRecipient(f.org.pub);
  f.appendAsDevice("recipient-set", old);
  auto check = service::checkSite(f.site().db(), f.site().signPublicKey());
  REQUIRE(check.ok());
  CHECK_FALSE(check->sound());
  CHECK_FALSE(service::exportBatch(f.site(), *f.secrets).ok());
  CHECK(f.batches() == 0);
}

TEST_CASE("a setting changed with the device's key alone is found by verify") {
  Insider f;
  REQUIRE(store::setMeta(f.site().db(), "idle_timeout_s", "600").ok());
  f.appendAsDevice("config-set", R"({"key":"kiosk.idle_timeout_s","value":"600"})");
  auto check = service::checkSite(f.site().db(), f.site().signPublicKey());
  REQUIRE(check.ok());
  CHECK(mentions(*check, "(config-set) is not signed by the site's admin key"));
  CHECK_FALSE(service::exportBatch(f.site(), *f.secrets).ok());
}

TEST_CASE("a card added with the device's key alone is found by verify and gets no admin key") {
  Insider f;
  // The insider makes an "admin" card for themselves, sealing to it every key their own card gave them.
  const std::string id = "K7QXK7", secret = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", pin = "11223344";
  const crypto::KdfParams kdf = crypto::newKdfParams();
  auto kek = crypto::deriveKey("staff1|" + secret + "|" + pin, kdf);
  REQUIRE(kek);
  const service::CredentialKeys own = service::makeCredentialKeys(*kek, f.desk->secrets(), true);
  auto st =
      f.site().db().prepare("INSERT INTO staff(id, name, role, card_check, created_ms) VALUES (?,?,?,?,?)");
  st->bind(1, id).bind(2, "Mallory").bind(3, "admin");
  st->bindBlob(4, crypto::keyedHash("longstop-card-check-v2", "card2|" + secret, 32)).bind(5, int64_t{1});
  REQUIRE(st->run().ok());
  REQUIRE(store::insertCredential(
              f.site().db(), {id, "staff", kdf.salt, static_cast<int64_t>(kdf.opsLimit),
                              static_cast<int64_t>(kdf.memLimit), own.wrapped, 1, own.publicKey, own.bundle})
              .ok());
  store::JsonObject data;
  data.add("staff", id).add("role", "admin").add("box_pk", crypto::toHex(own.publicKey));
  f.appendAsDevice("staff-added", data.str());

  auto check = service::checkSite(f.site().db(), f.site().signPublicKey());
  REQUIRE(check.ok());
  CHECK(mentions(*check, "Staff card " + id + " was not added by an administrator"));
  CHECK(mentions(*check, "(staff-added) is not signed by the site's admin key"));
  auto batch = service::exportBatch(f.site(), *f.secrets);
  REQUIRE_FALSE(batch.ok());
  CHECK(batch.error().code == core::ErrorCode::kCorrupt);
  CHECK(f.batches() == 0);
  // The card signs in (its holder made it) but holds no admin key, so it administers nothing.
  auto mallory = service::signIn(f.site(), "LSS1:" + id + ":" + secret, pin);
  REQUIRE(mallory.ok());
  CHECK_FALSE((*mallory)->isAdmin());
  CHECK_FALSE((*mallory)->secrets().admin());
  CHECK_FALSE(service::setSetting(f.site(), **mallory, "kiosk.idle_timeout_s", "600").ok());
  CHECK_FALSE(service::setRecipient(f.site(), **mallory, exporter::makeOrgKeyPair().pub.text()).ok());
}
