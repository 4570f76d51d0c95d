#include "storage_bench.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "crypto/primitives.h"
#include "service/checkin.h"
#include "store/event_log.h"
#include "service/kiosk.h"
#include "store/database.h"
#include "store/sync_counter.h"

namespace longstop::bench {
namespace {

using Clock = std::chrono::steady_clock;
double usSince(Clock::time_point t) {
  return std::chrono::duration<double, std::micro>(Clock::now() - t).count();
}

std::vector<double> rawFsync(const std::filesystem::path& dir, int rounds) {
  const std::string path = (dir / "fsync.bin").string();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<double> out;
  if (fd < 0) return out;
  const std::string page(4096, 'x');
  for (int i = 0; i < rounds; ++i) {
    const auto t = Clock::now();
    if (::write(fd, page.data(), page.size()) != static_cast<ssize_t>(page.size()) || ::fsync(fd) != 0) break;
    out.push_back(usSince(t));
  }
  ::close(fd);
  return out;
}

// The same pragmas as the store, one INSERT of a row about the size of a check-in per transaction.
class RawCommits {
 public:
  explicit RawCommits(const std::filesystem::path& dir) {
    auto db = store::Database::open(dir / "raw.db", {.create = true});
    if (db.ok() && (*db)->exec("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b BLOB)").ok()) db_ = std::move(*db);
  }
  bool ok() const { return db_ != nullptr; }
  /// One durable commit; its time in microseconds, or a negative number on failure.
  double once() {
    const auto t = Clock::now();
    auto s = db_->transaction([&]() -> core::Status {
      auto st = db_->prepare("INSERT INTO t(a, b) VALUES (?, ?)");
      if (!st.ok()) return st.error();
      st->bind(1, std::string_view("K7QX-000123")).bindBlob(2, std::string(160, 'b'));
      return st->run();
    });
    return s.ok() ? usSince(t) : -1;
  }

 private:
  std::unique_ptr<store::Database> db_;
};

}  // namespace

bool benchStorage(const std::filesystem::path& dir, int rounds, Report& report) {
  if (!store::registerCountingVfs()) return false;
  core::ManualClock clock{{1764403200000, 0}};
  if (!service::Site::create(dir / "site", {"B82005", "Bench", {}}, clock).ok()) return false;
  auto site = service::Site::open(dir / "site", clock, store::kCountingVfs);
  if (!site.ok()) return false;
  service::Site& siteRef = *site.value();
  service::Kiosk kiosk(std::move(site.value()));

  core::PatientDetails patient;
  patient.surname = "Benchmark";
  patient.forenames = "Patient";
  patient.dateOfBirth = {1970, 1, 1};
  const service::NewCheckin walkIn{kiosk.site().walkInQueueId, std::nullopt, patient, false, ""};
  // Each round: a durable check-in through the store (validated, sealed, committed: what must be on
  // disk before a ticket is shown), a bare commit, then the reads that build the ticket on screen.
  // Check-ins and bare commits alternate, so both meet the same disk (other writers, cache state).
  RawCommits rawDb(dir);
  if (!rawDb.ok()) return false;
  std::vector<double> checkins, raw, withTicket, prepare;
  uint64_t checkinSyncs = 0;
  for (int i = 0; i < rounds; ++i) {
    clock.advanceMs(1000);
    // What the kiosk does while the patient answers the safety question.
    const auto t0 = Clock::now();
    siteRef.prepareAhead();
    prepare.push_back(usSince(t0));
    const uint64_t before = store::countedSyncs();
    const auto t = Clock::now();
    auto c = service::commitCheckin(siteRef, walkIn);
    if (!c.ok()) return false;
    const double commitUs = usSince(t);
    checkins.push_back(commitUs);
    checkinSyncs += store::countedSyncs() - before;
    const double r = rawDb.once();
    if (r < 0) return false;
    raw.push_back(r);
    const auto t2 = Clock::now();
    if (!kiosk.ticketFor(c->recordId).ok()) return false;
    withTicket.push_back(commitUs + usSince(t2));
  }
  const double syncs = static_cast<double>(checkinSyncs);
  const auto fsyncs = rawFsync(dir, rounds);
  if (fsyncs.empty()) return false;

  report.add("checkin_commit_us_p50", percentile(checkins, 50));
  report.add("checkin_commit_us_p99", percentile(checkins, 99));
  report.add("raw_sqlite_commit_us_p50", percentile(raw, 50));
  report.add("fsync_us_p50", percentile(fsyncs, 50));
  report.add("fsyncs_per_checkin", syncs / rounds);
  report.add("checkin_vs_raw_commit", percentile(checkins, 50) / percentile(raw, 50));
  report.add("checkin_with_ticket_us_p50", percentile(withTicket, 50));
  report.add("seal_prepare_us_p50", percentile(prepare, 50));
  // Each event costs two Ed25519 signatures (its row and the log's signed end), inside the commit.
  const crypto::SignKeyPair keys = crypto::makeSignKeyPair();
  std::vector<double> signs;
  const std::string hash(32, 'h');
  for (int i = 0; i < rounds; ++i) {
    const auto t = Clock::now();
    const std::string sig = crypto::sign(keys.secretKey, store::eventSignedBytes(hash));
    signs.push_back(usSince(t));
    if (sig.size() != 64) return false;
  }
  report.add("event_sign_us_p50", percentile(signs, 50));
  report.add("checkin_with_ticket_vs_raw_commit", percentile(withTicket, 50) / percentile(raw, 50));
  return true;
}

}  // namespace longstop::bench
