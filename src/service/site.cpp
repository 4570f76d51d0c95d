#include "service/site.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "core/ids.h"
#include "crypto/primitives.h"
#include "service/admin_log.h"
#include "service/admin_sign.h"
#include "service/backup.h"
#include "service/data_dir.h"
#include "service/high_water.h"
#include "service/key_bundle.h"
#include "service/settings.h"
#include "store/site_tables.h"

#include <sodium.h>

namespace longstop::service {
namespace fs = std::filesystem;
namespace {

std::vector<core::QueueDef> defaultQueues() {
  return {{"gp", "GP appointments", 'A', "Room 3"},
          {"nurse", "Nurse appointments", 'N', "Treatment room"},
          {"walkin", "Walk-in", 'W', "Reception desk"}};
}

std::string concatKeys(const SiteSecrets& s) {
  std::string out(s.recordsSecretKey.view());
  out += s.signSecretKey.view();
  out += s.matchKey.view();
  out += s.ticketKey.view();
  return out;
}

SiteSecrets splitKeys(std::string_view plain) {
  SiteSecrets s;
  s.recordsSecretKey = crypto::SecretBytes::copyOf(plain.substr(0, 32));
  s.signSecretKey = crypto::SecretBytes::copyOf(plain.substr(32, 64));
  if (plain.size() == kWrappedKeysSize) {
    s.matchKey = crypto::SecretBytes::copyOf(plain.substr(96, 32));
    s.ticketKey = crypto::SecretBytes::copyOf(plain.substr(128, 32));
  }
  return s;
}

// The signed message under which a migrated site keeps its matching and ticket keys for the
// credentials not yet rewrapped: only the holder of the signing key could have written it.
std::string deviceKeysSignedBytes(std::string_view sealed) {
  return "LSDK1" + std::string(sealed);
}

// The settings and queues a new site starts with, new or joined.
core::Status writeMeta(Site& site, const SiteSetup& setup, const std::string& deviceId,
                       std::string_view recordsPk, std::string_view signPk) {
  store::Database& db = site.db();
  const int64_t now = site.clock().now().unixMs;
  const std::vector<std::pair<std::string, std::string>> meta = {
      {"device_id", deviceId},
      {"ods_code", setup.odsCode},
      {"site_name", setup.name},
      {"created_ms", std::to_string(now)},
      {"records_pk", crypto::toHex(recordsPk)},
      {"sign_pk", crypto::toHex(signPk)},
      {"admin_pk", crypto::toHex(site.adminPublicKey())},
      {"idle_timeout_s", "45"},
      {"match_before_min", "120"},
      {"match_after_min", "60"}};
  for (const auto& [k, v] : meta)
    if (auto s = store::setMeta(db, k, v); !s.ok()) return s;
  const auto& queues = setup.queues.empty() ? defaultQueues() : setup.queues;
  for (size_t i = 0; i < queues.size(); ++i) {
    if (auto s = core::validateQueue(queues[i]); !s.ok()) return s;
    if (auto s = store::insertQueue(db, queues[i], static_cast<int>(i)); !s.ok()) return s;
  }
  return store::setMeta(db, "walkin_queue", queues.back().id);
}

core::Status writeSetup(Site& site, const SiteSetup& setup, const std::string& deviceId,
                        const crypto::BoxKeyPair& records, const crypto::SignKeyPair& signer,
                        const SiteSecrets& secrets, const std::string& recoveryCode) {
  const std::string adminPk = site.adminPublicKey();
  store::Database& db = site.db();
  const int64_t now = site.clock().now().unixMs;
  if (auto s = writeMeta(site, setup, deviceId, records.publicKey, signer.publicKey); !s.ok()) return s;

  // The recovery code unwraps every key; nothing else can until staff are added.
  const crypto::KdfParams kdf = crypto::newKdfParams();
  std::string typed = crypto::normaliseCode(recoveryCode);
  auto key = crypto::deriveKey(typed, kdf);
  crypto::wipe(typed);
  if (!key) return core::internalError("Not enough memory to derive the recovery key.");
  const CredentialKeys own = makeCredentialKeys(*key, secrets, true);
  store::CredentialRow cred{"recovery",
                            "recovery",
                            kdf.salt,
                            static_cast<int64_t>(kdf.opsLimit),
                            static_cast<int64_t>(kdf.memLimit),
                            own.wrapped,
                            now,
                            own.publicKey,
                            own.bundle};
  if (auto s = store::insertCredential(db, cred); !s.ok()) return s;
  // The first event names the admin key (and proves it with its own signature): verify starts there.
  store::JsonObject data;
  data.add("ods", setup.odsCode).add("device", deviceId).add("records_pk", crypto::toHex(records.publicKey));
  data.add("admin_pk", crypto::toHex(adminPk));
  auto ev = appendAdminEvent(site, secrets.adminSecretKey, "site-created", std::move(data), "");
  return ev.ok() ? core::okStatus() : core::Status(ev.error());
}

}  // namespace

core::Result<SiteSecrets> openCredentialKeys(const store::CredentialRow& credential,
                                             const crypto::SecretBytes& derivedKey) {
  if (!credential.publicKey.empty()) {
    auto own = openCredentialSecret(credential, derivedKey);
    if (!own) return core::unauthorised("That credential does not open this site's keys.");
    auto secrets = openBundle(credential, *own);
    if (!secrets)
      return core::corrupt(
          "This card's keys were changed outside Longstop. Do not use this kiosk; call the "
          "practice's IT support.");
    return std::move(*secrets);
  }
  auto plain = crypto::unwrap(derivedKey, credential.wrapped);
  if (!plain || (plain->size() != kWrappedKeysSize && plain->size() != kLegacyWrappedKeysSize))
    return core::unauthorised("That credential does not open this site's keys.");
  return splitKeys(plain->view());
}

std::string wrapKeys(const crypto::SecretBytes& key, const SiteSecrets& secrets) {
  std::string plain = concatKeys(secrets);
  std::string wrapped = crypto::wrap(key, plain);
  sodium_memzero(plain.data(), plain.size());
  return wrapped;
}

fs::path Site::databasePath(const fs::path& dataDir) {
  return dataDir / "longstop.db";
}

SiteSecrets SiteSecrets::copy() const {
  SiteSecrets out;
  out.recordsSecretKey = crypto::SecretBytes::copyOf(recordsSecretKey.view());
  out.signSecretKey = crypto::SecretBytes::copyOf(signSecretKey.view());
  out.matchKey = crypto::SecretBytes::copyOf(matchKey.view());
  out.ticketKey = crypto::SecretBytes::copyOf(ticketKey.view());
  if (!adminSecretKey.empty()) out.adminSecretKey = crypto::SecretBytes::copyOf(adminSecretKey.view());
  for (const auto& k : olderRecordsKeys)
    out.olderRecordsKeys.push_back(crypto::SecretBytes::copyOf(k.view()));
  for (const auto& k : olderMatchKeys) out.olderMatchKeys.push_back(crypto::SecretBytes::copyOf(k.view()));
  return out;
}

Site::Site(std::unique_ptr<store::Database> db, const core::Clock& clock)
    : db_(std::move(db)), log_(*db_, digest_), clock_(clock) {}

core::Status Site::prepareNewDataDir(const fs::path& dataDir) {
  if (const auto found = probeDataDir(dataDir); found.state == DataDirState::kUnreadable)
    return core::storageError(found.message);
  std::error_code ec;
  // A data partition's own lost+found is the only thing a new site may share its directory with.
  bool occupied = false;
  for (fs::directory_iterator it(dataDir, ec), end; !ec && it != end; it.increment(ec))
    occupied = occupied || it->path().filename() != "lost+found";
  if (occupied)
    return core::conflict("The data directory " + dataDir.string() +
                          " is not empty; Longstop will not set up a site over existing data.");
  fs::create_directories(dataDir, ec);
  if (ec) return core::storageError("Could not create " + dataDir.string() + ": " + ec.message());
  fs::permissions(dataDir, fs::perms::owner_all, fs::perm_options::replace, ec);
  return core::okStatus();
}

core::Result<std::unique_ptr<Site>> Site::createJoined(const fs::path& dataDir, const JoinedSetup& j,
                                                       const core::Clock& clock, KeyStore* keys) {
  if (!crypto::initialise()) return core::internalError("libsodium could not start on this machine.");
  if (auto s = validateOds(j.setup.odsCode); !s.ok()) return s.error();
  if (j.secrets.signSecretKey.size() != 64 || !j.secrets.admin())
    return core::internalError("A joining device needs its own signing key and the site's admin key.");
  if (auto s = prepareNewDataDir(dataDir); !s.ok()) return s.error();
  auto db = store::Database::open(databasePath(dataDir), {.create = true});
  if (!db.ok()) return db.error();
  std::unique_ptr<Site> site(new Site(std::move(db.value()), clock));
  site->dataDir_ = dataDir;
  site->info_.deviceId = j.deviceId;
  site->signPublicKey_ = crypto::signPublicKeyOf(j.secrets.signSecretKey);
  site->adminPublicKey_ = j.adminPublicKey;
  site->keyStore_ = keys ? keys : &kernelKeyring();
  site->install(unattendedOf(j.secrets));
  auto s = site->db().transaction([&]() -> core::Status {
    if (auto m = writeMeta(*site, j.setup, j.deviceId, j.recordsPublicKey, site->signPublicKey_); !m.ok())
      return m;
    // The first event, as a new site's, names the admin key and proves it with its signature; it says
    // which device the site was joined through.
    store::JsonObject data;
    data.add("ods", j.setup.odsCode)
        .add("device", j.deviceId)
        .add("records_pk", crypto::toHex(j.recordsPublicKey));
    data.add("admin_pk", crypto::toHex(j.adminPublicKey)).add("joined_from", j.joinedFrom);
    auto ev = appendAdminEvent(*site, j.secrets.adminSecretKey, "site-created", std::move(data), "");
    if (!ev.ok()) return ev.error();
    if (auto r = site->reloadSettings(); !r.ok()) return r;
    return j.fill ? j.fill(*site) : core::okStatus();
  });
  if (!s.ok()) {
    site->lock();
    return s.error();
  }
  if (auto m = writeHighWater(*site); !m.ok()) {
    site->lock();
    return m.error();
  }
  if (auto r = site->reloadSettings(); !r.ok()) return r.error();
  site->remember();
  return site;
}

core::Result<InitResult> Site::create(const fs::path& dataDir, const SiteSetup& setup,
                                      const core::Clock& clock) {
  if (!crypto::initialise()) return core::internalError("libsodium could not start on this machine.");
  if (auto s = validateOds(setup.odsCode); !s.ok()) return s.error();
  if (setup.name.empty()) return core::invalidInput("The site needs a name.");
  if (auto s = prepareNewDataDir(dataDir); !s.ok()) return s.error();
  auto db = store::Database::open(databasePath(dataDir), {.create = true});
  if (!db.ok()) return db.error();
  std::unique_ptr<Site> site(new Site(std::move(db.value()), clock));
  site->dataDir_ = dataDir;

  const std::string random = crypto::randomBytes(4);
  std::array<uint8_t, 4> r{};
  std::copy(random.begin(), random.end(), r.begin());
  InitResult result{core::deviceIdFromRandom(r), crypto::newRecoveryCode()};
  const crypto::BoxKeyPair records = crypto::makeBoxKeyPair();
  const crypto::SignKeyPair signer = crypto::makeSignKeyPair();
  const crypto::SignKeyPair admin = crypto::makeSignKeyPair();
  SiteSecrets secrets;
  secrets.recordsSecretKey = crypto::SecretBytes::copyOf(records.secretKey.view());
  secrets.signSecretKey = crypto::SecretBytes::copyOf(signer.secretKey.view());
  secrets.matchKey = crypto::SecretBytes::copyOf(crypto::randomBytes(32));
  secrets.ticketKey = crypto::SecretBytes::copyOf(crypto::randomBytes(32));
  secrets.adminSecretKey = crypto::SecretBytes::copyOf(admin.secretKey.view());
  // Whoever makes the site holds the recovery code: the new site starts unlocked for this boot.
  site->info_.deviceId = result.deviceId;
  site->signPublicKey_ = signer.publicKey;
  site->adminPublicKey_ = admin.publicKey;
  site->keyStore_ = &kernelKeyring();
  site->install(unattendedOf(secrets));
  auto s = site->db().transaction([&] {
    return writeSetup(*site, setup, result.deviceId, records, signer, secrets, result.recoveryCode);
  });
  if (!s.ok()) {
    site->lock();
    return s.error();
  }
  // The first mark from the start: every copy of this database then says a mark was written, so one
  // put back with the mark deleted is seen, however old (docs/decisions.md).
  if (auto m = writeHighWater(*site); !m.ok()) {
    site->lock();
    return m.error();
  }
  site->remember();
  return result;
}

core::Result<std::unique_ptr<Site>> Site::open(const fs::path& dataDir, const core::Clock& clock,
                                               const char* vfs, KeyStore* keys) {
  auto site = openUnchecked(dataDir, clock, vfs, keys);
  if (!site.ok()) return site;
  auto mark = checkHighWater((*site)->db(), dataDir, (*site)->signPublicKey(), clock.now().utcOffsetMinutes);
  if (!mark.ok()) return mark.error();
  if (!mark->sound()) return core::corrupt(mark->problem);
  return site;
}

core::Result<std::unique_ptr<Site>> Site::openDespiteLoss(const fs::path& dataDir, const core::Clock& clock,
                                                          KeyStore* keys) {
  return openUnchecked(dataDir, clock, nullptr, keys);
}

std::string Site::signWithDeviceKey(std::string_view message) const {
  return unlocked() ? crypto::sign(keys().signSecretKey, message) : std::string();
}

core::Result<std::unique_ptr<Site>> Site::openUnchecked(const fs::path& dataDir, const core::Clock& clock,
                                                        const char* vfs, KeyStore* keys) {
  if (!crypto::initialise()) return core::internalError("libsodium could not start on this machine.");
  switch (const auto found = probeDataDir(dataDir); found.state) {
    case DataDirState::kEmpty:
      return core::notFound("No Longstop site in " + dataDir.string() + " (run `longstopctl init` first).");
    case DataDirState::kNoDatabase:
      return core::corrupt(found.message);
    case DataDirState::kUnreadable:
      return core::storageError(found.message);
    case DataDirState::kSite:
      break;
  }
  auto db = store::Database::open(databasePath(dataDir), {.create = false, .vfs = vfs});
  if (!db.ok()) return db.error();
  std::unique_ptr<Site> site(new Site(std::move(db.value()), clock));
  site->dataDir_ = dataDir;
  site->keyStore_ = keys ? keys : &kernelKeyring();
  if (auto s = site->reloadSettings(); !s.ok()) return s.error();
  // Unlocked earlier in this boot (a restart by the watchdog): carry on without anyone.
  (void)site->adoptSavedKeys();
  site->prepareAhead();
  return site;
}

// The key store holds the signing, matching and ticket keys (64 + 32 + 32 bytes), then the matching
// keys before each renewal, 32 bytes each.
std::optional<Site::Unattended> Site::unattendedFromSaved(const crypto::SecretBytes& saved) {
  if (saved.size() < 128 || (saved.size() - 128) % 32 != 0) return std::nullopt;
  const std::string_view v = saved.view();
  Unattended k{crypto::SecretBytes::copyOf(v.substr(0, 64)),
               crypto::SecretBytes::copyOf(v.substr(64, 32)),
               crypto::SecretBytes::copyOf(v.substr(96, 32)),
               {}};
  for (size_t at = 128; at < v.size(); at += 32)
    k.olderMatchKeys.push_back(crypto::SecretBytes::copyOf(v.substr(at, 32)));
  return k;
}

bool Site::matchKeyInForce(std::string_view matchKey) const {
  return matchCommit_.empty() ||
         crypto::equalConstantTime(matchKeyCommitment(matchKey, info_.deviceId), matchCommit_);
}

void Site::reloadMatchCommit() {
  auto log = readAdminLog(*db_);
  if (log.ok()) matchCommit_ = log->matchCommit;
}

bool Site::adoptSavedKeys() {
  if (unlocked() || !keyStore_) return false;
  auto saved = keyStore_->load(keyStoreName());
  if (!saved) return false;
  auto k = unattendedFromSaved(*saved);
  // A matching key the signed log does not name is not taken: it may have been planted in the keyring.
  if (!k || crypto::signPublicKeyOf(k->signSecretKey) != signPublicKey_ ||
      !matchKeyInForce(k->matchKey.view()))
    return false;
  install(std::move(*k));
  followRecordsKey();  // the other process may have renewed the records key since this one opened
  return true;
}

bool Site::followRenewedKeys() {
  if (!unlocked()) return false;
  bool logRead = false;
  if (auto hint = store::getMeta(*db_, "match_gen");
      hint.ok() && hint.value().value_or("1") != matchHintSeen_) {
    matchHintSeen_ = hint.value().value_or("1");
    reloadMatchCommit();
    logRead = true;
  }
  auto saved = keyStore_ ? keyStore_->load(keyStoreName()) : std::nullopt;
  auto k = saved ? unattendedFromSaved(*saved) : std::nullopt;
  if (k && !crypto::equalConstantTime(k->matchKey.view(), unattended_->matchKey.view())) {
    const std::string commit = matchKeyCommitment(k->matchKey.view(), info_.deviceId);
    if (commit != rejectedSavedMatch_) {
      if (!logRead) reloadMatchCommit();
      if (crypto::signPublicKeyOf(k->signSecretKey) == signPublicKey_ &&
          matchKeyInForce(k->matchKey.view())) {
        install(std::move(*k));
        followRecordsKey();
        return true;
      }
      rejectedSavedMatch_ = commit;
    }
  }
  if (matchKeyInForce(unattended_->matchKey.view())) return false;
  // The signed log names a matching key this process does not hold, and none is to be had: matching
  // with the old one would find no one. Locked, the kiosk asks for staff, whose sign-in brings the new one.
  lock();
  return true;
}

void Site::takeRenewedKeys(const SiteSecrets& secrets) {
  (void)reloadSettings();
  if (!unlocked() || !matchKeyInForce(secrets.matchKey.view())) return;
  install(unattendedOf(secrets));
  remember();
}

core::Status Site::reloadSettings() {
  auto get = [&](const char* key) -> std::string {
    auto v = store::getMeta(*db_, key);
    return v.ok() && v.value() ? *v.value() : std::string();
  };
  info_.deviceId = get("device_id");
  if (info_.deviceId.empty()) return core::corrupt("The database has no device ID; it was not made by init.");
  info_.odsCode = get("ods_code");
  info_.name = get("site_name");
  info_.walkInQueueId = get("walkin_queue");
  auto toInt = [](const std::string& s, int fallback) {
    int n = fallback;
    std::from_chars(s.data(), s.data() + s.size(), n);
    return n;
  };
  info_.idleTimeoutSeconds = toInt(get("idle_timeout_s"), 45);
  info_.matchWindow = {toInt(get("match_before_min"), 120), toInt(get("match_after_min"), 60)};
  auto queues = store::listQueues(*db_);
  if (!queues.ok()) return queues.error();
  info_.queues = std::move(queues.value());
  const std::string records = crypto::fromHex(get("records_pk")).value_or("");
  signPublicKey_ = crypto::fromHex(get("sign_pk")).value_or("");
  adminPublicKey_ = crypto::fromHex(get("admin_pk")).value_or("");
  if (records.size() != 32 || signPublicKey_.size() != 32 ||
      (!adminPublicKey_.empty() && adminPublicKey_.size() != 32))
    return core::corrupt("The site's keys in the database are damaged.");
  auto log = readAdminLog(*db_);
  if (!log.ok()) return log.error();
  matchCommit_ = log->matchCommit;
  if (records != recordsPublicKey_) {
    if (!log->recordsPublicKey.empty() && log->recordsPublicKey != records)
      return core::corrupt(
          "The records key in the database is not the one its signed log names: it was changed "
          "outside Longstop. Do not use this kiosk; call the practice's IT support.");
    recordsPublicKey_ = records;
  }
  return core::okStatus();
}

std::string unattendedKeyName(std::string_view deviceId, std::string_view signPublicKey) {
  return "longstop:" + std::string(deviceId) + ":" + crypto::toHex(signPublicKey).substr(0, 16);
}

std::string Site::keyStoreName() const {
  return unattendedKeyName(info_.deviceId, signPublicKey_);
}

void Site::install(Unattended keys) {
  unattended_ = std::move(keys);
  signer_ = std::make_unique<SodiumSigner>(unattended_->signSecretKey);
  log_.setSigner(signer_.get());
}

Site::Unattended Site::unattendedOf(const SiteSecrets& s) {
  Unattended k{crypto::SecretBytes::copyOf(s.signSecretKey.view()),
               crypto::SecretBytes::copyOf(s.matchKey.view()),
               crypto::SecretBytes::copyOf(s.ticketKey.view()),
               {}};
  for (const auto& m : s.olderMatchKeys) k.olderMatchKeys.push_back(crypto::SecretBytes::copyOf(m.view()));
  return k;
}

void Site::remember() {
  crypto::SecretBytes saved(128 + 32 * unattended_->olderMatchKeys.size());
  std::copy_n(unattended_->signSecretKey.data(), 64, saved.data());
  std::copy_n(unattended_->matchKey.data(), 32, saved.data() + 64);
  std::copy_n(unattended_->ticketKey.data(), 32, saved.data() + 96);
  for (size_t i = 0; i < unattended_->olderMatchKeys.size(); ++i)
    std::copy_n(unattended_->olderMatchKeys[i].data(), 32, saved.data() + 128 + 32 * i);
  (void)keyStore_->save(keyStoreName(), saved);  // without a keyring, a restart needs staff again
}

void Site::lock() {
  log_.setSigner(nullptr);
  signer_.reset();
  unattended_.reset();
  if (keyStore_) keyStore_->forget(keyStoreName());
}

core::Status Site::requireUnlocked() const {
  if (unlocked()) return core::okStatus();
  return core::unauthorised(store::kLockedMessage);
}

const Site::Unattended& Site::keys() const {
  if (!unattended_) throw std::logic_error("the site's keys are locked");
  return *unattended_;
}

core::Result<SiteSecrets> Site::openCredential(const store::CredentialRow& credential,
                                               const crypto::SecretBytes& derivedKey) const {
  return openCredentialKeys(credential, derivedKey);
}

// The wrapped keys are authenticated; the public keys in meta are not: a planted one shows here.
core::Status Site::checkKeys(const SiteSecrets& secrets) {
  const std::string recordsPk = crypto::boxPublicKeyOf(secrets.recordsSecretKey);
  if (recordsPk != recordsPublicKey_) {
    auto previous = store::getMeta(*db_, "records_pk_previous");
    if (previous.ok() && previous.value() &&
        previous.value()->find(crypto::toHex(recordsPk)) != std::string::npos)
      return core::conflict(
          "This card was made before the site's keys were renewed (when a card was revoked) and "
          "cannot open what was written since. Ask an administrator for a new card.");
  }
  if (crypto::signPublicKeyOf(secrets.signSecretKey) != signPublicKey_ || recordsPk != recordsPublicKey_ ||
      (secrets.admin() && crypto::signPublicKeyOf(secrets.adminSecretKey) != adminPublicKey_))
    return core::corrupt(
        "The public keys recorded on this card are not the site's own: the database has been "
        "changed outside Longstop. Do not use this kiosk; call the practice's IT support.");
  return core::okStatus();
}

core::Result<SiteSecrets> Site::unlock(const store::CredentialRow& credential,
                                       const crypto::SecretBytes& derivedKey, std::string_view byStaffId) {
  auto opened = openCredential(credential, derivedKey);
  if (!opened.ok()) return opened.error();
  SiteSecrets secrets = std::move(opened.value());
  followRecordsKey();  // renewed by another process since this one last looked (signed, or not taken)
  if (auto s = checkKeys(secrets); !s.ok()) return s.error();
  const bool old = credential.publicKey.empty();
  const bool legacy = old && secrets.matchKey.empty();
  if (legacy)
    if (auto s = adoptLegacyKeys(secrets); !s.ok()) return s.error();
  if (!matchKeyInForce(secrets.matchKey.view()))
    return core::corrupt(
        "The matching key on this card is not the one the site's signed log names: the database "
        "was changed outside Longstop. Do not use this kiosk; call the practice's IT support.");
  const bool wasLocked = !unlocked();
  if (wasLocked) {
    install(unattendedOf(secrets));
    remember();
  }
  store::JsonObject data;
  data.add("credential", credential.kind);
  // Nothing to write when the site was unlocked and the credential is current: a card that refuses
  // writes (full, read-only) must still let staff read what it holds.
  if (!old && !wasLocked) return secrets;
  auto s = db_->transaction([&]() -> core::Status {
    if (old)
      if (auto c = convertCredential(credential, derivedKey, secrets); !c.ok()) return c;
    if (!wasLocked) return core::okStatus();
    auto e = appendEvent("unlocked", "", data.str(), byStaffId);
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
  if (!s.ok()) {
    if (wasLocked) lock();
    (void)reloadSettings();  // the admin key a conversion made was rolled back with it
    return s.error();
  }
  // After the conversion, so that the sealed copies' headers carry the converted recovery credential.
  if (legacy) sealPlainBackups();
  return secrets;
}

// The plain backups of a site from before sealing hold the matching and ticket keys that the migration
// has just taken out of the database: they are sealed (or deleted) too, and the log says so. A failure
// is logged and does not stop the kiosk; the next `longstopctl backup` tries again.
void Site::sealPlainBackups() {
  auto header = backupHeaderOf(*db_);
  auto done = header.ok() ? service::sealPlainBackups(backupsDir(dataDir_), *header)
                          : core::Result<PlainBackups>(header.error());
  if (done.ok() && !done->any()) return;
  store::JsonObject data;
  if (done.ok())
    data.add("sealed", done->sealed).add("deleted", done->deleted);
  else
    data.add("error", done.error().message);
  (void)db_->transaction([&]() -> core::Status {
    auto e = appendEvent(done.ok() ? "plain-backups-sealed" : "plain-backups-not-sealed", "", data.str());
    return e.ok() ? core::okStatus() : core::Status(e.error());
  });
}

// A credential from before schema 5 gets its own key pair and a sealed bundle. A card's bundle is a
// reception card's whatever its staff row says (a role in an unsigned row proves nothing); the recovery
// code makes the site's admin key if it has none yet, and refuses one it did not make.
core::Status Site::convertCredential(const store::CredentialRow& credential,
                                     const crypto::SecretBytes& derivedKey, SiteSecrets& secrets) {
  const bool recovery = credential.kind == "recovery";
  if (recovery) {
    if (!adminPublicKey_.empty())
      return core::corrupt(
          "This site has an admin key that its recovery code did not make: the database was "
          "changed outside Longstop. Do not use this kiosk; call the practice's IT support.");
    const crypto::SignKeyPair admin = crypto::makeSignKeyPair();
    if (auto m = store::setMeta(*db_, "admin_pk", crypto::toHex(admin.publicKey)); !m.ok()) return m;
    adminPublicKey_ = admin.publicKey;
    secrets.adminSecretKey = crypto::SecretBytes::copyOf(admin.secretKey.view());
    store::JsonObject data;
    data.add("admin_pk", crypto::toHex(admin.publicKey));
    auto e = appendAdminEvent(*this, secrets.adminSecretKey, "admin-key-created", std::move(data), "");
    if (!e.ok()) {
      adminPublicKey_.clear();
      secrets.adminSecretKey = {};
      return e.error();
    }
  }
  const CredentialKeys own = makeCredentialKeys(derivedKey, secrets, recovery);
  store::CredentialRow row = credential;
  row.wrapped = own.wrapped;
  row.publicKey = own.publicKey;
  row.bundle = own.bundle;
  return store::updateCredential(*db_, row);
}

// A site from before signed logs kept its matching and ticket keys in meta in the clear. The first
// unlock seals them to the records key, signs that, and removes the clear copies (zeroed, and the
// write-ahead log emptied); credentials not yet rewrapped find them there.
core::Status Site::adoptLegacyKeys(SiteSecrets& secrets) {
  auto get = [&](const char* key) -> std::optional<std::string> {
    auto v = store::getMeta(*db_, key);
    return v.ok() ? v.value() : std::nullopt;
  };
  const auto sealedHex = get("device_keys");
  const auto sigHex = get("device_keys_sig");
  if (sealedHex && sigHex) {
    const auto sealed = crypto::fromHex(*sealedHex);
    const auto sig = crypto::fromHex(*sigHex);
    if (!sealed || !sig || !crypto::verifySignature(signPublicKey_, deviceKeysSignedBytes(*sealed), *sig))
      return core::corrupt(
          "The site's matching keys have been changed outside Longstop. Call the practice's IT support.");
    auto opened = crypto::unseal(recordsPublicKey_, secrets.recordsSecretKey, *sealed);
    if (!opened || opened->size() != 64) return core::corrupt("The site's matching keys are damaged.");
    secrets.matchKey = crypto::SecretBytes::copyOf(std::string_view(*opened).substr(0, 32));
    secrets.ticketKey = crypto::SecretBytes::copyOf(std::string_view(*opened).substr(32, 32));
    sodium_memzero(opened->data(), opened->size());
    return core::okStatus();
  }
  auto anySigned = db_->prepare("SELECT 1 FROM events WHERE sig IS NOT NULL LIMIT 1");
  if (!anySigned.ok()) return anySigned.error();
  auto row = anySigned->step();
  if (!row.ok()) return row.error();
  const auto match = crypto::fromHex(get("match_key").value_or(""));
  const auto ticket = crypto::fromHex(get("ticket_key").value_or(""));
  if (row.value() || !match || !ticket || match->size() != 32 || ticket->size() != 32)
    return core::corrupt(
        "The site's matching keys are missing or were changed outside Longstop. Call the "
        "practice's IT support.");
  secrets.matchKey = crypto::SecretBytes::copyOf(*match);
  secrets.ticketKey = crypto::SecretBytes::copyOf(*ticket);
  std::string both = *match + *ticket;
  const std::string sealed = crypto::seal(recordsPublicKey_, both);
  sodium_memzero(both.data(), both.size());
  const std::string sig = crypto::sign(secrets.signSecretKey, deviceKeysSignedBytes(sealed));
  (void)db_->exec("PRAGMA secure_delete=ON");
  auto s = db_->transaction([&]() -> core::Status {
    if (auto m = store::setMeta(*db_, "device_keys", crypto::toHex(sealed)); !m.ok()) return m;
    if (auto m = store::setMeta(*db_, "device_keys_sig", crypto::toHex(sig)); !m.ok()) return m;
    return db_->exec("DELETE FROM meta WHERE key IN ('match_key', 'ticket_key')");
  });
  (void)db_->exec("PRAGMA secure_delete=OFF");
  if (!s.ok()) return s;
  return db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

std::string Site::matchHash(std::string_view text) const {
  return matchHasher()(text);
}

MatchHasher Site::matchHasher() const {
  return MatchHasher{keys().matchKey.view()};
}

bool Site::matchHashFits(std::string_view stored, std::string_view text) const {
  if (crypto::equalConstantTime(stored, matchHash(text))) return true;
  for (const auto& older : keys().olderMatchKeys)
    if (crypto::equalConstantTime(stored, MatchHasher{older.view()}(text))) return true;
  return false;
}

std::string Site::ticketMac(std::string_view recordId) const {
  std::string hex = crypto::toHex(
      crypto::keyedHash(keys().ticketKey.view(), std::string("LST1:") + std::string(recordId), 16));
  hex.resize(8);
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return hex;
}

std::string Site::appointmentCodeMac(std::string_view appointmentId) const {
  const std::string message = "LSA1:" + info_.odsCode + ":" + std::string(appointmentId);
  std::string hex = crypto::toHex(crypto::keyedHash(keys().ticketKey.view(), message, 16));
  hex.resize(8);
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return hex;
}

std::string Site::seal(std::string_view plaintext) const {
  if (nextSeal_ && nextSeal_->recipient == recordsPublicKey_) {
    std::string out = crypto::sealPrepared(*nextSeal_, plaintext);
    spentSeal_ = std::move(nextSeal_);  // zeroed; its locked memory is freed at the next prepareAhead()
    nextSeal_.reset();
    return out;
  }
  return crypto::seal(recordsPublicKey_, plaintext);
}

// A revocation made through another connection renews records_pk in meta; this one follows it, but only
// to a key the signed log names (a key planted in meta would have every new record sealed to its owner).
void Site::followRecordsKey() {
  auto v = store::getMeta(*db_, "records_pk");
  if (!v.ok() || !v.value()) return;
  const auto key = crypto::fromHex(*v.value());
  if (!key || key->size() != 32 || *key == recordsPublicKey_) return;
  auto log = readAdminLog(*db_);
  if (log.ok() && log->recordsPublicKey == *key) recordsPublicKey_ = *key;
}

void Site::prepareAhead() {
  followRenewedKeys();
  followRecordsKey();
  spentSeal_.reset();
  if (!nextSeal_ || nextSeal_->recipient != recordsPublicKey_)
    nextSeal_ = crypto::prepareSeal(recordsPublicKey_);
  if (signer_) signer_->prepare(kSignaturesAhead);
}

core::Result<SiteSecrets> Site::unlockWithRecoveryCode(std::string_view code) {
  auto cred = store::getCredential(*db_, "recovery");
  if (!cred.ok()) return cred.error();
  if (!cred.value()) return core::notFound("This site has no recovery credential.");
  const auto& c = *cred.value();
  crypto::KdfParams kdf{c.kdfSalt, static_cast<uint64_t>(c.kdfOps), static_cast<uint64_t>(c.kdfMem)};
  std::string typed = crypto::normaliseCode(code);
  auto key = crypto::deriveKey(typed, kdf);
  crypto::wipe(typed);
  if (!key) return core::internalError("Not enough memory to check the recovery code.");
  auto secrets = unlock(c, *key, "");
  if (!secrets.ok() && secrets.error().code == core::ErrorCode::kUnauthorised)
    return core::unauthorised("That recovery code is not right for this site.");
  return secrets;
}

core::Result<std::string> Site::open(const SiteSecrets& secrets, std::string_view sealed) const {
  auto plain = crypto::unseal(recordsPublicKey_, secrets.recordsSecretKey, sealed);
  // Rows sealed before a revocation are sealed to an older records key: the newest first.
  for (size_t i = 0; !plain && i < secrets.olderRecordsKeys.size(); ++i) {
    const auto& key = secrets.olderRecordsKeys[i];
    plain = crypto::unseal(crypto::boxPublicKeyOf(key), key, sealed);
  }
  if (!plain) return core::corrupt("A sealed record could not be opened with this site's key.");
  return std::move(*plain);
}

core::Result<int64_t> Site::appendEvent(std::string_view kind, std::string_view recordId, std::string data,
                                        std::string_view staffId) {
  if (!log_.canAppend()) return core::unauthorised(store::kLockedMessage);
  return log_.append(
      {clock_.now().unixMs, std::string(kind), std::string(recordId), std::string(staffId), std::move(data)});
}

bool Site::clockConfirmedToday() {
  auto v = store::getMeta(*db_, "clock_confirmed_day");
  return v.ok() && v.value() && *v.value() == std::to_string(clock_.now().localDay());
}

}  // namespace longstop::service
