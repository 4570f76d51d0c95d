#include "service/admin_sign.h"

#include "crypto/primitives.h"
#include "service/site.h"
#include "store/site_tables.h"

namespace longstop::service {
namespace {

constexpr std::string_view kSigField = ",\"admin_sig\":\"";
constexpr size_t kSigHex = 128;

std::string signedMessage(std::string_view deviceId, std::string_view kind, std::string_view body) {
  return "LSAD1|" + std::string(deviceId) + "|" + std::string(kind) + "|" + std::string(body);
}

}  // namespace

core::Result<int64_t> appendAdminEvent(Site& site, const crypto::SecretBytes& adminSecretKey,
                                       std::string_view kind, store::JsonObject data,
                                       std::string_view staffId) {
  if (adminSecretKey.size() != 64 || crypto::signPublicKeyOf(adminSecretKey) != site.adminPublicKey())
    return core::unauthorised("Only an administrator can do that: sign in with an admin card.");
  auto n = store::nextCounter(site.db(), "admin_events");
  if (!n.ok()) return n.error();
  std::string body = adminSignedData(adminSecretKey, site.info().deviceId, kind, std::move(data), n.value());
  return site.appendEvent(kind, "", std::move(body), staffId);
}

std::string adminSignedData(const crypto::SecretBytes& adminSecretKey, std::string_view deviceId,
                            std::string_view kind, store::JsonObject data, int64_t n) {
  data.add("admin_n", n);
  std::string body = data.str();
  const std::string sig = crypto::sign(adminSecretKey, signedMessage(deviceId, kind, body));
  body.pop_back();  // the closing brace
  return body + std::string(kSigField) + crypto::toHex(sig) + "\"}";
}

bool adminSignatureValid(std::string_view adminPublicKey, std::string_view deviceId, std::string_view kind,
                         std::string_view data) {
  const size_t tail = kSigField.size() + kSigHex + 2;
  if (adminPublicKey.size() != 32 || data.size() < tail + 1 || data.substr(data.size() - 2) != "\"}")
    return false;
  const size_t at = data.size() - tail;
  if (data.substr(at, kSigField.size()) != kSigField) return false;
  const auto sig = crypto::fromHex(data.substr(at + kSigField.size(), kSigHex));
  if (!sig) return false;
  const std::string body = std::string(data.substr(0, at)) + "}";
  return crypto::verifySignature(adminPublicKey, signedMessage(deviceId, kind, body), *sig);
}

}  // namespace longstop::service
