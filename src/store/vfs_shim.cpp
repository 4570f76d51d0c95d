#include "store/vfs_shim.h"

#include <sqlite3.h>

#include <cstring>
#include <list>
#include <mutex>
#include <type_traits>

namespace longstop::store {
namespace {

// One registered shim: SQLite's VFS record first (xOpen finds the rest from it; pAppData stays the
// default VFS's own, which its other methods read), then the shim and the file methods.
struct Registered {
  sqlite3_vfs vfs{};
  VfsShim shim;
  sqlite3_vfs* base = nullptr;
  sqlite3_io_methods methods{};
};
static_assert(std::is_standard_layout_v<Registered>);

// Our file: the methods pointer SQLite expects first, then the real file that the base VFS fills in.
struct ShimFile {
  sqlite3_file head;
  const Registered* reg;
  bool wal;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
ShimFile* sf(sqlite3_file* f) {
  return reinterpret_cast<ShimFile*>(f);
}
sqlite3_file* real(sqlite3_file* f) {
  return sf(f)->real();
}

// Runs one hooked operation: the before hook, the real call, the after hook.
template <typename Call>
int hooked(sqlite3_file* f, FileOp op, int ioerr, int bytes, Call call) {
  const VfsShim& shim = sf(f)->reg->shim;
  if (shim.before != nullptr)
    if (const int rc = shim.before(op, ioerr); rc != SQLITE_OK) return rc;
  const int rc = call(real(f));
  if (shim.after != nullptr) shim.after(op, sf(f)->wal, bytes, rc);
  return rc;
}

int xRead(sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
  return hooked(f, FileOp::kRead, SQLITE_IOERR_READ, n,
                [&](sqlite3_file* r) { return r->pMethods->xRead(r, b, n, o); });
}
int xWrite(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
  return hooked(f, FileOp::kWrite, SQLITE_IOERR_WRITE, n,
                [&](sqlite3_file* r) { return r->pMethods->xWrite(r, b, n, o); });
}
int xSync(sqlite3_file* f, int flags) {
  return hooked(f, FileOp::kSync, SQLITE_IOERR_FSYNC, 0,
                [&](sqlite3_file* r) { return r->pMethods->xSync(r, flags); });
}
int xClose(sqlite3_file* f) {
  return real(f)->pMethods->xClose(real(f));
}
int xTruncate(sqlite3_file* f, sqlite3_int64 s) {
  return real(f)->pMethods->xTruncate(real(f), s);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* s) {
  return real(f)->pMethods->xFileSize(real(f), s);
}
int xLock(sqlite3_file* f, int l) {
  return real(f)->pMethods->xLock(real(f), l);
}
int xUnlock(sqlite3_file* f, int l) {
  return real(f)->pMethods->xUnlock(real(f), l);
}
int xCheckReservedLock(sqlite3_file* f, int* r) {
  return real(f)->pMethods->xCheckReservedLock(real(f), r);
}
int xFileControl(sqlite3_file* f, int op, void* a) {
  return real(f)->pMethods->xFileControl(real(f), op, a);
}
int xSectorSize(sqlite3_file* f) {
  return real(f)->pMethods->xSectorSize(real(f));
}
int xDeviceCharacteristics(sqlite3_file* f) {
  return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int xShmMap(sqlite3_file* f, int p, int sz, int e, void volatile** pp) {
  return real(f)->pMethods->xShmMap(real(f), p, sz, e, pp);
}
int xShmLock(sqlite3_file* f, int o, int n, int fl) {
  return real(f)->pMethods->xShmLock(real(f), o, n, fl);
}
void xShmBarrier(sqlite3_file* f) {
  real(f)->pMethods->xShmBarrier(real(f));
}
int xShmUnmap(sqlite3_file* f, int d) {
  return real(f)->pMethods->xShmUnmap(real(f), d);
}
int xFetch(sqlite3_file* f, sqlite3_int64 o, int n, void** pp) {
  if (!sf(f)->reg->shim.memoryMapped) {
    *pp = nullptr;  // SQLite then reads the page with xRead
    return SQLITE_OK;
  }
  return real(f)->pMethods->xFetch(real(f), o, n, pp);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
  if (!sf(f)->reg->shim.memoryMapped) return SQLITE_OK;
  return real(f)->pMethods->xUnfetch(real(f), o, p);
}

int xOpen(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags) {
  const auto* reg = reinterpret_cast<const Registered*>(vfs);
  std::memset(f, 0, sizeof(ShimFile));
  const int rc = reg->base->xOpen(reg->base, name, real(f), flags, outFlags);
  // SQLite calls xClose only when pMethods is set, so leave it null if the real open failed.
  f->pMethods = (rc == SQLITE_OK && real(f)->pMethods != nullptr) ? &reg->methods : nullptr;
  sf(f)->reg = reg;
  sf(f)->wal = (flags & SQLITE_OPEN_WAL) != 0;
  return rc;
}

}  // namespace

bool registerVfsShim(const VfsShim& shim) {
  static std::mutex mutex;
  static std::list<Registered> registered;  // never shrinks: SQLite keeps pointers into it
  std::lock_guard lock(mutex);
  if (shim.name == nullptr) return false;
  if (sqlite3_vfs_find(shim.name) != nullptr) return true;
  sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
  if (base == nullptr) return false;
  Registered& r = registered.emplace_back();
  r.shim = shim;
  r.base = base;
  r.vfs = *base;
  r.vfs.pNext = nullptr;
  r.vfs.zName = shim.name;
  r.vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + base->szOsFile;
  r.vfs.xOpen = xOpen;
  r.methods = sqlite3_io_methods{3,
                                 xClose,
                                 xRead,
                                 xWrite,
                                 xTruncate,
                                 xSync,
                                 xFileSize,
                                 xLock,
                                 xUnlock,
                                 xCheckReservedLock,
                                 xFileControl,
                                 xSectorSize,
                                 xDeviceCharacteristics,
                                 xShmMap,
                                 xShmLock,
                                 xShmBarrier,
                                 xShmUnmap,
                                 xFetch,
                                 xUnfetch};
  if (sqlite3_vfs_register(&r.vfs, 0) == SQLITE_OK) return true;
  registered.pop_back();
  return false;
}

}  // namespace longstop::store
