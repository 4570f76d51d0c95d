// How a credential holds the site's keys (schema 5 on). Each credential (the recovery code, every staff
// card with its PIN) has an X25519 key pair of its own: the secret half is wrapped under the Argon2id key
// of what its holder knows, the public half is stored in the clear, and the site's keys (a "bundle") are
// sealed to it. An administrator can then give every card new keys at a revocation without knowing
// anyone's PIN. A reception card's bundle has no admin secret; an admin card's and the recovery code's do.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "crypto/secret_bytes.h"
#include "service/site.h"
#include "store/site_tables.h"

namespace longstop::service {

/// The site's keys sealed to a credential's public key; the admin secret only when `withAdmin`.
std::string sealBundle(std::string_view credentialPublicKey, const SiteSecrets& secrets, bool withAdmin);

/// What a new (or converted) credential stores.
struct CredentialKeys {
  std::string wrapped;    // the credential's own secret key under the derived key
  std::string publicKey;  // its public key
  std::string bundle;     // sealBundle(publicKey, ...)
};
/// A fresh key pair for a credential, wrapped under `derivedKey`, with the bundle sealed to it.
CredentialKeys makeCredentialKeys(const crypto::SecretBytes& derivedKey, const SiteSecrets& secrets,
                                  bool withAdmin);

/// The credential's own secret key, if `derivedKey` unwraps it (a credential of schema 5 or later).
std::optional<crypto::SecretBytes> openCredentialSecret(const store::CredentialRow& c,
                                                        const crypto::SecretBytes& derivedKey);
/// A bundle once unsealed (LSKB1 or LSKB2); nothing when the bytes do not parse exactly. Its bytes
/// come from the card, so it is fuzzed (tests/fuzz/fuzz_key_bundle.cpp).
std::optional<SiteSecrets> parseBundlePlain(std::string_view plain);
/// The site's keys from the credential's bundle; empty when the bytes were changed or do not parse.
std::optional<SiteSecrets> openBundle(const store::CredentialRow& c,
                                      const crypto::SecretBytes& credentialSecret);

/// The site's keys that a credential holds, as Site::unlock opens them: through its own secret and
/// bundle (schema 5 on), or wrapped directly under `derivedKey` (before; match and ticket keys empty for
/// a credential from before signed logs). kUnauthorised when `derivedKey` is wrong; kCorrupt when the
/// bundle was changed. The keys are not checked against any site's public keys.
core::Result<SiteSecrets> openCredentialKeys(const store::CredentialRow& credential,
                                             const crypto::SecretBytes& derivedKey);

}  // namespace longstop::service
