// Re-entry batches on the kiosk: the recipient's key, making a batch of every check-in not yet in one,
// copying it to a folder or USB stick, showing it as a QR stream, and marking it received when the
// receiving organisation's acknowledgement (LSK1) is scanned. The batch files are kept in
// <data>/batches (they are sealed to the recipient: the kiosk itself cannot read them) until retention.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "exporter/destination.h"
#include "exporter/org_keys.h"
#include "service/site.h"
#include "service/staff.h"
#include "store/batches.h"

namespace longstop::service {

/// Sets the receiving organisation's public key from its LSR1 text (a .pub file or a scanned QR), with a
/// 'recipient-set' event signed with the admin key: needs an administrator's session. Earlier keys are
/// remembered, so their batches can still be acknowledged.
core::Result<exporter::OrgPublicKey> setRecipient(Site& site, const StaffSession& admin,
                                                  std::string_view pubText);
/// The key batches are sealed to now, if one has been set.
core::Result<std::optional<exporter::OrgPublicKey>> currentRecipient(Site& site);

/// Where the kiosk keeps its batch files: <data>/batches.
std::filesystem::path batchesDir(Site& site);

struct ExportedBatch {
  int64_t seq = 0;
  std::string fileName;
  std::filesystem::path path;  // the kiosk's own copy
  std::string batchHash;       // 32 raw bytes
  int64_t records = 0;
  int64_t bytes = 0;
  /// Check-ins left out because their sealed details would not open: they stay unexported, and the
  /// batch carries the rest.
  std::vector<std::string> damaged;
};

/// Makes the next batch: every check-in not yet in a batch, with its history and outcome, details
/// opened with `secrets`, sealed to the recipient and signed with the site's key. The file is written
/// durably first; then, in one transaction, the batch is recorded, its check-ins are marked and an
/// 'export' event is written. Refuses with a clear message when no recipient is set or there is nothing
/// to export, and (removing the file) when anything happened to a gathered check-in while the batch was
/// being made. `progress` hears ("Opening records", i, n) and the file write.
core::Result<ExportedBatch> exportBatch(Site& site, const SiteSecrets& secrets, std::string_view staffId = {},
                                        const exporter::Progress& progress = {});

/// Copies batch `seq` into `folder` (a USB stick's mount point, say), synced and read back; only after
/// this returns successfully may a person be told it is safe to remove the stick.
core::Result<std::filesystem::path> copyBatchTo(Site& site, int64_t seq, const std::filesystem::path& folder,
                                                const exporter::Progress& progress = {});
/// The LSQ1 frames of batch `seq`, to show one after another on screen.
core::Result<std::vector<std::string>> batchQrFrames(Site& site, int64_t seq);
/// The batch file's bytes (the kiosk's copy).
core::Result<std::string> batchFileBytes(Site& site, int64_t seq);

struct AckResult {
  int64_t seq = 0;
  std::string fileName;
  bool alreadyAcknowledged = false;  // scanned before: nothing changed
};
/// Checks an LSK1 code (this site and device, a batch it made, the hash, the organisation's signature)
/// and marks the batch received, starting its retention clock, with a 'batch-acknowledged' event.
core::Result<AckResult> acknowledgeBatch(Site& site, std::string_view text, std::string_view staffId = {});

core::Result<std::vector<store::BatchRow>> batches(Site& site);

}  // namespace longstop::service
