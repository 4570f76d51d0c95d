#include "store/sync_counter.h"

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace longstop::store {
namespace {

std::atomic<uint64_t> gSyncs{0};
std::atomic<uint64_t> gWalBytes{0};
sqlite3_vfs* gBase = nullptr;
sqlite3_vfs gVfs;
sqlite3_io_methods gMethods;

// Our file: the methods pointer SQLite expects first, then the real file that the base VFS fills in.
struct CountingFile {
  sqlite3_file base;
  bool wal;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
CountingFile* cf(sqlite3_file* f) {
  return reinterpret_cast<CountingFile*>(f);
}
sqlite3_file* real(sqlite3_file* f) {
  return cf(f)->real();
}

int xClose(sqlite3_file* f) {
  return real(f)->pMethods->xClose(real(f));
}
int xRead(sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
  return real(f)->pMethods->xRead(real(f), b, n, o);
}
int xWrite(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
  const int rc = real(f)->pMethods->xWrite(real(f), b, n, o);
  if (rc == SQLITE_OK && cf(f)->wal) gWalBytes += static_cast<uint64_t>(n);
  return rc;
}
int xTruncate(sqlite3_file* f, sqlite3_int64 s) {
  return real(f)->pMethods->xTruncate(real(f), s);
}
int xSync(sqlite3_file* f, int flags) {
  ++gSyncs;
  return real(f)->pMethods->xSync(real(f), flags);
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
  return real(f)->pMethods->xFetch(real(f), o, n, pp);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
  return real(f)->pMethods->xUnfetch(real(f), o, p);
}

int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags) {
  std::memset(f, 0, sizeof(CountingFile));
  const int rc = gBase->xOpen(gBase, name, real(f), flags, outFlags);
  // SQLite calls xClose only when pMethods is set, so leave it null if the real open failed.
  f->pMethods = (rc == SQLITE_OK && real(f)->pMethods != nullptr) ? &gMethods : nullptr;
  cf(f)->wal = (flags & SQLITE_OPEN_WAL) != 0;
  return rc;
}

}  // namespace

bool registerCountingVfs() {
  if (sqlite3_vfs_find(kCountingVfs) != nullptr) return true;
  gBase = sqlite3_vfs_find(nullptr);
  if (gBase == nullptr) return false;
  gVfs = *gBase;
  gVfs.pNext = nullptr;
  gVfs.zName = kCountingVfs;
  gVfs.szOsFile = static_cast<int>(sizeof(CountingFile)) + gBase->szOsFile;
  gVfs.xOpen = xOpen;
  gMethods = sqlite3_io_methods{3,
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
  return sqlite3_vfs_register(&gVfs, 0) == SQLITE_OK;
}

uint64_t countedSyncs() {
  return gSyncs.load();
}
uint64_t countedWalBytes() {
  return gWalBytes.load();
}

}  // namespace longstop::store
