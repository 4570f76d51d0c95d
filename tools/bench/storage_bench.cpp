#include "storage_bench.h"

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "crypto/primitives.h"
#include "raw_commits.h"
#include "service/checkin.h"
#include "service/kiosk.h"
#include "store/database.h"
#include "store/event_log.h"
#include "store/sync_counter.h"

namespace longstop::bench {
namespace {

using Clock = std::chrono::steady_clock;
double usSince(Clock::time_point t) {
  return std::chrono::duration<double, std::micro>(Clock::now() - t).count();
}
// This thread's CPU time (user and kernel, not time spent waiting for the disk), in microseconds.
double cpuUs() {
  timespec ts{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
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
  // The first check-ins, not timed, say how many pages a check-in changes; the bare commit is made to
  // change as many (whole pages: B-tree splits add a fraction to both).
  auto pageSize = siteRef.db().prepare("PRAGMA page_size");
  if (!pageSize.ok() || !pageSize->step().ok()) return false;
  const int64_t pageBytes = pageSize->columnInt(0);
  pageSize->reset();
  constexpr int kWarmUp = 20;
  const double checkinPages = walPages(pageBytes,
                                       [&] {
                                         for (int i = 0; i < kWarmUp; ++i) {
                                           siteRef.prepareAhead();
                                           if (!service::commitCheckin(siteRef, walkIn).ok()) return false;
                                         }
                                         return true;
                                       }) /
                              kWarmUp;
  if (checkinPages < 1 || checkinPages >= RawCommits::kMaxPages + 1) return false;
  RawCommits rawDb(dir, static_cast<int>(checkinPages));
  if (!rawDb.ok()) return false;
  if (walPages(pageBytes, [&] { return rawDb.once() >= 0; }) < 1) return false;
  // Each round: a durable check-in through the store (validated, sealed, committed: what must be on
  // disk before a ticket is shown), a bare commit, then the reads that build the ticket on screen.
  // Check-ins and bare commits alternate, so both meet the same disk (other writers, cache state).
  std::vector<double> checkins, raw, withTicket, prepare, checkinCpu, rawCpu;
  uint64_t checkinSyncs = 0, checkinWal = 0, rawWal = 0;
  for (int i = 0; i < rounds; ++i) {
    clock.advanceMs(1000);
    // What the kiosk does while the patient answers the safety question.
    const auto t0 = Clock::now();
    siteRef.prepareAhead();
    prepare.push_back(usSince(t0));
    const uint64_t before = store::countedSyncs();
    const uint64_t wal0 = store::countedWalBytes();
    const double cpu0 = cpuUs();
    const auto t = Clock::now();
    auto c = service::commitCheckin(siteRef, walkIn);
    if (!c.ok()) return false;
    const double commitUs = usSince(t);
    checkinCpu.push_back(cpuUs() - cpu0);
    checkins.push_back(commitUs);
    checkinSyncs += store::countedSyncs() - before;
    const uint64_t wal1 = store::countedWalBytes();
    checkinWal += wal1 - wal0;
    const double cpu1 = cpuUs();
    const double r = rawDb.once();
    if (r < 0) return false;
    rawCpu.push_back(cpuUs() - cpu1);
    rawWal += store::countedWalBytes() - wal1;
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
  report.add("checkin_cpu_us_p50", percentile(checkinCpu, 50));
  report.add("raw_commit_cpu_us_p50", percentile(rawCpu, 50));
  // Pages per commit over the timed rounds (the first check-in and bare commit sized the baseline).
  const double frame = static_cast<double>(pageBytes + 24) * rounds;
  report.add("checkin_wal_pages", static_cast<double>(checkinWal) / frame);
  report.add("raw_commit_wal_pages", static_cast<double>(rawWal) / frame);
  report.add("checkin_with_ticket_us_p50", percentile(withTicket, 50));
  report.add("prepare_ahead_us_p50", percentile(prepare, 50));
  // Each event costs two Ed25519 signatures (its row and the log's signed end); both are prepared
  // ahead (prepareAhead), so this is what a check-in would add without that.
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
