#include "service/key_bundle.h"

#include <sodium.h>

#include <vector>

#include "crypto/primitives.h"

namespace longstop::service {
namespace {

// "LSKB2", a flag (1: the admin secret follows the signing, matching and ticket keys), then the
// records secret keys, the current generation first, after a count, then the older matching keys
// (newest first) after a count. "LSKB1" (before the matching key was renewed) ends after the records keys.
constexpr std::string_view kMagic = "LSKB2";
constexpr std::string_view kMagicV1 = "LSKB1";
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
  const size_t m = std::min(kMaxGenerations, s.olderMatchKeys.size());
  out += static_cast<char>(m);
  for (size_t i = 0; i < m; ++i) out += s.olderMatchKeys[i].view();
  return out;
}

// `count` keys of 32 bytes after a count byte at the front of `b`; nullopt when the sizes disagree.
std::optional<std::vector<crypto::SecretBytes>> keyList(std::string_view& b, size_t atLeast) {
  if (b.empty()) return std::nullopt;
  const auto n = static_cast<unsigned char>(b[0]);
  b.remove_prefix(1);
  if (n < atLeast || b.size() < 32 * size_t{n}) return std::nullopt;
  std::vector<crypto::SecretBytes> out;
  for (size_t i = 0; i < n; ++i) out.push_back(crypto::SecretBytes::copyOf(b.substr(32 * i, 32)));
  b.remove_prefix(32 * size_t{n});
  return out;
}

}  // namespace

std::optional<SiteSecrets> parseBundlePlain(std::string_view b) {
  const bool v1 = b.substr(0, kMagicV1.size()) == kMagicV1;
  if ((!v1 && b.substr(0, kMagic.size()) != kMagic) || b.size() < kMagic.size() + 1) return std::nullopt;
  b.remove_prefix(kMagic.size());
  const bool admin = b[0] == 1;
  if (b[0] != 0 && b[0] != 1) return std::nullopt;
  b.remove_prefix(1);
  const size_t fixed = 64 + 32 + 32 + (admin ? 64 : 0);
  if (b.size() < fixed) return std::nullopt;
  SiteSecrets s;
  s.signSecretKey = crypto::SecretBytes::copyOf(b.substr(0, 64));
  s.matchKey = crypto::SecretBytes::copyOf(b.substr(64, 32));
  s.ticketKey = crypto::SecretBytes::copyOf(b.substr(96, 32));
  if (admin) s.adminSecretKey = crypto::SecretBytes::copyOf(b.substr(128, 64));
  b.remove_prefix(fixed);
  auto records = keyList(b, 1);
  if (!records) return std::nullopt;
  s.recordsSecretKey = std::move(records->front());
  for (size_t i = 1; i < records->size(); ++i) s.olderRecordsKeys.push_back(std::move((*records)[i]));
  if (!v1) {
    auto older = keyList(b, 0);
    if (!older) return std::nullopt;
    s.olderMatchKeys = std::move(*older);
  }
  if (!b.empty()) return std::nullopt;
  return s;
}

std::string sealBundle(std::string_view credentialPublicKey, const SiteSecrets& secrets, bool withAdmin) {
  std::string plain = bundleBytes(secrets, withAdmin && secrets.admin());
  std::string sealed = crypto::seal(credentialPublicKey, plain);
  sodium_memzero(plain.data(), plain.size());
  return sealed;
}

CredentialKeys makeCredentialKeys(const crypto::SecretBytes& derivedKey, const SiteSecrets& secrets,
                                  bool withAdmin) {
  const crypto::BoxKeyPair own = crypto::makeBoxKeyPair();
  return {crypto::wrap(derivedKey, own.secretKey.view()), own.publicKey,
          sealBundle(own.publicKey, secrets, withAdmin)};
}

std::optional<crypto::SecretBytes> openCredentialSecret(const store::CredentialRow& c,
                                                        const crypto::SecretBytes& derivedKey) {
  if (c.publicKey.size() != 32) return std::nullopt;
  auto secret = crypto::unwrap(derivedKey, c.wrapped);
  if (!secret || secret->size() != 32 || crypto::boxPublicKeyOf(*secret) != c.publicKey) return std::nullopt;
  return secret;
}

std::optional<SiteSecrets> openBundle(const store::CredentialRow& c,
                                      const crypto::SecretBytes& credentialSecret) {
  auto plain = crypto::unseal(c.publicKey, credentialSecret, c.bundle);
  if (!plain) return std::nullopt;
  auto s = parseBundlePlain(*plain);
  sodium_memzero(plain->data(), plain->size());
  return s;
}

}  // namespace longstop::service
