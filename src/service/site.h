// One site's data directory, opened: the database, the event log, the public keys and settings.
// Secrets (the records key that opens personal data, the signing key) are not here: they come only
// from unlock*() for as long as the caller keeps the SiteSecrets.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "crypto/primitives.h"
#include "crypto/secret_bytes.h"
#include "service/kiosk_services.h"
#include "service/sodium_digest.h"
#include "store/database.h"
#include "store/event_log.h"

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

/// The site's secret keys, in locked memory, wiped when this goes away.
struct SiteSecrets {
  crypto::SecretBytes recordsSecretKey;  // opens sealed personal data
  crypto::SecretBytes signSecretKey;     // signs export batches
};

class Site {
 public:
  /// The database file inside a data directory.
  static std::filesystem::path databasePath(const std::filesystem::path& dataDir);

  /// Creates a new site in `dataDir` (missing or empty); refuses a directory that already holds one.
  static core::Result<InitResult> create(const std::filesystem::path& dataDir, const SiteSetup& setup,
                                         const core::Clock& clock);
  /// Opens an existing site. `vfs` is for the benchmark's sync counter.
  static core::Result<std::unique_ptr<Site>> open(const std::filesystem::path& dataDir, const core::Clock& clock,
                                                  const char* vfs = nullptr);

  store::Database& db() { return *db_; }
  store::EventLog& log() { return log_; }
  const core::Clock& clock() const { return clock_; }
  const SiteInfo& info() const { return info_; }

  /// Keyed hash with the site's matching key (for date-of-birth/initial/sex, NHS number, duplicates).
  std::string matchHash(std::string_view text) const;
  /// The MAC part of an LST1 ticket code for a record ID: 8 upper-case hex characters.
  std::string ticketMac(std::string_view recordId) const;
  /// The MAC part of an LSA1 appointment code: 8 upper-case hex characters of the keyed hash (ticket key)
  /// of `LSA1:<ods>:<appointment-id>`.
  std::string appointmentCodeMac(std::string_view appointmentId) const;
  /// Seals bytes to the site's records public key (the kiosk can seal but not open).
  std::string seal(std::string_view plaintext) const;
  /// Does the costly part of the next seal now (two X25519 multiplications, ~0.2 ms here and more on a
  /// Raspberry Pi), at a moment nobody is waiting, so the check-in that uses it seals in microseconds.
  /// seal() works without it, only slower. Each prepared seal is used once.
  void prepareSeal() const;
  const std::string& recordsPublicKey() const { return recordsPublicKey_; }
  const std::string& signPublicKey() const { return signPublicKey_; }

  /// Unwraps the site's secrets with the recovery code. Costs one Argon2id derivation.
  core::Result<SiteSecrets> unlockWithRecoveryCode(std::string_view code);
  /// Opens a sealed blob with unlocked secrets.
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

  SodiumDigest digest_;
  std::unique_ptr<store::Database> db_;
  store::EventLog log_;
  const core::Clock& clock_;
  SiteInfo info_;
  std::string recordsPublicKey_;
  mutable std::optional<crypto::SealPrep> nextSeal_;
  std::string signPublicKey_;
  std::string matchKey_;
  std::string ticketKey_;
};

}  // namespace longstop::service
