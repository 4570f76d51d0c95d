// One site's data directory, opened: the database, the event log, the public keys and settings.
// No key that opens, matches or signs anything is on the card in the clear: each credential (the
// recovery code, every staff card with its PIN) wraps them all. After a boot the site is locked; the
// first unlock (a staff sign-in or the recovery code) gives this Site the keys the kiosk needs
// unattended (matching, tickets, signing) and leaves them in the kernel keyring for the boot. The
// records key, which opens personal data, stays with the caller's SiteSecrets.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "crypto/primitives.h"
#include "crypto/secret_bytes.h"
#include "service/key_store.h"
#include "service/kiosk_services.h"
#include "service/match_key.h"
#include "service/sodium_digest.h"
#include "store/database.h"
#include "store/event_log.h"
#include "store/site_tables.h"

namespace longstop::service {

/// What `longstopctl init` (and later the first-boot wizard) asks for.
struct SiteSetup {
  std::string odsCode;
  std::string name;
  std::vector<core::QueueDef> queues;  // empty: the default three (GP, Nurse, Walk-in)
};

struct InitResult {
  std::string deviceId;
  std::string recoveryCode;  // shown once; never stored
};

/// The site's secret keys, in locked memory, wiped when this goes away. A reception card's hold no
/// admin secret; an admin card's and the recovery code's do.
struct SiteSecrets {
  crypto::SecretBytes recordsSecretKey;  // opens personal data sealed since the last revocation
  crypto::SecretBytes signSecretKey;     // signs events and export batches
  crypto::SecretBytes matchKey;          // keyed hashes for matching and duplicates
  crypto::SecretBytes ticketKey;         // MACs of ticket and appointment codes
  crypto::SecretBytes adminSecretKey;    // Ed25519: signs what only an administrator may change; may be empty
  std::vector<crypto::SecretBytes> olderRecordsKeys;  // records keys before each revocation, newest first
  std::vector<crypto::SecretBytes> olderMatchKeys;    // matching keys before each revocation, newest first
  bool admin() const { return adminSecretKey.size() == 64; }
  SiteSecrets copy() const;
};

/// What a credential from before schema 5 wrapped: the four keys above, 32 + 64 + 32 + 32 bytes. (Before
/// signed logs it was the first two only, and the other two lay in meta in the clear; see Site::unlock.)
inline constexpr size_t kWrappedKeysSize = 160;
inline constexpr size_t kLegacyWrappedKeysSize = 96;

/// The name under which a device's unattended keys are kept in the key store for the boot.
std::string unattendedKeyName(std::string_view deviceId, std::string_view signPublicKey);

class Site;

/// What a device joining a site (service/site_join.h) is made from: the site's keys instead of new
/// ones, with its own device ID and signing key (secrets.signSecretKey). `fill` runs in the same
/// transaction after the first event, to add the site's staff, credentials, settings and roster.
struct JoinedSetup {
  SiteSetup setup;
  std::string deviceId;
  std::string recordsPublicKey;  // the site's, raw bytes
  std::string adminPublicKey;    // the site's, raw bytes
  std::string joinedFrom;        // the inviting device
  SiteSecrets secrets;           // the site's keys (admin key included) with this device's signing key
  std::function<core::Status(Site&)> fill;
};

/// What a credential stored before schema 5: the four keys in `secrets`, wrapped (XSalsa20-Poly1305)
/// under `key`. New credentials use key_bundle.h; this remains for the tests of old sites.
std::string wrapKeys(const crypto::SecretBytes& key, const SiteSecrets& secrets);

class Site {
 public:
  /// The database file inside a data directory.
  static std::filesystem::path databasePath(const std::filesystem::path& dataDir);

  /// Creates a new site in `dataDir` (missing or empty); refuses a directory that already holds one.
  static core::Result<InitResult> create(const std::filesystem::path& dataDir, const SiteSetup& setup,
                                         const core::Clock& clock);
  /// Creates the site of a device joining one (service/site_join.h) in `dataDir` (missing or empty),
  /// unlocked for this boot with the keys given; its first event is the admin-signed `site-created`
  /// naming the site's keys and the device it joined through.
  static core::Result<std::unique_ptr<Site>> createJoined(const std::filesystem::path& dataDir,
                                                          const JoinedSetup& setup, const core::Clock& clock,
                                                          KeyStore* keys = nullptr);
  /// Opens an existing site. `vfs` is for the benchmark's sync counter.
  /// `keys` is where unattended keys are kept for the boot (default: the kernel keyring); a key found
  /// there unlocks the site at once.
  /// A log that ends before its high-water mark (service/high_water.h) is refused (kCorrupt) with the
  /// sentence saying how many events are missing since when, until the loss is recorded.
  static core::Result<std::unique_ptr<Site>> open(const std::filesystem::path& dataDir,
                                                  const core::Clock& clock, const char* vfs = nullptr,
                                                  KeyStore* keys = nullptr);
  /// As open(), without the high-water check: for recording a loss (service::recordLoss) and nothing else.
  static core::Result<std::unique_ptr<Site>> openDespiteLoss(const std::filesystem::path& dataDir,
                                                             const core::Clock& clock,
                                                             KeyStore* keys = nullptr);
  const std::filesystem::path& dataDir() const { return dataDir_; }
  /// A detached Ed25519 signature with the device's key; empty on a locked site.
  std::string signWithDeviceKey(std::string_view message) const;

  store::Database& db() { return *db_; }
  store::EventLog& log() { return log_; }
  const core::Clock& clock() const { return clock_; }
  const SiteInfo& info() const { return info_; }

  /// True once this boot's first unlock has given the site its unattended keys.
  bool unlocked() const { return unattended_.has_value(); }
  /// kUnauthorised with the words a person needs while the site is locked.
  core::Status requireUnlocked() const;

  /// Keyed hash with the site's matching key (for date-of-birth/initial/sex, NHS number, duplicates).
  /// These three need an unlocked site; on a locked one they throw std::logic_error (a broken
  /// precondition: callers check requireUnlocked() first).
  std::string matchHash(std::string_view text) const;
  /// The same hash as a function object, for code shared with a key renewal's rehash.
  MatchHasher matchHasher() const;
  /// True when `stored` is the keyed hash of `text` under the matching key or one before it (a staff
  /// card from before card checks of their own was checked with the key of its day).
  bool matchHashFits(std::string_view stored, std::string_view text) const;
  /// The MAC part of an LST1 ticket code for a record ID: 8 upper-case hex characters.
  std::string ticketMac(std::string_view recordId) const;
  /// The MAC part of an LSA1 appointment code: 8 upper-case hex characters of the keyed hash (ticket key)
  /// of `LSA1:<ods>:<appointment-id>`.
  std::string appointmentCodeMac(std::string_view appointmentId) const;
  /// Seals bytes to the site's records public key (the kiosk can seal but not open).
  std::string seal(std::string_view plaintext) const;
  /// Does the costly part of the next check-in's crypto now, at a moment nobody is waiting: the seal
  /// (two X25519 multiplications, ~0.2 ms here and more on a Raspberry Pi) and, on an unlocked site,
  /// kSignaturesAhead signatures' base-point multiplications (~15 µs each here). seal() and the event
  /// log work without it, only slower. Each prepared seal and signature is used once.
  /// It also follows a records key renewed by another process (a revocation with longstopctl), once the
  /// signed log names it.
  void prepareAhead();
  /// Enough for an urgent check-in: two events, each signed twice (its row and the log's signed end).
  static constexpr size_t kSignaturesAhead = 4;
  const std::string& recordsPublicKey() const { return recordsPublicKey_; }
  const std::string& signPublicKey() const { return signPublicKey_; }
  /// The site admin key's public half (meta admin_pk); empty on a site from before admin keys until
  /// its recovery code is first used.
  const std::string& adminPublicKey() const { return adminPublicKey_; }

  /// Unwraps the site's secrets with the recovery code (and unlocks the site). One Argon2id derivation.
  core::Result<SiteSecrets> unlockWithRecoveryCode(std::string_view code);
  /// Unwraps a credential's keys with the key derived from what its holder knows, checks them against
  /// the site's public keys, and unlocks the site if it was locked (an 'unlocked' event says who).
  /// kUnauthorised when the derived key is wrong; kCorrupt when the keys do not belong to this site.
  /// A credential from before schema 5 gets a key pair of its own and a sealed bundle on the way (see
  /// docs/decisions.md): a reception-level bundle for a card; the recovery code of a site with no
  /// admin key yet makes it. A card made before the site's keys were last renewed is refused.
  core::Result<SiteSecrets> unlock(const store::CredentialRow& credential,
                                   const crypto::SecretBytes& derivedKey, std::string_view byStaffId);
  /// A locked site takes this boot's keys from the key store if another process (`longstopctl unlock`)
  /// has put them there since; true when that unlocked it.
  bool adoptSavedKeys();
  /// An unlocked site follows a matching key renewed by another process (`longstopctl staff revoke`):
  /// it takes up the keys that process left in the key store, but only when the newest admin-signed
  /// 'staff-revoked' event commits to that matching key (a key planted in the keyring is refused). When
  /// the signed log names a newer key than this site holds and none is to be had, the site locks, so that
  /// staff sign in with the new keys rather than the kiosk failing to match anyone. Cheap when nothing
  /// changed (a key-store read and a meta read); the kiosk calls it once a second and before matching.
  /// True when the keys changed (taken up, or the site locked).
  bool followRenewedKeys();
  /// After a revocation in this process: the settings reloaded and the renewed unattended keys in use
  /// and in the key store, for the kiosk and its restarts.
  void takeRenewedKeys(const SiteSecrets& secrets);
  /// Wipes the unattended keys from this process and from the keyring: the next start needs staff.
  void lock();
  /// Opens a sealed blob with unlocked secrets (any generation of the records key).
  core::Result<std::string> open(const SiteSecrets& secrets, std::string_view sealed) const;

  /// Appends an event stamped with the clock's now; call inside a transaction.
  core::Result<int64_t> appendEvent(std::string_view kind, std::string_view recordId, std::string data,
                                    std::string_view staffId = {});
  /// True when a member of staff has confirmed the wall clock on today's local date.
  bool clockConfirmedToday();
  /// Reads the settings and queues again (after a change from the admin screen or a settings file).
  core::Status reloadSettings();

 private:
  Site(std::unique_ptr<store::Database> db, const core::Clock& clock);
  static core::Status prepareNewDataDir(const std::filesystem::path& dataDir);
  static core::Result<std::unique_ptr<Site>> openUnchecked(const std::filesystem::path& dataDir,
                                                           const core::Clock& clock, const char* vfs,
                                                           KeyStore* keys);

  struct Unattended {
    crypto::SecretBytes signSecretKey, matchKey, ticketKey;
    std::vector<crypto::SecretBytes> olderMatchKeys;  // newest first
  };
  static std::optional<Unattended> unattendedFromSaved(const crypto::SecretBytes& saved);
  bool matchKeyInForce(std::string_view matchKey) const;
  void reloadMatchCommit();
  std::string keyStoreName() const;
  static Unattended unattendedOf(const SiteSecrets& s);
  void install(Unattended keys);
  void remember();  // into the key store, for the boot
  core::Status adoptLegacyKeys(SiteSecrets& secrets);
  core::Status convertCredential(const store::CredentialRow& credential,
                                 const crypto::SecretBytes& derivedKey, SiteSecrets& secrets);
  core::Result<SiteSecrets> openCredential(const store::CredentialRow& credential,
                                           const crypto::SecretBytes& derivedKey) const;
  core::Status checkKeys(const SiteSecrets& secrets);
  void followRecordsKey();
  void sealPlainBackups();
  const Unattended& keys() const;

  SodiumDigest digest_;
  std::unique_ptr<store::Database> db_;
  store::EventLog log_;
  const core::Clock& clock_;
  std::filesystem::path dataDir_;
  KeyStore* keyStore_ = nullptr;
  SiteInfo info_;
  std::string recordsPublicKey_;
  mutable std::optional<crypto::SealPrep> nextSeal_, spentSeal_;
  std::string signPublicKey_;
  std::string adminPublicKey_;
  std::string matchCommit_;         // the newest signed commitment to a matching key; empty: never renewed
  std::string matchHintSeen_;       // meta match_gen when last looked at
  std::string rejectedSavedMatch_;  // commitment of a key-store matching key already refused
  std::optional<Unattended> unattended_;
  std::unique_ptr<SodiumSigner> signer_;  // over unattended_->signSecretKey
};

}  // namespace longstop::service
