// longstop-batch: the receiving PC's side of re-entry. Each command returns the exit status:
// 0 fine, 1 a check failed (tampering, a gap in the chain, frames missing), 2 bad usage or input,
// 3 trouble reading or writing files, 4 a batch signed by a key this PC does not trust for its kiosk.
#pragma once

#include <string>

#include "../longstopctl/args.h"
#include "core/result.h"
#include "exporter/batch_file.h"
#include "exporter/org_keys.h"
#include "exporter/trust_store.h"

namespace longstop::batchtool {

using ctl::Args;

/// Apart from a damaged batch (1): the batch may be sound, but nobody has said its signer is the kiosk's.
inline constexpr int kExitUntrusted = 4;

int cmdKeygen(const Args& a);
int cmdVerify(const Args& a);
int cmdDecrypt(const Args& a);
int cmdConvert(const Args& a, bool fhir);
int cmdReport(const Args& a);
int cmdReceive(const Args& a);
int cmdAck(const Args& a);
int cmdTrust(const Args& a);

/// One sentence to stderr; returns the exit status for the error.
int fail(const core::Error& e);
int usage(const std::string& message);

core::Result<std::string> readFile(const std::string& path);
/// Writes a file readable by its owner only (batches hold personal data once opened).
core::Status writePrivateFile(const std::string& path, std::string_view bytes);
/// Replaces `path` all at once, readable by its owner only: a temporary file, fsync, rename, fsync of
/// the folder (made, owner only, when missing). A crash leaves the old file or the new, never half.
core::Status replaceFileAtomically(const std::string& path, std::string_view bytes);
core::Result<exporter::OrgKeyPair> loadKey(const Args& a);

/// Where the trust store is: --trust-store FILE, else $LONGSTOP_TRUST_STORE, else
/// $XDG_CONFIG_HOME/longstop/trusted-kiosks (~/.config when unset).
core::Result<std::string> trustStorePath(const Args& a);
/// The trust store at that path; a missing file is an empty store (nothing trusted yet), a damaged one
/// or one that other users can change is an error naming the file (and the line).
core::Result<exporter::TrustStore> loadTrustStore(const std::string& path);

/// Reads and checks one batch file (layout, signature, payload hash) and that the key pinned for its
/// kiosk signed it. On a refusal, says why on stderr and returns the exit status; 0 fills `out`.
int readBatch(const Args& a, const std::string& path, exporter::VerifiedBatch* out);
/// readBatch, then opens the payload with --key. `batch` (may be null) receives the checked file.
int openFile(const Args& a, const std::string& path, exporter::Payload* payload,
             exporter::VerifiedBatch* batch = nullptr);

}  // namespace longstop::batchtool
