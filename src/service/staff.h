// Staff: cards (LSS1 QR + typeable secret) with a PIN, as two factors. Argon2id of card secret and PIN
// unwraps the site's secret keys for a session; repeated wrong PINs lock the card with growing delays.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "service/site.h"
#include "service/staff_services.h"

namespace longstop::service {

enum class StaffRole { kReception, kAdmin };
std::string_view toString(StaffRole r);
core::Result<StaffRole> parseRole(std::string_view text);

struct StaffMember {
  std::string id;  // six characters, e.g. "S7K2QX"
  std::string name;
  StaffRole role = StaffRole::kReception;
  int64_t createdMs = 0;
  std::optional<int64_t> revokedMs;
  int failedAttempts = 0;
  int64_t lockedUntilMs = 0;
};

/// A new card: what is printed on it. The secret is shown once and never stored.
struct NewCard {
  std::string staffId;
  std::string secret;    // 26 base32 characters (128 random bits)
  std::string cardText;  // LSS1:<staff-id>:<secret>, the QR's content and what can be typed
};

/// A signed-in member of staff (or the holder of the recovery code), holding the site's secrets in locked
/// memory until it ends. An administrator is one whose secrets hold the admin key, not only whose staff
/// row says so.
class StaffSession {
 public:
  StaffSession(StaffMember who, SiteSecrets secrets, int64_t startedMs)
      : who_(std::move(who)), secrets_(std::move(secrets)), lastActivityMs_(startedMs) {}
  const StaffMember& who() const { return who_; }
  const SiteSecrets& secrets() const { return secrets_; }
  bool isAdmin() const { return who_.role == StaffRole::kAdmin && secrets_.admin(); }
  /// After a revocation renewed the site's keys: the session goes on with the new ones.
  void renew(SiteSecrets secrets) { secrets_ = std::move(secrets); }
  /// Call on every staff interaction; the idle timeout counts from the last one.
  void touch(int64_t nowMs) { lastActivityMs_ = nowMs; }
  bool idleFor(int64_t nowMs, int64_t timeoutMs) const { return nowMs - lastActivityMs_ >= timeoutMs; }

 private:
  StaffMember who_;
  SiteSecrets secrets_;
  int64_t lastActivityMs_;
};

/// Wrong PINs allowed in a row before the card locks, and the first lock's length (doubling after).
inline constexpr int kFreeAttempts = 5;
inline constexpr int64_t kFirstLockMs = 30'000;
inline constexpr int64_t kMaxLockMs = 3'600'000;
/// New cards need 8 digits (10^8 guesses at the full KDF cost offline); cards made when 6 were enough
/// still sign in, so sign-in accepts kMinSignInPinLength.
inline constexpr size_t kMinPinLength = 8;
inline constexpr size_t kMinSignInPinLength = 6;

/// kUnauthorised, with the words a person needs, unless `session` holds this site's admin key.
core::Status requireAdmin(const Site& site, const StaffSession& session);

/// The session of whoever holds the recovery code: an administrator's, with no card (its ID is empty).
core::Result<std::unique_ptr<StaffSession>> recoverySession(Site& site, std::string_view recoveryCode);

/// Adds a member of staff; needs an administrator's session, whose keys are sealed to the new card (a
/// reception card gets no admin key). Refuses a PIN shorter than eight digits or of anything but digits.
/// The 'staff-added' event names the card's role and public key, signed with the admin key.
core::Result<NewCard> addStaff(Site& site, const StaffSession& admin, const std::string& name, StaffRole role,
                               const std::string& pin);
core::Result<std::vector<StaffMember>> listStaff(Site& site);
/// What a revocation did to the site's keys.
struct Revocation {
  int renewed = 0;      // credentials given the new keys (the recovery code among them)
  int notRenewed = 0;   // cards unused since before admin keys, or changed outside Longstop: to re-issue
  int rehashed = 0;     // appointments and check-ins whose keyed hashes are now under the new matching key
  int notRehashed = 0;  // sealed records no key opened: they keep the old hashes and no longer match
};
/// From now on the card is refused, and it opens nothing written afterwards: needs an administrator's
/// session, renews the site's records, admin and matching keys for every other credential
/// (service/key_renewal.h) and writes a signed 'staff-revoked' event. The session carries on with the new
/// keys.
core::Result<Revocation> revokeStaff(Site& site, StaffSession& admin, const std::string& staffId);

/// Sign-in with the card's text (LSS1:… or the typed secret with its staff ID) and a PIN. Every
/// attempt is an event. A locked card is refused without trying the PIN, with the time left. A refusal
/// says what kind it is (staff_services.h), so that screens and tools never read the sentence to decide.
using SignInResult = core::Result<std::unique_ptr<StaffSession>, SignInError>;
SignInResult signIn(Site& site, const std::string& cardText, const std::string& pin);

/// Ends a session: wipes the keys and writes a 'signout' event with the reason ("sign-out", "idle").
/// The keys are wiped and the session ends whatever happens; the error, if any, says the 'signout' event
/// could not be written (the caller reports it: an unrecorded sign-out is a gap in the audit).
core::Status signOut(Site& site, std::unique_ptr<StaffSession>& session, std::string_view reason);

}  // namespace longstop::service
