#include "support/fault_vfs.h"

#include <sqlite3.h>

#include <array>
#include <cstddef>

#include "store/vfs_shim.h"

namespace longstop::test {
namespace {

std::array<int64_t, 3> gOps{};
FaultOp gOp = FaultOp::kWrite;
int64_t gNth = 0;  // 0: disarmed
int gCode = SQLITE_IOERR;
bool gFired = false;

FaultOp faultOp(store::FileOp op) {
  switch (op) {
    case store::FileOp::kRead:
      return FaultOp::kRead;
    case store::FileOp::kWrite:
      return FaultOp::kWrite;
    case store::FileOp::kSync:
      return FaultOp::kSync;
  }
  return FaultOp::kRead;
}

// The error this operation returns instead, or SQLITE_OK to let it through.
int fault(store::FileOp fileOp, int ioerr) {
  const FaultOp op = faultOp(fileOp);
  const int64_t n = ++gOps[static_cast<std::size_t>(op)];
  if (gNth == 0 || gFired || op != gOp || n != gNth) return SQLITE_OK;
  gFired = true;
  return gCode == SQLITE_FULL ? SQLITE_FULL : ioerr;
}

}  // namespace

bool registerFaultVfs() {
  store::VfsShim shim;
  shim.name = kFaultVfs;
  shim.before = fault;
  shim.memoryMapped = false;  // every page read goes through xRead, where a fault can reach it
  return store::registerVfsShim(shim);
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
  return gOps[static_cast<std::size_t>(op)];
}
bool faultFired() {
  return gFired;
}

}  // namespace longstop::test
