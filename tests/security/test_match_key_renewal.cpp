// A revoked card's holder knows the matching key of their day. With a new copy of the database taken
// after the revocation, they must not be able to search the keyed hashes written since (or the old ones,
// which are rehashed): a revocation renews the matching key. Appointments imported before must still
// match, every other card must still sign in, a kiosk running in another process must take up the new
// key, and a key that no administrator announced must be refused.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../exporter/fixture.h"
#include "core/matching.h"
#include "service/admin_desk.h"
#include "service/admin_sign.h"
#include "service/checkin.h"
#include "service/key_bundle.h"
#include "service/key_store.h"
#include "service/match_key.h"
#include "service/site_check.h"
#include "store/checkins.h"
#include "store/site_tables.h"
#include "support/card_at_home.h"
#include "support/legacy_layout.h"

using namespace longstop;
namespace fs = std::filesystem;

namespace {

const char* kLaterCsv =
    "appointment_id,start,clinician,service,nhs_number,surname,forenames,date_of_birth,sex,postcode\r\n"
    "A2001,2026-11-29T11:00,Dr Patel,GP,999 000 0034,Wright,Ada,1961-12-10,F,LS2 7EE\r\n";

// Every keyed hash in a copy of the database, as a thief would list them.
std::vector<std::string> hashesIn(const fs::path& dataDir) {
  auto db = store::Database::open(service::Site::databasePath(dataDir), {.readOnly = true});
  REQUIRE(db.ok());
  std::vector<std::string> out;
  for (const char* sql :
       {"SELECT key_full FROM appointments", "SELECT key_nosex FROM appointments",
        "SELECT key_nhs FROM appointments WHERE key_nhs IS NOT NULL", "SELECT dup_key FROM appointments",
        "SELECT dup_key FROM checkins WHERE dup_key IS NOT NULL"}) {
    auto st = (*db)->prepare(sql);
    REQUIRE(st.ok());
    while (st->step().value()) out.push_back(st->columnBlob(0));
  }
  return out;
}

// The hashes a holder of `key` computes for a guess of the patient's details.
std::vector<std::string> guesses(std::string_view key, core::Date dob, char initial, core::Sex sex,
                                 const std::string& surname, const std::string& nhsDigits) {
  const service::MatchHasher h{key};
  return {h(core::matchKeyText(dob, initial, sex)), h(core::matchKeyTextNoSex(dob, initial)),
          h("nhs1|" + nhsDigits), h(service::duplicateKeyText(dob, surname))};
}

bool anyIn(const std::vector<std::string>& found, const std::vector<std::string>& wanted) {
  for (const auto& w : wanted)
    if (std::find(found.begin(), found.end(), w) != found.end()) return true;
  return false;
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
    INFO((s.ok() ? std::string() : s.error().message));
    REQUIRE(s.ok());
    return std::move(s.value());
  }
  core::Result<service::MatchAnswer> findSmith() {
    return kiosk->findAppointment({{1984, 3, 7}, 'S', core::Sex::kFemale});
  }
  /// The hash of Ann Smith's details this kiosk computes now, and the one in her appointment's row.
  std::string smithKeyHere() {
    return site().matchHash(core::matchKeyText({1984, 3, 7}, 'S', core::Sex::kFemale));
  }
  std::string smithKeyStored() { return store::getAppointment(site().db(), "A1001").value()->keyFull; }
};

// A key store that keeps nothing: a machine whose kernel refuses keyrings (some containers).
struct NoKeyStore final : service::KeyStore {
  std::optional<crypto::SecretBytes> load(const std::string&) override { return std::nullopt; }
  core::Status save(const std::string&, const crypto::SecretBytes&) override {
    return core::internalError("no keyring here");
  }
  void forget(const std::string&) override {}
};

// The bytes a kiosk keeps in the keyring for the boot, with `matchKey` in place of its own.
crypto::SecretBytes keyringBytes(const service::SiteSecrets& s, std::string_view matchKey) {
  std::string plain(s.signSecretKey.view());
  plain += matchKey;
  plain += s.ticketKey.view();
  crypto::SecretBytes out = crypto::SecretBytes::copyOf(plain);
  crypto::wipe(plain);
  return out;
}

}  // namespace

TEST_CASE(
    "a revocation renews the matching key: the revoked card reproduces no hash in a later copy, and the "
    "appointments imported before still match") {
  Practice f;
  f.walkIn("Brown", "Mary", {1948, 1, 2}, false, "999 000 0026");
  const fs::path before = f.dir / "leaver-copy";
  fs::copy(f.dir / "site", before, fs::copy_options::recursive);
  const service::SiteSecrets leaverKeys = test::bundleFromCopy(before, f.leaver, "24681012");
  const auto smith =
      guesses(leaverKeys.matchKey.view(), {1984, 3, 7}, 'S', core::Sex::kFemale, "Smith", "9434765919");
  const auto brown =
      guesses(leaverKeys.matchKey.view(), {1948, 1, 2}, 'B', core::Sex::kFemale, "Brown", "9990000026");
  REQUIRE(anyIn(hashesIn(before), smith));  // the search works on the copy they could take then
  REQUIRE(anyIn(hashesIn(before), brown));

  auto bossSession = f.signIn(f.boss, "13579135");
  auto done = service::revokeStaff(f.site(), *bossSession, f.leaver.staffId);
  REQUIRE(done.ok());
  CHECK(done->rehashed == 3 + 1);  // three appointments, one walk-in
  CHECK(done->notRehashed == 0);
  REQUIRE(service::importAppointments(f.site(), kLaterCsv).ok());
  f.walkIn("Green", "Ann", {1950, 2, 3}, false, "999 000 0042");
  f.appointment("A1003");

  // The leaver with a copy taken now: none of the hashes, old or new, is one their key makes.
  const fs::path after = f.dir / "later-copy";
  fs::copy(f.dir / "site", after, fs::copy_options::recursive);
  const auto found = hashesIn(after);
  CHECK_FALSE(anyIn(found, smith));
  CHECK_FALSE(anyIn(found, brown));
  CHECK_FALSE(anyIn(found, guesses(leaverKeys.matchKey.view(), {1961, 12, 10}, 'W', core::Sex::kFemale,
                                   "Wright", "9990000034")));
  CHECK_FALSE(anyIn(found, guesses(leaverKeys.matchKey.view(), {1950, 2, 3}, 'G', core::Sex::kFemale, "Green",
                                   "9990000042")));
  CHECK_FALSE(store::getCredential(f.site().db(), f.leaver.staffId).value());

  // The appointment imported before the revocation still matches, by details and by NHS number.
  auto m = f.findSmith();
  REQUIRE(m.ok());
  CHECK(m->outcome == core::MatchOutcome::kOne);
  REQUIRE(m->appointment);
  CHECK(m->appointment->appointmentId == "A1001");
  auto byNhs = f.kiosk->findAppointmentByNhsNumber(core::parseNhsNumber("943 476 5919").value());
  REQUIRE(byNhs.ok());
  CHECK(byNhs->outcome == core::MatchOutcome::kOne);
  // The same list imported again adds nothing (its content hashes were rehashed too).
  auto again = service::importAppointments(f.site(), test::kAppointmentsCsv);
  REQUIRE(again.ok());
  CHECK(again->added == 0);
  // The same walk-in again is flagged as a duplicate of the one from before the revocation.
  const auto brownAgain = store::getCheckin(f.site().db(), f.walkIn("Brown", "Mary", {1948, 1, 2})).value();
  const auto brownFirst = store::getCheckin(f.site().db(), f.recordIds.front()).value();
  CHECK(brownAgain->dupKey == brownFirst->dupKey);

  // Every other card signs in and holds the new key with the old one behind it; the leaver's does not.
  for (auto [card, pin] : {std::pair{f.boss, "13579135"}, std::pair{f.stayer, "11223344"}}) {
    auto s = f.signIn(card, pin);
    CHECK(s->secrets().matchKey.view() != leaverKeys.matchKey.view());
    REQUIRE(s->secrets().olderMatchKeys.size() == 1);
    CHECK(s->secrets().olderMatchKeys.front().view() == leaverKeys.matchKey.view());
  }
  CHECK_FALSE(service::signIn(f.site(), f.leaver.cardText, "24681012").ok());
  auto check = service::checkSite(f.site().db(), f.site().signPublicKey());
  REQUIRE(check.ok());
  INFO((check->problems.empty() ? "" : check->problems.front()));
  CHECK(check->sound());
}

TEST_CASE(
    "a kiosk running while another process revokes a card takes up the new matching key from the keyring") {
  Practice f;
  const std::string oldHash = f.smithKeyHere();
  REQUIRE(oldHash == f.smithKeyStored());
  {
    // longstopctl staff revoke: its own connection to the same database.
    auto other = service::Site::open(f.dir / "site", f.clock);
    REQUIRE(other.ok());
    auto recovery = service::recoverySession(**other, f.recoveryCode);
    REQUIRE(recovery.ok());
    REQUIRE(service::revokeStaff(**other, **recovery, f.leaver.staffId).ok());
  }
  CHECK(f.smithKeyStored() != oldHash);  // rehashed under the new key
  CHECK(f.smithKeyHere() == oldHash);    // the kiosk has not looked yet
  auto m = f.findSmith();                // it looks before matching (and the app once a second)
  REQUIRE(m.ok());
  CHECK(m->outcome == core::MatchOutcome::kOne);
  CHECK(f.smithKeyHere() == f.smithKeyStored());
  CHECK_FALSE(f.site().followRenewedKeys());  // nothing more to take
  CHECK_FALSE(f.kiosk->locked());
  // A restart by the watchdog finds the new keys in the keyring too.
  auto restarted = service::Site::open(f.dir / "site", f.clock);
  REQUIRE(restarted.ok());
  CHECK((*restarted)->unlocked());
  CHECK((*restarted)->matchHash(core::matchKeyText({1984, 3, 7}, 'S', core::Sex::kFemale)) ==
        f.smithKeyStored());
}

TEST_CASE("a kiosk that cannot read the renewed key locks and asks for staff instead of matching no one") {
  Practice f;
  NoKeyStore none;
  auto opened = service::Site::open(f.dir / "site", f.clock, nullptr, &none);
  REQUIRE(opened.ok());
  service::Site& alone = **opened;
  REQUIRE_FALSE(alone.unlocked());
  service::Kiosk kiosk(std::move(opened.value()));
  REQUIRE(service::signIn(alone, f.stayer.cardText, "11223344").ok());  // the morning's sign-in
  REQUIRE(kiosk.findAppointment({{1984, 3, 7}, 'S', core::Sex::kFemale})->outcome ==
          core::MatchOutcome::kOne);

  auto recovery = service::recoverySession(f.site(), f.recoveryCode);
  REQUIRE(recovery.ok());
  REQUIRE(service::revokeStaff(f.site(), **recovery, f.leaver.staffId).ok());
  CHECK(alone.followRenewedKeys());
  CHECK(kiosk.locked());
  auto refused = kiosk.findAppointment({{1984, 3, 7}, 'S', core::Sex::kFemale});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == core::ErrorCode::kUnauthorised);
  // A sign-in gives it the new key, and the appointment from before matches.
  REQUIRE(service::signIn(alone, f.stayer.cardText, "11223344").ok());
  CHECK(kiosk.findAppointment({{1984, 3, 7}, 'S', core::Sex::kFemale})->outcome == core::MatchOutcome::kOne);
}

TEST_CASE("a matching key that no administrator announced is refused by the kiosk and reported by verify") {
  Practice f;
  REQUIRE(
      service::revokeStaff(f.site(), *f.admin, f.leaver.staffId).ok());  // the site has a signed generation
  auto reception = f.signIn(f.stayer, "11223344");  // what a dishonest receptionist holds: the device key
  const std::string keyName = service::unattendedKeyName(f.site().info().deviceId, f.site().signPublicKey());
  const crypto::SecretBytes theirs = crypto::SecretBytes::copyOf(crypto::randomBytes(32));

  SECTION("planted in the keyring") {
    REQUIRE(service::kernelKeyring().save(keyName, keyringBytes(reception->secrets(), theirs.view())).ok());
  }
  SECTION("announced by an event only the device key signed") {
    store::JsonObject data;
    data.add("staff", f.stayer.staffId).add("match_gen", int64_t{3});
    data.add("match_commit",
             crypto::toHex(service::matchKeyCommitment(theirs.view(), f.site().info().deviceId)));
    data.add("admin_n", int64_t{99}).add("admin_sig", crypto::toHex(std::string(64, 'x')));
    REQUIRE(f.site()
                .db()
                .transaction([&]() -> core::Status {
                  if (auto m = store::setMeta(f.site().db(), "match_gen", "3"); !m.ok()) return m;
                  auto e = f.site().appendEvent("staff-revoked", "", data.str(), f.stayer.staffId);
                  return e.ok() ? core::okStatus() : core::Status(e.error());
                })
                .ok());
    REQUIRE(service::kernelKeyring().save(keyName, keyringBytes(reception->secrets(), theirs.view())).ok());
  }
  const std::string ours = f.smithKeyHere();
  CHECK_FALSE(f.site().followRenewedKeys());
  CHECK_FALSE(f.kiosk->locked());
  CHECK(f.smithKeyHere() == ours);
  CHECK(f.findSmith()->outcome == core::MatchOutcome::kOne);
  // A restart does not take it either: the kiosk waits for staff.
  auto restarted = service::Site::open(f.dir / "site", f.clock);
  REQUIRE(restarted.ok());
  CHECK_FALSE((*restarted)->unlocked());
  auto check = service::checkSite(f.site().db());
  REQUIRE(check.ok());
  CHECK_FALSE(check->sound());
}

TEST_CASE("a bundle is read in both layouts and refused when any size is wrong") {
  auto keys = [](size_t n, char c) { return std::string(n, c); };
  const std::string fixed = keys(64, 1) + keys(32, 2) + keys(32, 3);
  auto v1 = service::parseBundlePlain("LSKB1" + std::string(1, '\0') + fixed + "\x01" + keys(32, 4));
  REQUIRE(v1);  // a card's bundle from before the matching key was renewed
  CHECK(v1->olderMatchKeys.empty());
  CHECK(v1->recordsSecretKey.view() == keys(32, 4));
  const std::string v2 = "LSKB2" + std::string(1, '\0') + fixed + "\x02" + keys(64, 4) + "\x01" + keys(32, 5);
  auto read = service::parseBundlePlain(v2);
  REQUIRE(read);
  CHECK(read->olderRecordsKeys.size() == 1);
  REQUIRE(read->olderMatchKeys.size() == 1);
  CHECK(read->olderMatchKeys.front().view() == keys(32, 5));
  CHECK_FALSE(service::parseBundlePlain(v2 + "x"));                      // bytes left over
  CHECK_FALSE(service::parseBundlePlain(v2.substr(0, v2.size() - 1)));   // one short
  CHECK_FALSE(service::parseBundlePlain(v2.substr(0, v2.size() - 33)));  // no older-key count
  CHECK_FALSE(service::parseBundlePlain("LSKB2\x02" + fixed + "\x01" + keys(32, 4) + std::string(1, '\0')));
  CHECK_FALSE(service::parseBundlePlain("LSKB2" + std::string(1, '\0') + fixed + std::string(1, '\0') +
                                        std::string(1, '\0')));  // no records key at all
  CHECK_FALSE(service::parseBundlePlain(""));
}

TEST_CASE(
    "the admin screen's revocation needs an administrator's session in the service, not only the screen") {
  Practice f;
  service::AdminDesk desk(f.dir / "site", f.clock);
  std::unique_ptr<service::StaffSession> who = f.signIn(f.stayer, "11223344");  // a reception card
  desk.setSessionSource([&]() { return who.get(); });
  auto listed = desk.staffCards();
  CHECK_FALSE(listed.ok());
  auto refused = desk.revokeCard(f.leaver.staffId);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == core::ErrorCode::kUnauthorised);
  CHECK(store::getCredential(f.site().db(), f.leaver.staffId).value());  // nothing changed

  who = f.signIn(f.boss, "13579135");
  auto cards = desk.staffCards();
  REQUIRE(cards.ok());
  REQUIRE(cards->size() == 3);
  for (const auto& c : cards.value()) CHECK(c.signedInNow == (c.staffId == f.boss.staffId));
  auto done = desk.revokeCard(f.leaver.staffId);
  REQUIRE(done.ok());
  CHECK(done->find("Lee Leaving (" + f.leaver.staffId + ") is revoked") != std::string::npos);
  CHECK_FALSE(store::getCredential(f.site().db(), f.leaver.staffId).value());
  CHECK(who->isAdmin());          // the session carries on with the renewed keys
  CHECK(desk.staffCards().ok());  // still an administrator's, under the new admin key
  // The kiosk (its own connection) matches under the new key that the desk's revocation made.
  CHECK(f.findSmith()->outcome == core::MatchOutcome::kOne);
  CHECK(f.smithKeyHere() == f.smithKeyStored());
}
