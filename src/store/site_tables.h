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

core::Status insertQueue(Database& db, const core::QueueDef& q, int position);
core::Result<std::vector<core::QueueDef>> listQueues(Database& db);

struct CredentialRow {
  std::string id;    // "recovery" or a staff ID
  std::string kind;  // "recovery" | "staff"
  std::string kdfSalt;
  int64_t kdfOps = 0;
  int64_t kdfMem = 0;
  std::string wrapped;
  int64_t createdMs = 0;
};
core::Status insertCredential(Database& db, const CredentialRow& c);
core::Result<std::optional<CredentialRow>> getCredential(Database& db, std::string_view id);

}  // namespace longstop::store
