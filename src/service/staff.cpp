#include "service/staff.h"

#include <array>

#include "core/ids.h"
#include "core/staff_card.h"
#include "crypto/primitives.h"
#include "service/admin_sign.h"
#include "service/key_bundle.h"
#include "service/key_renewal.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace {

constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string newStaffId() {
  const std::string r = crypto::randomBytes(8);
  std::array<uint8_t, 4> a{}, b{};
  std::copy(r.begin(), r.begin() + 4, a.begin());
  std::copy(r.begin() + 4, r.end(), b.begin());
  return (core::deviceIdFromRandom(a) + core::deviceIdFromRandom(b)).substr(0, 6);
}

std::string newCardSecret() {
  const std::string r = crypto::randomBytes(17);  // 26 base32 characters use 130 bits; 128 are random
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : r) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.size() < 26) {
      out += kBase32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

core::Status validatePin(const std::string& pin) {
  if (pin.size() < kMinPinLength) return core::invalidInput("A PIN needs at least eight digits.");
  for (char c : pin)
    if (c < '0' || c > '9') return core::invalidInput("A PIN is digits only.");
  return core::okStatus();
}

// Tells a wrong card from a wrong PIN before the costly derivation. The card's 128 random bits make an
// unkeyed hash safe, and a locked kiosk (no matching key yet) can check it. Cards made before signed
// logs have a 16-byte check keyed with the matching key: a locked kiosk leaves them to the wrapped keys
// alone, and their first sign-in gives them the new check.
std::string cardCheck(std::string_view secret) {
  return crypto::keyedHash("longstop-card-check-v2", "card2|" + std::string(secret), 32);
}

bool cardFits(const Site& site, const std::string& stored, const std::string& secret) {
  if (stored.size() == 32) return crypto::equalConstantTime(stored, cardCheck(secret));
  return !site.unlocked() || site.matchHashFits(stored, "card1|" + secret);  // any generation of the key
}
std::string unwrapSecret(std::string_view secret, std::string_view pin) {
  return "staff1|" + std::string(secret) + "|" + std::string(pin);
}

struct StaffRow {
  StaffMember member;
  std::string cardCheck;
};

core::Result<std::optional<StaffRow>> loadStaff(Site& site, std::string_view id) {
  auto st = site.db().prepare(
      "SELECT id, name, role, created_ms, revoked_ms, failed_attempts, locked_until_ms, card_check "
      "FROM staff WHERE id = ?");
  if (!st.ok()) return st.error();
  st->bind(1, id);
  auto row = st->step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<StaffRow>();
  StaffRow r;
  r.member.id = st->columnText(0);
  r.member.name = st->columnText(1);
  r.member.role = st->columnText(2) == "admin" ? StaffRole::kAdmin : StaffRole::kReception;
  r.member.createdMs = st->columnInt(3);
  if (!st->columnIsNull(4)) r.member.revokedMs = st->columnInt(4);
  r.member.failedAttempts = static_cast<int>(st->columnInt(5));
  r.member.lockedUntilMs = st->columnInt(6);
  r.cardCheck = st->columnBlob(7);
  return std::optional<StaffRow>(std::move(r));
}

// "LSS1:S7K2QX:ABCD…" or "S7K2QX ABCD…" typed from the printed card; read as the sign-in screen reads it.
core::Result<std::pair<std::string, std::string>> splitCard(const std::string& text) {
  core::TypedCard card = core::readTypedCard(text);
  if (card.problem != core::CardProblem::kNone)
    return core::invalidInput("That is not a Longstop staff card.");
  return std::make_pair(std::move(card.staffId), std::move(card.secret));
}

core::Status recordFailure(Site& site, const StaffMember& m, int64_t now) {
  const int failures = m.failedAttempts + 1;
  int64_t lockedUntil = 0;
  if (failures >= kFreeAttempts) {
    const int doublings = std::min(failures - kFreeAttempts, 10);
    lockedUntil = now + std::min(kMaxLockMs, kFirstLockMs << doublings);
  }
  return site.db().transaction([&]() -> core::Status {
    auto st = site.db().prepare("UPDATE staff SET failed_attempts = ?, locked_until_ms = ? WHERE id = ?");
    if (!st.ok()) return st.error();
    st->bind(1, int64_t{failures}).bind(2, lockedUntil).bind(3, m.id);
    if (auto s = st->run(); !s.ok()) return s;
    // A locked kiosk cannot sign, so a wrong PIN before the first unlock counts in the staff row only.
    if (!site.unlocked()) return core::okStatus();
    store::JsonObject data;
    data.add("attempt", failures);
    if (lockedUntil) data.add("locked_until_ms", lockedUntil);
    auto e = site.appendEvent("signin-failed", "", data.str(), m.id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
}

std::string waitText(int64_t ms) {
  const int64_t secs = (ms + 999) / 1000;
  if (secs < 120) return std::to_string(secs) + " seconds";
  return std::to_string((secs + 59) / 60) + " minutes";
}

core::Error revokedCard() {
  return core::unauthorised("This card has been revoked. Ask an administrator for a new one.");
}

}  // namespace

std::string_view toString(StaffRole r) {
  return r == StaffRole::kAdmin ? "admin" : "reception";
}

core::Result<StaffRole> parseRole(std::string_view text) {
  if (text == "admin") return StaffRole::kAdmin;
  if (text == "reception") return StaffRole::kReception;
  return core::invalidInput("A role is 'reception' or 'admin'.");
}

core::Status requireAdmin(const Site& site, const StaffSession& session) {
  if (session.who().role != StaffRole::kAdmin)
    return core::unauthorised("Only an administrator can do that: sign in with an admin card.");
  if (!session.secrets().admin())
    return core::unauthorised(
        "This admin card was made before admin keys and cannot administer. Make a new admin "
        "card with the recovery code (longstopctl staff add), then revoke this one.");
  if (crypto::signPublicKeyOf(session.secrets().adminSecretKey) != site.adminPublicKey())
    return core::unauthorised("These keys are not this site's admin key: sign in again.");
  return core::okStatus();
}

core::Result<std::unique_ptr<StaffSession>> recoverySession(Site& site, std::string_view recoveryCode) {
  auto secrets = site.unlockWithRecoveryCode(recoveryCode);
  if (!secrets.ok()) return secrets.error();
  StaffMember who{"", "Recovery code", StaffRole::kAdmin, 0, std::nullopt, 0, 0};
  return std::make_unique<StaffSession>(std::move(who), std::move(secrets.value()),
                                        site.clock().now().unixMs);
}

core::Result<NewCard> addStaff(Site& site, const StaffSession& admin, const std::string& name, StaffRole role,
                               const std::string& pin) {
  if (auto s = requireAdmin(site, admin); !s.ok()) return s.error();
  const SiteSecrets& secrets = admin.secrets();
  const std::string& byStaffId = admin.who().id;
  if (name.empty() || name.size() > 80)
    return core::invalidInput("A member of staff needs a name (up to 80 characters).");
  if (auto s = validatePin(pin); !s.ok()) return s.error();
  NewCard card{newStaffId(), newCardSecret(), ""};
  card.cardText = "LSS1:" + card.staffId + ":" + card.secret;
  const crypto::KdfParams kdf = crypto::newKdfParams();
  if (secrets.matchKey.size() != 32 || secrets.ticketKey.size() != 32)
    return core::unauthorised("These keys cannot make a new card; sign in again.");
  std::string material = unwrapSecret(card.secret, pin);
  auto key = crypto::deriveKey(material, kdf);
  crypto::wipe(material);
  if (!key) return core::internalError("Not enough memory to protect the new card.");
  const CredentialKeys own = makeCredentialKeys(*key, secrets, role == StaffRole::kAdmin);
  const int64_t now = site.clock().now().unixMs;
  auto s = site.db().transaction([&]() -> core::Status {
    auto st =
        site.db().prepare("INSERT INTO staff(id, name, role, card_check, created_ms) VALUES (?,?,?,?,?)");
    if (!st.ok()) return st.error();
    st->bind(1, card.staffId).bind(2, name).bind(3, toString(role)).bindBlob(4, cardCheck(card.secret));
    st->bind(5, now);
    if (auto r = st->run(); !r.ok()) return r;
    store::CredentialRow cred{card.staffId,
                              "staff",
                              kdf.salt,
                              static_cast<int64_t>(kdf.opsLimit),
                              static_cast<int64_t>(kdf.memLimit),
                              own.wrapped,
                              now,
                              own.publicKey,
                              own.bundle};
    if (auto r = store::insertCredential(site.db(), cred); !r.ok()) return r;
    store::JsonObject data;
    data.add("staff", card.staffId).add("role", toString(role)).add("box_pk", crypto::toHex(own.publicKey));
    auto e = appendAdminEvent(site, secrets.adminSecretKey, "staff-added", std::move(data), byStaffId);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  if (!s.ok()) return s.error();
  return card;
}

core::Result<std::vector<StaffMember>> listStaff(Site& site) {
  auto st = site.db().prepare("SELECT id FROM staff ORDER BY created_ms, id");
  if (!st.ok()) return st.error();
  std::vector<std::string> ids;
  for (;;) {
    auto row = st->step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    ids.push_back(st->columnText(0));
  }
  std::vector<StaffMember> out;
  for (const auto& id : ids) {
    auto r = loadStaff(site, id);
    if (!r.ok()) return r.error();
    if (r.value()) out.push_back(r.value()->member);
  }
  return out;
}

core::Result<Revocation> revokeStaff(Site& site, StaffSession& admin, const std::string& staffId) {
  if (auto s = requireAdmin(site, admin); !s.ok()) return s.error();
  if (staffId == admin.who().id)
    return core::invalidInput(
        "You cannot revoke the card you are signed in with; ask another administrator.");
  auto r = loadStaff(site, staffId);
  if (!r.ok()) return r.error();
  if (!r.value()) return core::notFound("There is no member of staff " + staffId + ".");
  if (r.value()->member.revokedMs) return Revocation{};
  const int64_t now = site.clock().now().unixMs;
  SiteSecrets next;
  Revocation done;
  auto s = site.db().transaction([&]() -> core::Status {
    auto st = site.db().prepare("UPDATE staff SET revoked_ms = ? WHERE id = ?");
    if (!st.ok()) return st.error();
    st->bind(1, now).bind(2, staffId);
    if (auto s = st->run(); !s.ok()) return s;
    // The wrapped keys go too, and every other credential gets new ones: whatever the revoked card's
    // holder still knows opens nothing written from now on.
    auto del = site.db().prepare("DELETE FROM credentials WHERE id = ? AND kind = 'staff'");
    if (!del.ok()) return del.error();
    del->bind(1, staffId);
    if (auto s = del->run(); !s.ok()) return s;
    auto renewed = renewSiteKeys(site, admin.secrets(), staffId, admin.who().id);
    if (!renewed.ok()) return renewed.error();
    done = {renewed->renewed, renewed->notRenewed, renewed->rehash.appointments + renewed->rehash.checkins,
            renewed->rehash.notOpened};
    next = std::move(renewed->secrets);
    return core::okStatus();
  });
  if (!s.ok()) return s.error();
  admin.renew(std::move(next));
  site.takeRenewedKeys(admin.secrets());  // the kiosk in this process matches with the new key at once
  if (auto reload = site.reloadSettings(); !reload.ok()) return reload.error();
  return done;
}

SignInResult signIn(Site& site, const std::string& cardText, const std::string& pin) {
  auto parts = splitCard(cardText);
  if (!parts.ok()) return SignInError(SignInFailure::kNotACard, parts.error());
  // Named references, not a structured binding: the lambda below takes them (clang 14 refuses a binding
  // there).
  const std::string& id = parts.value().first;
  const std::string& secret = parts.value().second;
  auto loaded = loadStaff(site, id);
  if (!loaded.ok()) return SignInError(SignInFailure::kFault, loaded.error());
  if (!loaded.value() || !cardFits(site, loaded.value()->cardCheck, secret))
    return SignInError(SignInFailure::kUnknownCard,
                       core::unauthorised("This card is not known here. Please use your own staff card."));
  const StaffMember& m = loaded.value()->member;
  if (m.revokedMs) return SignInError(SignInFailure::kRevoked, revokedCard());
  const int64_t now = site.clock().now().unixMs;
  if (m.lockedUntilMs > now)
    return SignInError(SignInFailure::kLocked,
                       core::unauthorised("Too many wrong PINs. This card is locked for " +
                                          waitText(m.lockedUntilMs - now) + "."));
  auto cred = store::getCredential(site.db(), id);
  if (!cred.ok()) return SignInError(SignInFailure::kFault, cred.error());
  if (!cred.value()) return SignInError(SignInFailure::kRevoked, revokedCard());
  const auto& c = *cred.value();
  std::string material = unwrapSecret(secret, pin);
  auto key = crypto::deriveKey(material,
                               {c.kdfSalt, static_cast<uint64_t>(c.kdfOps), static_cast<uint64_t>(c.kdfMem)});
  crypto::wipe(material);
  if (!key)
    return SignInError(SignInFailure::kFault, core::internalError("Not enough memory to check the PIN."));
  auto secrets = site.unlock(c, *key, id);
  if (!secrets.ok() && secrets.error().code != core::ErrorCode::kUnauthorised)
    return SignInError(SignInFailure::kFault, secrets.error());
  if (!secrets.ok()) {
    if (auto s = recordFailure(site, m, now); !s.ok()) return SignInError(SignInFailure::kFault, s.error());
    const int left = kFreeAttempts - (m.failedAttempts + 1);
    if (left > 0)
      return SignInError(SignInFailure::kWrongPin, core::unauthorised("Wrong PIN. " + std::to_string(left) +
                                                                      " tries left before the card locks."));
    return SignInError(SignInFailure::kWrongPin,
                       core::unauthorised("Wrong PIN. The card is now locked for a while; the delay "
                                          "grows with each wrong PIN."));
  }
  auto s = site.db().transaction([&]() -> core::Status {
    auto st = site.db().prepare(
        "UPDATE staff SET failed_attempts = 0, locked_until_ms = 0, card_check = ? WHERE id = ?");
    if (!st.ok()) return st.error();
    st->bindBlob(1, cardCheck(secret)).bind(2, id);
    if (auto r = st->run(); !r.ok()) return r;
    auto e = site.appendEvent("signin", "", "{}", id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  if (!s.ok()) return SignInError(SignInFailure::kFault, s.error());
  return std::make_unique<StaffSession>(m, std::move(secrets.value()), now);
}

core::Status signOut(Site& site, std::unique_ptr<StaffSession>& session, std::string_view reason) {
  if (!session) return core::okStatus();
  store::JsonObject data;
  data.add("reason", reason);
  auto recorded = site.db().transaction([&]() -> core::Status {
    auto e = site.appendEvent("signout", "", data.str(), session->who().id);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  session.reset();  // whatever happened: SiteSecrets' SecretBytes wipe themselves
  return recorded;
}

}  // namespace longstop::service
