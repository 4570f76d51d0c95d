// Export batches as the kiosk remembers them, and the check-ins they hold (checkins.batch_seq).
// The batch files themselves live beside the database (service/export.h); this is only the ledger.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace longstop::store {

struct BatchRow {
  int64_t seq = 0;
  std::string fileName;
  int64_t createdMs = 0;
  int64_t recordCount = 0;
  std::string prevHash;   // 32 raw bytes
  std::string batchHash;  // 32 raw bytes
  std::string recipientKeyId;
  std::optional<int64_t> acknowledgedMs;
  std::optional<int64_t> purgedMs;
};

core::Status insertBatch(Database& db, const BatchRow& b);
core::Result<std::optional<BatchRow>> getBatch(Database& db, int64_t seq);
/// The batch with the highest number, if any.
core::Result<std::optional<BatchRow>> lastBatch(Database& db);
/// Every batch, oldest first.
core::Result<std::vector<BatchRow>> listBatches(Database& db);

/// The record IDs of check-ins in no batch yet, in the device's sequence (arrival order).
core::Result<std::vector<std::string>> unexportedRecordIds(Database& db);
/// (kind, at_ms) of every event of every check-in in no batch yet, keyed by record ID, in log order.
core::Result<std::map<std::string, std::vector<std::pair<std::string, int64_t>>>> unexportedHistory(
    Database& db);
/// Puts one check-in into batch `seq`; a conflict if it is already in a batch. Inside a transaction.
core::Status assignToBatch(Database& db, std::string_view recordId, int64_t seq);

core::Status markAcknowledged(Database& db, int64_t seq, int64_t atMs);
/// Acknowledged at or before `ackedBeforeMs` and not yet purged, oldest first.
core::Result<std::vector<BatchRow>> batchesDueForPurge(Database& db, int64_t ackedBeforeMs);
/// Removes the personal data of batch `seq`'s check-ins and of their appointments (sealed details and
/// the keyed hashes of them) and records purged_ms. Refuses a batch that is not acknowledged. Returns
/// how many check-ins it covered. Inside a transaction.
core::Result<int64_t> purgeBatch(Database& db, int64_t seq, int64_t atMs);

}  // namespace longstop::store
