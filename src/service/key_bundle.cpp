#include "service/key_bundle.h"

#include <sodium.h>

#include "crypto/primitives.h"

namespace longstop::service {
namespace {

// "LSKB1", a flag (1: the admin secret follows the signing, matching and ticket keys), then the
// records secret keys, the current generation first, after a count.
constexpr std::string_view kMagic = "LSKB1";
constexpr size_t kMaxGenerations = 255;

std::string bundleBytes(const SiteSecrets& s, bool withAdmin) {
  std::string out(kMagic);
  out += static_cast<char>(withAdmin ? 1 : 0);
  out += s.signSecretKey.view();
  out += s.matchKey.view();
  out += s.ticketKey.view();
  if (withAdmin) out += s.adminSecretKey.view();
  const size_t n = std::min(kMaxGenerations, 1 + s.olderRecordsKeys.size());
  out += static_cast<char>(n);
  out += s.recordsSecretKey.view();
  for (size_t i = 0; i + 1 < n; ++i) out += s.olderRecordsKeys[i].view();
  return out;
}

std::optional<SiteSecrets> parseBundle(std::string_view b) {
  if (b.substr(0, kMagic.size()) != kMagic || b.size() < kMagic.size() + 1) return std::nullopt;
  b.remove_prefix(kMagic.size());
  const bool admin = b[0] == 1;
  if (b[0] != 0 && b[0] != 1) return std::nullopt;
  b.remove_prefix(1);
  const size_t fixed = 64 + 32 + 32 + (admin ? 64 : 0) + 1;
  if (b.size() < fixed) return std::nullopt;
  SiteSecrets s;
  s.signSecretKey = crypto::SecretBytes::copyOf(b.substr(0, 64));
  s.matchKey = crypto::SecretBytes::copyOf(b.substr(64, 32));
  s.ticketKey = crypto::SecretBytes::copyOf(b.substr(96, 32));
  if (admin) s.adminSecretKey = crypto::SecretBytes::copyOf(b.substr(128, 64));
  const auto n = static_cast<unsigned char>(b[fixed - 1]);
  b.remove_prefix(fixed);
  if (n == 0 || b.size() != 32 * size_t{n}) return std::nullopt;
  s.recordsSecretKey = crypto::SecretBytes::copyOf(b.substr(0, 32));
  for (size_t i = 1; i < n; ++i) s.olderRecordsKeys.push_back(crypto::SecretBytes::copyOf(b.substr(32 * i, 32)));
  return s;
}

}  // namespace

std::string sealBundle(std::string_view credentialPublicKey, const SiteSecrets& secrets, bool withAdmin) {
  std::string plain = bundleBytes(secrets, withAdmin && secrets.admin());
  std::string sealed = crypto::seal(credentialPublicKey, plain);
  sodium_memzero(plain.data(), plain.size());
  return sealed;
}

CredentialKeys makeCredentialKeys(const crypto::SecretBytes& derivedKey, const SiteSecrets& secrets, bool withAdmin) {
  const crypto::BoxKeyPair own = crypto::makeBoxKeyPair();
  return {crypto::wrap(derivedKey, own.secretKey.view()), own.publicKey, sealBundle(own.publicKey, secrets, withAdmin)};
}

std::optional<crypto::SecretBytes> openCredentialSecret(const store::CredentialRow& c,
                                                        const crypto::SecretBytes& derivedKey) {
  if (c.publicKey.size() != 32) return std::nullopt;
  auto secret = crypto::unwrap(derivedKey, c.wrapped);
  if (!secret || secret->size() != 32 || crypto::boxPublicKeyOf(*secret) != c.publicKey) return std::nullopt;
  return secret;
}

std::optional<SiteSecrets> openBundle(const store::CredentialRow& c, const crypto::SecretBytes& credentialSecret) {
  auto plain = crypto::unseal(c.publicKey, credentialSecret, c.bundle);
  if (!plain) return std::nullopt;
  auto s = parseBundle(*plain);
  sodium_memzero(plain->data(), plain->size());
  return s;
}

}  // namespace longstop::service
