// One pass-through SQLite VFS over the default one, with a hook before and after each read, write and
// sync of a file: the benchmark's counting VFS and the tests' fault-injecting VFS are each a pair of
// hooks on it. Everything else goes straight to the default VFS.
#pragma once

namespace longstop::store {

enum class FileOp { kRead, kWrite, kSync };

struct VfsShim {
  const char* name = nullptr;  // the name a database is opened with (OpenOptions::vfs)
  /// Before each operation: SQLITE_OK lets it through; any other code is returned to SQLite instead,
  /// and the real file is not touched. `ioerr` is the operation's own I/O error code.
  int (*before)(FileOp op, int ioerr) = nullptr;
  /// After each operation that `before` let through, with what the real file returned.
  void (*after)(FileOp op, bool walFile, int bytes, int rc) = nullptr;
  /// False: no memory-mapped pages, so every page read goes through xRead (and `before`).
  bool memoryMapped = true;
};

/// Registers `shim` under its name, once (a second call with the same name does nothing). The hooks
/// are plain functions, called from whatever thread SQLite is on. False if SQLite refused.
bool registerVfsShim(const VfsShim& shim);

}  // namespace longstop::store
