#include "service/key_renewal.h"

#include "crypto/primitives.h"
#include "service/admin_log.h"
#include "service/admin_sign.h"
#include "service/key_bundle.h"
#include "service/match_key.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace {

// Whether a credential gets the new keys, and with the admin key. A card's role and public key count
// only as an administrator signed them when it was added: a row changed on the card gets nothing new.
// A card converted from before admin keys has no such signature and gets a reception card's keys.
std::optional<bool> adminRoleOf(const AdminLog& log, const store::CredentialRow& c) {
  if (c.publicKey.empty()) return std::nullopt;
  if (c.kind == "recovery") return true;
  bool valid = false;
  auto grant = log.grantFor(c.id, &valid);
  if (!grant) return std::nullopt;
  if (!valid) return grant->role.empty() ? std::optional<bool>(false) : std::nullopt;
  if (grant->publicKey != c.publicKey) return std::nullopt;
  return grant->role == "admin";
}

}  // namespace

core::Result<RenewedKeys> renewSiteKeys(Site& site, const SiteSecrets& admin, std::string_view revokedStaffId,
                                        std::string_view byStaffId) {
  auto log = readAdminLog(site.db());
  if (!log.ok()) return log.error();
  auto credentials = store::listCredentials(site.db());
  if (!credentials.ok()) return credentials.error();

  const crypto::BoxKeyPair records = crypto::makeBoxKeyPair();
  const crypto::SignKeyPair adminKey = crypto::makeSignKeyPair();
  RenewedKeys out{admin.copy(), 0, 0, {}};
  out.secrets.olderRecordsKeys.insert(out.secrets.olderRecordsKeys.begin(),
                                      crypto::SecretBytes::copyOf(admin.recordsSecretKey.view()));
  out.secrets.recordsSecretKey = crypto::SecretBytes::copyOf(records.secretKey.view());
  out.secrets.adminSecretKey = crypto::SecretBytes::copyOf(adminKey.secretKey.view());
  // A new matching key, and every keyed hash the database can recompute rehashed under it: the revoked
  // card's key then reproduces none of them. The older keys stay in the bundles, for what cannot be
  // recomputed (a card check from before cards had their own, a record no key opens).
  const crypto::SecretBytes matchKey = crypto::SecretBytes::copyOf(crypto::randomBytes(32));
  out.secrets.olderMatchKeys.insert(out.secrets.olderMatchKeys.begin(),
                                    crypto::SecretBytes::copyOf(admin.matchKey.view()));
  out.secrets.matchKey = crypto::SecretBytes::copyOf(matchKey.view());
  auto rehash = rehashUnderMatchKey(site, admin, matchKey.view());
  if (!rehash.ok()) return rehash.error();
  out.rehash = rehash.value();

  for (auto& c : credentials.value()) {
    const auto withAdmin = adminRoleOf(log.value(), c);
    if (!withAdmin) {
      ++out.notRenewed;
      continue;
    }
    c.bundle = sealBundle(c.publicKey, out.secrets, *withAdmin);
    if (auto s = store::updateCredential(site.db(), c); !s.ok()) return s.error();
    ++out.renewed;
  }

  auto previous = store::getMeta(site.db(), "records_pk_previous");
  if (!previous.ok()) return previous.error();
  std::string list = previous.value().value_or("");
  list += (list.empty() ? "" : ",") + crypto::toHex(site.recordsPublicKey());
  const int64_t generation = 1 + static_cast<int64_t>(admin.olderRecordsKeys.size()) + 1;
  store::JsonObject data;
  data.add("staff", revokedStaffId).add("generation", generation);
  data.add("records_pk", crypto::toHex(records.publicKey)).add("admin_pk", crypto::toHex(adminKey.publicKey));
  data.add("renewed", out.renewed).add("not_renewed", out.notRenewed);
  const int64_t matchGeneration = 1 + static_cast<int64_t>(out.secrets.olderMatchKeys.size());
  data.add("match_gen", matchGeneration)
      .add("match_commit", crypto::toHex(matchKeyCommitment(matchKey.view(), site.info().deviceId)));
  data.add("rehashed", out.rehash.appointments + out.rehash.checkins)
      .add("not_rehashed", out.rehash.notOpened);
  auto e = appendAdminEvent(site, admin.adminSecretKey, "staff-revoked", std::move(data), byStaffId);
  if (!e.ok()) return e.error();
  for (const auto& [k, v] :
       {std::pair<const char*, std::string>{"records_pk", crypto::toHex(records.publicKey)},
        {"records_pk_previous", list},
        {"admin_pk", crypto::toHex(adminKey.publicKey)},
        {"match_gen", std::to_string(matchGeneration)}})
    if (auto s = store::setMeta(site.db(), k, v); !s.ok()) return s.error();
  return out;
}

}  // namespace longstop::service
