// The one pass-through VFS (store/vfs_shim): the benchmark's counting VFS and the tests' fault VFS are
// each hooks on it, registered side by side; each database sees only the hooks of the VFS it was
// opened on.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "store/database.h"
#include "store/sync_counter.h"
#include "support/fault_vfs.h"
#include "support/temp_dir.h"

using namespace longstop;
using longstop::test::TempDir;

TEST_CASE("two VFS shims side by side: each database gets only its own VFS's hooks") {
  REQUIRE(store::registerCountingVfs());
  REQUIRE(test::registerFaultVfs());
  REQUIRE(store::registerCountingVfs());  // a second registration changes nothing
  TempDir dir;
  auto counted = store::Database::open(dir / "counted.db", {.create = true, .vfs = store::kCountingVfs});
  REQUIRE(counted.ok());
  auto faulty = store::Database::open(dir / "faulty.db", {.create = true, .vfs = test::kFaultVfs});
  REQUIRE(faulty.ok());
  REQUIRE((*counted)->exec("CREATE TABLE t(x)").ok());
  REQUIRE((*faulty)->exec("CREATE TABLE t(x)").ok());

  // A commit on the counting VFS: one sync or more, and its pages written to the write-ahead log.
  const uint64_t syncs = store::countedSyncs();
  const uint64_t walBytes = store::countedWalBytes();
  test::armFault(test::FaultOp::kWrite, 1, SQLITE_IOERR);
  REQUIRE((*counted)->exec("INSERT INTO t VALUES (randomblob(3000))").ok());
  CHECK(store::countedSyncs() > syncs);
  CHECK(store::countedWalBytes() >= walBytes + 3000);
  CHECK(test::faultOps(test::FaultOp::kWrite) == 0);  // nothing of it went through the fault VFS
  CHECK_FALSE(test::faultFired());

  // A commit on the fault VFS: its first write fails, and the counting VFS sees none of it.
  const uint64_t syncsBefore = store::countedSyncs();
  auto failed = (*faulty)->exec("INSERT INTO t VALUES (randomblob(3000))");
  CHECK_FALSE(failed.ok());
  CHECK(test::faultFired());
  CHECK(store::countedSyncs() == syncsBefore);
  test::disarmFault();
  REQUIRE((*faulty)->exec("INSERT INTO t VALUES (1)").ok());
  CHECK(test::faultOps(test::FaultOp::kSync) >= 1);
}
