#include "store/sync_counter.h"

#include <sqlite3.h>

#include <atomic>

#include "store/vfs_shim.h"

namespace longstop::store {
namespace {

std::atomic<uint64_t> gSyncs{0};
std::atomic<uint64_t> gWalBytes{0};

void count(FileOp op, bool walFile, int bytes, int rc) {
  if (op == FileOp::kSync) ++gSyncs;
  if (op == FileOp::kWrite && walFile && rc == SQLITE_OK) gWalBytes += static_cast<uint64_t>(bytes);
}

}  // namespace

bool registerCountingVfs() {
  VfsShim shim;
  shim.name = kCountingVfs;
  shim.after = count;
  return registerVfsShim(shim);
}

uint64_t countedSyncs() {
  return gSyncs.load();
}
uint64_t countedWalBytes() {
  return gWalBytes.load();
}

}  // namespace longstop::store
