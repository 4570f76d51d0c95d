#include "service/site_check.h"

#include <map>

#include <nlohmann/json.hpp>

#include "crypto/primitives.h"
#include "exporter/org_keys.h"
#include "service/admin_log.h"
#include "service/high_water.h"
#include "service/match_key.h"
#include "service/site.h"
#include "service/site_roster.h"
#include "service/verify_state.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace {

std::string meta(store::Database& db, const char* key) {
  auto v = store::getMeta(db, key);
  return v.ok() && v.value() ? *v.value() : std::string();
}

// A field of an event's JSON data; empty (or 0) when the data or the field is not there.
nlohmann::json dataOf(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}
std::string field(const std::string& json, const char* key) {
  return dataOf(json).value(key, std::string());
}
int64_t number(const std::string& json, const char* key) {
  return dataOf(json).value(key, int64_t{0});
}

// Wrong PINs since each card's last good sign-in, as the log tells them, against the staff table.
core::Result<std::vector<std::string>> checkLockouts(store::Database& db) {
  auto st = db.prepare(
      "SELECT kind, staff_id, data FROM events WHERE kind IN ('signin', 'signin-failed') ORDER BY seq");
  if (!st.ok()) return st.error();
  struct Seen {
    int64_t failures = 0, lockedUntil = 0;
  };
  std::map<std::string, Seen> seen;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    Seen& s = seen[st->columnText(1)];
    if (st->columnText(0) == "signin")
      s = {};
    else
      s = {s.failures + 1, number(st->columnText(2), "locked_until_ms")};
  }
  std::vector<std::string> out;
  auto staff = db.prepare("SELECT id, failed_attempts, locked_until_ms FROM staff");
  if (!staff.ok()) return staff.error();
  for (;;) {
    auto row = staff->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Seen s = seen[staff->columnText(0)];
    if (staff->columnInt(1) < s.failures || staff->columnInt(2) < s.lockedUntil)
      out.push_back("The lockout of staff card " + staff->columnText(0) +
                    " was reset outside Longstop (the log has " + std::to_string(s.failures) +
                    " wrong PINs since its last sign-in).");
  }
  return out;
}

// Every card must have been added through Longstop, and a card added since the site has an admin key
// must be the one (role and public key) an administrator signed.
core::Result<std::vector<std::string>> checkCards(store::Database& db, const AdminLog& log) {
  auto credentials = store::listCredentials(db);
  if (!credentials.ok()) return credentials.error();
  auto roles = db.prepare("SELECT role FROM staff WHERE id = ?");
  if (!roles.ok()) return roles.error();
  std::vector<std::string> out;
  for (const auto& c : credentials.value()) {
    if (c.kind != "staff") continue;
    roles->bind(1, c.id);
    auto row = roles->step();
    if (!row.ok()) return row.error();
    const std::string role = row.value() ? roles->columnText(0) : std::string();
    roles->reset();
    bool valid = false;
    auto grant = log.grantFor(c.id, &valid);
    const bool before = grant && !valid && grant->role.empty();
    if (!grant || (!valid && !before))
      out.push_back("Staff card " + c.id +
                    " was not added by an administrator: someone with the device's key "
                    "put it on the card. Revoke it and tell the practice's IT support.");
    else if (valid && (grant->publicKey != c.publicKey || grant->role != role))
      out.push_back("Staff card " + c.id +
                    " is not the card an administrator added (its role or key was changed "
                    "outside Longstop). Revoke it and tell the practice's IT support.");
  }
  return out;
}

}  // namespace

core::Result<std::string> checkRecipientSetting(store::Database& db) {
  auto log = readAdminLog(db);
  if (!log.ok()) return log.error();
  const AdminEvent* newest = log->newest("recipient-set");
  if (newest && !newest->valid)
    return std::string("The recipient key was set without an administrator's signature (event " +
                       std::to_string(newest->seq) +
                       "): someone with the device's key planted it. Do not export; set the receiving "
                       "organisation's key again on the admin screen and tell the practice's IT support.");
  const std::string signedId = newest ? field(newest->data, "key_id") : std::string();
  const std::string current = meta(db, "recipient");
  if (current.empty() && signedId.empty()) return std::string();
  if (current != signedId)
    return std::string(
        "The recipient key in the settings (" + (current.empty() ? "none" : current) +
        ") is not the one set through Longstop (" + (signedId.empty() ? "none" : signedId) +
        "): someone changed the database. Do not export; set the receiving organisation's key again "
        "on the admin screen and tell the practice's IT support.");
  const std::string text = meta(db, ("recipient:" + current).c_str());
  auto key = exporter::parseOrgPublicKey(text);
  if (!key.ok() || key->keyId() != current)
    return std::string(
        "The stored recipient key " + current +
        " does not match its fingerprint: someone changed the database. Do not export; set the "
        "receiving organisation's key again on the admin screen.");
  return std::string();
}

core::Result<SiteCheck> checkSite(store::Database& db, std::string_view signer,
                                  const std::filesystem::path& dataDir, int utcOffsetMinutes) {
  if (!crypto::initialise()) return core::internalError("libsodium could not start on this machine.");
  SiteCheck out;
  const std::string stored = crypto::fromHex(meta(db, "sign_pk")).value_or("");
  std::string key = std::string(signer);
  out.keySource = "the key given on the command line";
  // This boot's keys (signing, matching, ticket, then older matching keys), when the keyring has them.
  auto unlocked = kernelKeyring().load(unattendedKeyName(meta(db, "device_id"), stored));
  if (unlocked && (unlocked->size() < 128 || (unlocked->size() - 128) % 32 != 0)) unlocked.reset();
  if (key.empty() && unlocked) {
    key = crypto::signPublicKeyOf(crypto::SecretBytes::copyOf(unlocked->view().substr(0, 64)));
    out.keySource = "this device's unlocked key";
  }
  if (key.empty()) {
    key = stored;
    out.keySource =
        "the key the database names itself (a copy of the card could replace it: give --signer from the "
        "kiosk's admin screen, or verify on the unlocked kiosk)";
  }
  if (key != stored)
    out.problems.push_back("The database names a signing key that is not this device's: it was replaced.");
  SodiumSignatureCheck check;
  SodiumDigest digest;
  store::EventLog log(db, digest);
  auto report = log.verify(key, check);
  if (!report.ok()) return report.error();
  out.log = report.value();
  if (!out.log.sound())
    out.problems.push_back("The event log is broken at " + out.log.reason + ".");
  else if (out.log.rows > 0 && out.log.signedRows == 0)
    out.problems.push_back(
        "The event log carries no signatures, so nothing shows it was not rewritten. A site made before "
        "signed logs is signed from its first unlock: sign in once on the kiosk, then verify again.");
  if (out.log.lostEvents > 0)
    out.notes.push_back(
        "The log records " + std::to_string(out.log.lostEvents) +
        " events lost earlier (a deleted WAL or an older backup put back); their numbers were not "
        "given again.");
  if (!dataDir.empty()) {
    auto mark = checkHighWater(db, dataDir, key, utcOffsetMinutes);
    if (!mark.ok()) return mark.error();
    if (!mark->sound()) out.problems.push_back(mark->problem);
  }
  auto derived = checkDerivedState(db, meta(db, "device_id"));
  if (!derived.ok()) return derived.error();
  out.problems.insert(out.problems.end(), derived->problems.begin(), derived->problems.end());
  out.checkinsCompared = derived->checkins;
  out.appointmentsCompared = derived->appointments;
  out.appointmentsUnrecorded = derived->appointmentsUnrecorded;
  auto recipient = checkRecipientSetting(db);
  if (!recipient.ok()) return recipient.error();
  if (!recipient->empty()) out.problems.push_back(*recipient);
  auto admin = readAdminLog(db);
  if (!admin.ok()) return admin.error();
  out.problems.insert(out.problems.end(), admin->problems.begin(), admin->problems.end());
  if (unlocked && !admin->matchCommit.empty() &&
      matchKeyCommitment(unlocked->view().substr(64, 32), meta(db, "device_id")) != admin->matchCommit)
    out.problems.push_back(
        "The matching key this kiosk was given for this boot is not the one the signed log names "
        "(generation " +
        std::to_string(admin->matchGeneration) +
        "): someone planted it in the keyring. Lock the kiosk (longstopctl lock), sign in again "
        "and tell the practice's IT support.");
  auto cards = checkCards(db, admin.value());
  if (!cards.ok()) return cards.error();
  out.problems.insert(out.problems.end(), cards->begin(), cards->end());
  auto roster = checkRoster(db);
  if (!roster.ok()) return roster.error();
  out.problems.insert(out.problems.end(), roster->begin(), roster->end());
  auto lockouts = checkLockouts(db);
  if (!lockouts.ok()) return lockouts.error();
  out.problems.insert(out.problems.end(), lockouts->begin(), lockouts->end());
  return out;
}

}  // namespace longstop::service
