#include "support/fault_vfs.h"

#include <sqlite3.h>

#include <array>
#include <cstring>

namespace longstop::test {
namespace {

sqlite3_vfs* gBase = nullptr;
sqlite3_vfs gVfs;
sqlite3_io_methods gMethods;
std::array<int64_t, 3> gOps{};
FaultOp gOp = FaultOp::kWrite;
int64_t gNth = 0;  // 0: disarmed
int gCode = SQLITE_IOERR;
bool gFired = false;

struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
sqlite3_file* real(sqlite3_file* f) {
  return reinterpret_cast<FaultFile*>(f)->real();
}

// The error this operation returns instead, or SQLITE_OK to let it through.
int fault(FaultOp op, int ioerr) {
  const int64_t n = ++gOps[static_cast<size_t>(op)];
  if (gNth == 0 || gFired || op != gOp || n != gNth) return SQLITE_OK;
  gFired = true;
  return gCode == SQLITE_FULL ? SQLITE_FULL : ioerr;
}

int xClose(sqlite3_file* f) {
  return real(f)->pMethods->xClose(real(f));
}
int xRead(sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
  if (int rc = fault(FaultOp::kRead, SQLITE_IOERR_READ); rc != SQLITE_OK) return rc;
  return real(f)->pMethods->xRead(real(f), b, n, o);
}
int xWrite(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
  if (int rc = fault(FaultOp::kWrite, SQLITE_IOERR_WRITE); rc != SQLITE_OK) return rc;
  return real(f)->pMethods->xWrite(real(f), b, n, o);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 s) {
  return real(f)->pMethods->xTruncate(real(f), s);
}
int xSync(sqlite3_file* f, int flags) {
  if (int rc = fault(FaultOp::kSync, SQLITE_IOERR_FSYNC); rc != SQLITE_OK) return rc;
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
// No memory-mapped reads: every page read goes through xRead, where a fault can reach it.
int xFetch(sqlite3_file*, sqlite3_int64, int, void** pp) {
  *pp = nullptr;
  return SQLITE_OK;
}
int xUnfetch(sqlite3_file*, sqlite3_int64, void*) {
  return SQLITE_OK;
}

int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags) {
  std::memset(f, 0, sizeof(FaultFile));
  const int rc = gBase->xOpen(gBase, name, real(f), flags, outFlags);
  f->pMethods = (rc == SQLITE_OK && real(f)->pMethods != nullptr) ? &gMethods : nullptr;
  return rc;
}

}  // namespace

bool registerFaultVfs() {
  if (sqlite3_vfs_find(kFaultVfs) != nullptr) return true;
  gBase = sqlite3_vfs_find(nullptr);
  if (gBase == nullptr) return false;
  gVfs = *gBase;
  gVfs.pNext = nullptr;
  gVfs.zName = kFaultVfs;
  gVfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + gBase->szOsFile;
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

void armFault(FaultOp op, int64_t nth, int code) {
  gOps = {};
  gOp = op;
  gNth = nth;
  gCode = code;
  gFired = false;
}

void disarmFault() {
  gNth = 0;
}
int64_t faultOps(FaultOp op) {
  return gOps[static_cast<size_t>(op)];
}
bool faultFired() {
  return gFired;
}

}  // namespace longstop::test
