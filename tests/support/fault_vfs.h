// Test only: an SQLite VFS over the default one that fails one chosen write, sync or read, as a
// failing card would (SQLite's own fault-injection approach). Open a database on it by name
// (store::OpenOptions::vfs, Site::open's vfs); everything else passes straight through.
#pragma once

#include <cstdint>

namespace longstop::test {

enum class FaultOp { kWrite, kSync, kRead };

inline constexpr const char* kFaultVfs = "longstop-fault";

/// Registers the VFS named kFaultVfs (idempotent). False if SQLite refused.
bool registerFaultVfs();
/// From now on, the `nth` (1-based) operation of kind `op` through the VFS fails once with `code`
/// (SQLITE_IOERR, given as the operation's own I/O error, or SQLITE_FULL); the counts restart at zero.
void armFault(FaultOp op, int64_t nth, int code);
/// No fault from now on; the counts go on.
void disarmFault();
/// Operations of kind `op` since the last armFault.
int64_t faultOps(FaultOp op);
/// True once the armed fault has fired.
bool faultFired();

}  // namespace longstop::test
