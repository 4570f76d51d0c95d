// The baseline a durable check-in is measured against: a bare SQLite commit of as many pages, same
// pragmas and VFS as the store (storage_bench and, with replication running, site_bench).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"
#include "store/sync_counter.h"

namespace longstop::bench {

// The same pragmas and VFS as the store, and a transaction that changes as many pages as a check-in
// (one row into each of `pages` tables, each its own B-tree page), so both write the same number of
// WAL frames before their one fsync and their WALs fill and wrap at the same pace. One page against a
// check-in's eight would compare a 4 KiB write with a 32 KiB one, and a WAL that only ever grows
// (a metadata commit with every fsync) with one that is reused after each checkpoint.
class RawCommits {
 public:
  RawCommits(const std::filesystem::path& dir, int pages) : pages_(pages) {
    auto db = store::Database::open(dir / "raw.db", {.create = true, .vfs = store::kCountingVfs});
    if (!db.ok()) return;
    for (int i = 0; i < pages_; ++i)
      if (!(*db)
               ->exec("CREATE TABLE t" + std::to_string(i) + "(id INTEGER PRIMARY KEY, a TEXT, b BLOB)")
               .ok())
        return;
    db_ = std::move(*db);
  }
  bool ok() const { return db_ != nullptr; }
  /// One durable commit; its time in microseconds, or a negative number on failure.
  double once() {
    const auto t = std::chrono::steady_clock::now();
    auto s = db_->transaction([&]() -> core::Status {
      for (int i = 0; i < pages_; ++i) {
        auto st = db_->prepare(kInserts[i]);
        if (!st.ok()) return st.error();
        st->bind(1, std::string_view("K7QX-000123")).bindBlob(2, std::string_view(kRow));
        if (auto r = st->run(); !r.ok()) return r;
      }
      return core::okStatus();
    });
    return s.ok() ? std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t).count()
                  : -1;
  }
  static constexpr int kMaxPages = 16;

 private:
  static constexpr const char* kInserts[kMaxPages] = {
      "INSERT INTO t0(a, b) VALUES (?, ?)",  "INSERT INTO t1(a, b) VALUES (?, ?)",
      "INSERT INTO t2(a, b) VALUES (?, ?)",  "INSERT INTO t3(a, b) VALUES (?, ?)",
      "INSERT INTO t4(a, b) VALUES (?, ?)",  "INSERT INTO t5(a, b) VALUES (?, ?)",
      "INSERT INTO t6(a, b) VALUES (?, ?)",  "INSERT INTO t7(a, b) VALUES (?, ?)",
      "INSERT INTO t8(a, b) VALUES (?, ?)",  "INSERT INTO t9(a, b) VALUES (?, ?)",
      "INSERT INTO t10(a, b) VALUES (?, ?)", "INSERT INTO t11(a, b) VALUES (?, ?)",
      "INSERT INTO t12(a, b) VALUES (?, ?)", "INSERT INTO t13(a, b) VALUES (?, ?)",
      "INSERT INTO t14(a, b) VALUES (?, ?)", "INSERT INTO t15(a, b) VALUES (?, ?)"};
  static inline const std::string kRow = std::string(160, 'b');
  int pages_;
  std::unique_ptr<store::Database> db_;
};

// WAL frames (pages) written by `commit`, counted through the VFS.
template <typename F>
double walPages(int64_t pageSize, F&& commit) {
  const uint64_t before = store::countedWalBytes();
  if (!commit()) return -1;
  return static_cast<double>(store::countedWalBytes() - before) / static_cast<double>(pageSize + 24);
}

}  // namespace longstop::bench
