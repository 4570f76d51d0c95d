// Small tables about the site itself: settings (meta), counters, queues, wrapped credentials.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/queue.h"
#include "core/result.h"
#include "store/database.h"

namespace longstop::store {

core::Result<std::optional<std::string>> getMeta(Database& db, std::string_view key);
core::Status setMeta(Database& db, std::string_view key, std::string_view value);

/// Adds one to the named counter (starting at 1) and returns the new value; inside a transaction, so a
/// rolled-back change never hands out a number and a committed one is never handed out again.
core::Result<int64_t> nextCounter(Database& db, std::string_view name);
/// The named counter's value, 0 when it was never counted.
core::Result<int64_t> counterValue(Database& db, std::string_view name);
/// Raises the named counter to `value` if it is lower (a counter never goes back).
core::Status raiseCounter(Database& db, std::string_view name, int64_t value);

core::Status insertQueue(Database& db, const core::QueueDef& q, int position);
core::Result<std::vector<core::QueueDef>> listQueues(Database& db);

struct CredentialRow {
  std::string id;    // "recovery" or a staff ID
  std::string kind;  // "recovery" | "staff"
  std::string kdfSalt;
  int64_t kdfOps = 0;
  int64_t kdfMem = 0;
  std::string wrapped;  // the credential's own secret key (or, before schema 5, the site's keys)
  int64_t createdMs = 0;
  std::string publicKey;  // the credential's X25519 public key; empty for a credential from before
  std::string bundle;     // the site's keys sealed to publicKey
};
core::Status insertCredential(Database& db, const CredentialRow& c);
core::Result<std::optional<CredentialRow>> getCredential(Database& db, std::string_view id);
/// Every credential, recovery first, then by age.
core::Result<std::vector<CredentialRow>> listCredentials(Database& db);
/// Replaces the wrapped secret, public key and bundle of an existing credential.
core::Status updateCredential(Database& db, const CredentialRow& c);

}  // namespace longstop::store
