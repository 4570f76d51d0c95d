// A pass-through SQLite VFS that counts the syncs (fsync/fdatasync) SQLite asks for and the bytes it
// writes to write-ahead logs, so the benchmark can report fsyncs and pages per commit as counted, not
// assumed.
#pragma once

#include <cstdint>

namespace longstop::store {

/// Registers the VFS named by kCountingVfs (idempotent). False if SQLite refused.
bool registerCountingVfs();
inline constexpr const char* kCountingVfs = "longstop-counting";
/// Syncs made through that VFS since the program started.
uint64_t countedSyncs();
/// Bytes written to write-ahead-log files through that VFS since the program started.
uint64_t countedWalBytes();

}  // namespace longstop::store
