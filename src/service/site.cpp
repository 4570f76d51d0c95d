#include "service/site.h"

#include <array>
#include <cctype>
#include <charconv>

#include "core/ids.h"
#include "crypto/primitives.h"
#include "service/settings.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace fs = std::filesystem;
namespace {

std::vector<core::QueueDef> defaultQueues() {
  return {{"gp", "GP appointments", 'A', "Room 3"},
          {"nurse", "Nurse appointments", 'N', "Treatment room"},
          {"walkin", "Walk-in", 'W', "Reception desk"}};
}

core::Status writeSetup(Site& site, const SiteSetup& setup, const std::string& deviceId,
                        const crypto::BoxKeyPair& records, const crypto::SignKeyPair& signer,
                        const std::string& recoveryCode) {
  store::Database& db = site.db();
  const int64_t now = site.clock().now().unixMs;
  const std::vector<std::pair<std::string, std::string>> meta = {
      {"device_id", deviceId}, {"ods_code", setup.odsCode}, {"site_name", setup.name},
      {"created_ms", std::to_string(now)}, {"records_pk", crypto::toHex(records.publicKey)},
      {"sign_pk", crypto::toHex(signer.publicKey)}, {"match_key", crypto::toHex(crypto::randomBytes(32))},
      {"ticket_key", crypto::toHex(crypto::randomBytes(32))}, {"idle_timeout_s", "45"},
      {"match_before_min", "120"}, {"match_after_min", "60"}};
  for (const auto& [k, v] : meta)
    if (auto s = store::setMeta(db, k, v); !s.ok()) return s;
  const auto& queues = setup.queues.empty() ? defaultQueues() : setup.queues;
  for (size_t i = 0; i < queues.size(); ++i) {
    if (auto s = core::validateQueue(queues[i]); !s.ok()) return s;
    if (auto s = store::insertQueue(db, queues[i], static_cast<int>(i)); !s.ok()) return s;
  }
  if (auto s = store::setMeta(db, "walkin_queue", queues.back().id); !s.ok()) return s;

  // The recovery code unwraps both secret keys; nothing else can until staff are added.
  const crypto::KdfParams kdf = crypto::newKdfParams();
  auto key = crypto::deriveKey(crypto::normaliseCode(recoveryCode), kdf);
  if (!key) return core::internalError("Not enough memory to derive the recovery key.");
  std::string secrets(records.secretKey.view());
  secrets += signer.secretKey.view();
  store::CredentialRow cred{"recovery", "recovery", kdf.salt, static_cast<int64_t>(kdf.opsLimit),
                            static_cast<int64_t>(kdf.memLimit), crypto::wrap(*key, secrets), now};
  std::fill(secrets.begin(), secrets.end(), '\0');
  if (auto s = store::insertCredential(db, cred); !s.ok()) return s;
  store::JsonObject data;
  data.add("ods", setup.odsCode).add("device", deviceId).add("records_pk", crypto::toHex(records.publicKey));
  auto ev = site.appendEvent("site-created", "", data.str());
  return ev.ok() ? core::okStatus() : core::Status(ev.error());
}

}  // namespace

fs::path Site::databasePath(const fs::path& dataDir) { return dataDir / "longstop.db"; }

Site::Site(std::unique_ptr<store::Database> db, const core::Clock& clock)
    : db_(std::move(db)), log_(*db_, digest_), clock_(clock) {}

core::Result<InitResult> Site::create(const fs::path& dataDir, const SiteSetup& setup, const core::Clock& clock) {
  if (!crypto::initialise()) return core::internalError("libsodium could not start on this machine.");
  if (auto s = validateOds(setup.odsCode); !s.ok()) return s.error();
  if (setup.name.empty()) return core::invalidInput("The site needs a name.");
  std::error_code ec;
  if (fs::exists(dataDir) && !fs::is_empty(dataDir, ec))
    return core::conflict("The data directory " + dataDir.string() +
                          " is not empty; Longstop will not set up a site over existing data.");
  fs::create_directories(dataDir, ec);
  if (ec) return core::storageError("Could not create " + dataDir.string() + ": " + ec.message());
  fs::permissions(dataDir, fs::perms::owner_all, fs::perm_options::replace, ec);

  auto db = store::Database::open(databasePath(dataDir), {.create = true});
  if (!db.ok()) return db.error();
  std::unique_ptr<Site> site(new Site(std::move(db.value()), clock));

  const std::string random = crypto::randomBytes(4);
  std::array<uint8_t, 4> r{};
  std::copy(random.begin(), random.end(), r.begin());
  InitResult result{core::deviceIdFromRandom(r), crypto::newRecoveryCode()};
  const crypto::BoxKeyPair records = crypto::makeBoxKeyPair();
  const crypto::SignKeyPair signer = crypto::makeSignKeyPair();
  auto s = site->db().transaction(
      [&] { return writeSetup(*site, setup, result.deviceId, records, signer, result.recoveryCode); });
  if (!s.ok()) return s.error();
  return result;
}

core::Result<std::unique_ptr<Site>> Site::open(const fs::path& dataDir, const core::Clock& clock, const char* vfs) {
  if (!crypto::initialise()) return core::internalError("libsodium could not start on this machine.");
  if (!fs::exists(databasePath(dataDir)))
    return core::notFound("No Longstop site in " + dataDir.string() + " (run `longstopctl init` first).");
  auto db = store::Database::open(databasePath(dataDir), {.create = false, .vfs = vfs});
  if (!db.ok()) return db.error();
  std::unique_ptr<Site> site(new Site(std::move(db.value()), clock));
  if (auto s = site->reloadSettings(); !s.ok()) return s.error();
  site->prepareSeal();
  return site;
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
  recordsPublicKey_ = crypto::fromHex(get("records_pk")).value_or("");
  signPublicKey_ = crypto::fromHex(get("sign_pk")).value_or("");
  matchKey_ = crypto::fromHex(get("match_key")).value_or("");
  ticketKey_ = crypto::fromHex(get("ticket_key")).value_or("");
  if (recordsPublicKey_.size() != 32 || matchKey_.size() != 32 || ticketKey_.size() != 32)
    return core::corrupt("The site's keys in the database are damaged.");
  return core::okStatus();
}

std::string Site::matchHash(std::string_view text) const { return crypto::keyedHash(matchKey_, text, 16); }

std::string Site::ticketMac(std::string_view recordId) const {
  std::string hex = crypto::toHex(crypto::keyedHash(ticketKey_, std::string("LST1:") + std::string(recordId), 16));
  hex.resize(8);
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return hex;
}

std::string Site::appointmentCodeMac(std::string_view appointmentId) const {
  const std::string message = "LSA1:" + info_.odsCode + ":" + std::string(appointmentId);
  std::string hex = crypto::toHex(crypto::keyedHash(ticketKey_, message, 16));
  hex.resize(8);
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return hex;
}

std::string Site::seal(std::string_view plaintext) const {
  if (nextSeal_ && nextSeal_->recipient == recordsPublicKey_) {
    std::string out = crypto::sealPrepared(std::move(*nextSeal_), plaintext);
    nextSeal_.reset();
    return out;
  }
  return crypto::seal(recordsPublicKey_, plaintext);
}

void Site::prepareSeal() const {
  if (!nextSeal_ || nextSeal_->recipient != recordsPublicKey_) nextSeal_ = crypto::prepareSeal(recordsPublicKey_);
}

core::Result<SiteSecrets> Site::unlockWithRecoveryCode(std::string_view code) {
  auto cred = store::getCredential(*db_, "recovery");
  if (!cred.ok()) return cred.error();
  if (!cred.value()) return core::notFound("This site has no recovery credential.");
  const auto& c = *cred.value();
  crypto::KdfParams kdf{c.kdfSalt, static_cast<uint64_t>(c.kdfOps), static_cast<uint64_t>(c.kdfMem)};
  auto key = crypto::deriveKey(crypto::normaliseCode(code), kdf);
  if (!key) return core::internalError("Not enough memory to check the recovery code.");
  auto secrets = crypto::unwrap(*key, c.wrapped);
  if (!secrets || secrets->size() != 96) return core::unauthorised("That recovery code is not right for this site.");
  return SiteSecrets{crypto::SecretBytes::copyOf(secrets->view().substr(0, 32)),
                     crypto::SecretBytes::copyOf(secrets->view().substr(32, 64))};
}

core::Result<std::string> Site::open(const SiteSecrets& secrets, std::string_view sealed) const {
  auto plain = crypto::unseal(recordsPublicKey_, secrets.recordsSecretKey, sealed);
  if (!plain) return core::corrupt("A sealed record could not be opened with this site's key.");
  return std::move(*plain);
}

core::Result<int64_t> Site::appendEvent(std::string_view kind, std::string_view recordId, std::string data,
                                        std::string_view staffId) {
  return log_.append({clock_.now().unixMs, std::string(kind), std::string(recordId), std::string(staffId),
                      std::move(data)});
}

bool Site::clockConfirmedToday() {
  auto v = store::getMeta(*db_, "clock_confirmed_day");
  return v.ok() && v.value() && *v.value() == std::to_string(clock_.now().localDay());
}

}  // namespace longstop::service
