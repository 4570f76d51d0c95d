// longstop-batch: the receiving PC's side of re-entry. Each command returns the exit status:
// 0 fine, 1 a check failed (tampering, a gap in the chain, frames missing), 2 bad usage or input,
// 3 trouble reading or writing files.
#pragma once

#include <string>

#include "../longstopctl/args.h"
#include "core/result.h"
#include "exporter/batch_file.h"
#include "exporter/org_keys.h"

namespace longstop::batchtool {

using ctl::Args;

int cmdKeygen(const Args& a);
int cmdVerify(const Args& a);
int cmdDecrypt(const Args& a);
int cmdConvert(const Args& a, bool fhir);
int cmdReport(const Args& a);
int cmdReceive(const Args& a);
int cmdAck(const Args& a);

/// One sentence to stderr; returns the exit status for the error.
int fail(const core::Error& e);
int usage(const std::string& message);

core::Result<std::string> readFile(const std::string& path);
/// Writes a file readable by its owner only (batches hold personal data once opened).
core::Status writePrivateFile(const std::string& path, std::string_view bytes);
core::Result<exporter::OrgKeyPair> loadKey(const Args& a);
/// Reads and checks one batch file (layout, signature, payload hash) and opens it with --key.
core::Result<exporter::Payload> openFile(const Args& a, const std::string& path);

}  // namespace longstop::batchtool
