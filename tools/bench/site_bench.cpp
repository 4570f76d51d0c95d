#include "site_bench.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "core/clock.h"
#include "raw_commits.h"
#include "replica/replicator.h"
#include "replica/server_process.h"
#include "service/checkin.h"
#include "service/site.h"
#include "service/site_roster.h"
#include "service/site_state.h"
#include "service/staff.h"
#include "store/database.h"
#include "store/sync_counter.h"

namespace longstop::bench {
namespace {

struct Node {
  std::filesystem::path dir;
  std::unique_ptr<service::Site> site;
  std::unique_ptr<service::StaffSession> admin;
  std::unique_ptr<replica::ServerProcess> server;
  std::unique_ptr<replica::Replicator> replicator;

  bool startReplicator() {
    replicator = std::make_unique<replica::Replicator>(
        replica::ReplicatorConfig{.databasePath = service::Site::databasePath(dir),
                                  .ownUrl = server->url(),
                                  .retryMs = 200,
                                  .afterApply = [id = site->info().deviceId](store::Database& db) {
                                    (void)service::followFold(db, id);
                                  }});
    return replicator->start().ok();
  }
};

bool makeNode(Node& n, const std::filesystem::path& dir, const core::Clock& clock,
              const char* vfs = nullptr) {
  n.dir = dir;
  auto init = service::Site::create(dir, {"B82005", "Bench Surgery", {}}, clock);
  if (!init.ok()) return false;
  auto site = service::Site::open(dir, clock, vfs);
  if (!site.ok()) return false;
  n.site = std::move(site.value());
  auto admin = service::recoverySession(*n.site, init->recoveryCode);
  if (!admin.ok()) return false;
  n.admin = std::move(admin.value());
  auto port = replica::freePort("127.0.0.1");
  if (!port.ok()) return false;
  n.server = std::make_unique<replica::ServerProcess>(
      replica::ServerConfig{dir, "127.0.0.1", port.value(), n.site->info().deviceId, "nats-server"});
  return n.server->start().ok();
}

core::Result<service::CommittedCheckin> commit(service::Site& site, int i) {
  service::NewCheckin c;
  c.queueId = "walkin";
  core::PatientDetails p;
  p.surname = "Surname" + std::to_string(i);
  p.forenames = "Forename";
  p.dateOfBirth = {1940 + i % 70, 1 + i % 12, 1 + i % 28};
  c.walkIn = p;
  return service::commitCheckin(site, c);
}

bool checkIn(service::Site& site, int i) {
  return commit(site, i).ok();
}

// The newest event of `origin` that `db` holds.
int64_t heldFrom(store::Database& db, const std::string& origin) {
  auto st = db.prepare("SELECT coalesce(max(origin_seq), 0) FROM peer_events WHERE origin = ?");
  if (!st.ok()) return -1;
  st->bind(1, origin);
  return st->step().value_or(false) ? st->columnInt(0) : -1;
}

int64_t ownNewest(store::Database& db) {
  auto st = db.prepare("SELECT max(seq) FROM events");
  return st.ok() && st->step().value_or(false) ? st->columnInt(0) : -1;
}

// Waits for `db` to hold `origin`'s event `seq`, up to a minute; false if it never comes.
bool waitFor(store::Database& db, const std::string& origin, int64_t seq) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (heldFrom(db, origin) < seq) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return true;
}

double processCpuS() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

// A durable check-in on a device whose replication runs (its outbox publishing, its puller storing a
// desk's calls into the same file, the fold followed), against a bare commit of as many pages made in
// the same rounds: the replication must not add an fsync, nor much waiting, to a check-in.
bool checkinWithReplication(Node& a, Node& b, const std::vector<std::string>& toCall, int rounds,
                            const std::filesystem::path& dir, core::ManualClock& clock, Report& report) {
  const int64_t pageBytes = 4096;
  auto pageSize = a.site->db().prepare("PRAGMA page_size");
  if (!pageSize.ok() || !pageSize->step().value_or(false) || pageSize->columnInt(0) != pageBytes)
    return false;
  pageSize->reset();
  int next = 0;
  const double pages = walPages(pageBytes,
                                [&] {
                                  for (int i = 0; i < 20; ++i)
                                    if (!commit(*a.site, 100000 + next++).ok()) return false;
                                  return true;
                                }) /
                       20;
  if (pages < 1 || pages >= RawCommits::kMaxPages + 1) return false;
  RawCommits raw(dir, static_cast<int>(pages));
  if (!raw.ok()) return false;
  std::vector<double> checkins, bare;
  uint64_t syncs = 0;
  for (int i = 0; i < rounds; ++i) {
    clock.advanceMs(1000);
    // The desk calls a patient: the kiosk's puller stores it (and follows the fold) while it checks in.
    if (i < static_cast<int>(toCall.size())) {
      if (!service::siteAction(*b.site, *b.admin, toCall[i], core::CheckinAction::kCall, "Room 2").ok())
        return false;
      b.replicator->wake();
    }
    const uint64_t s0 = store::countedSyncs();
    const auto t = std::chrono::steady_clock::now();
    if (!commit(*a.site, 100000 + next++).ok()) return false;
    checkins.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t).count());
    syncs += store::countedSyncs() - s0;
    a.replicator->wake();
    const double r = raw.once();
    if (r < 0) return false;
    bare.push_back(r);
  }
  report.add("site_checkin_commit_us_p50", percentile(checkins, 50));
  report.add("site_checkin_commit_us_p99", percentile(checkins, 99));
  report.add("site_raw_commit_us_p50", percentile(bare, 50));
  report.add("site_fsyncs_per_checkin", static_cast<double>(syncs) / rounds);
  report.add("site_checkin_vs_raw_commit", percentile(checkins, 50) / percentile(bare, 50));
  return true;
}

bool benchSite(const std::filesystem::path& dir, int rounds, Report& report) {
  if (!store::registerCountingVfs()) return false;
  core::ManualClock clock(core::Instant{1'796'000'000'000, 0});
  Node a, b;
  // a's own connection counts its WAL pages and fsyncs (the replicator's connections do not).
  if (!makeNode(a, dir / "a", clock, store::kCountingVfs) || !makeNode(b, dir / "b", clock)) return false;
  const std::string aId = a.site->info().deviceId, bId = b.site->info().deviceId;
  if (!service::addPeer(*a.site, *a.admin, {bId, b.site->signPublicKey(), b.server->url(), "desk", 0, {}})
           .ok() ||
      !service::addPeer(*b.site, *b.admin, {aId, a.site->signPublicKey(), a.server->url(), "kiosk", 0, {}})
           .ok())
    return false;
  if (!a.startReplicator() || !b.startReplicator()) return false;
  auto reader = store::Database::open(service::Site::databasePath(b.dir), {});
  if (!reader.ok()) return false;
  if (!waitFor(**reader, aId, ownNewest(a.site->db()))) return false;

  std::vector<double> ms;
  std::vector<std::string> ids;
  for (int i = 0; i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto c = commit(*a.site, i);
    if (!c.ok()) return false;
    ids.push_back(c->recordId);
    a.replicator->wake();
    if (!waitFor(**reader, aId, ownNewest(a.site->db()))) return false;
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    clock.advanceMs(1000);
  }
  report.add("site_replicate_ms_p50", percentile(ms, 50));
  report.add("site_replicate_ms_p99", percentile(ms, 99));

  // Apart for 1,000 events, then together again.
  b.replicator->stop();
  for (int i = 0; i < 1000; ++i)
    if (!checkIn(*a.site, rounds + i)) return false;
  const int64_t target = ownNewest(a.site->db());
  const auto start = std::chrono::steady_clock::now();
  if (!b.startReplicator() || !waitFor(**reader, aId, target)) return false;
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.add("site_converge_s", s);
  report.add("site_apply_events_per_s", 1000.0 / s);

  // At rest with the two links up: this process's CPU (both devices' replicators, not the servers).
  const double cpu0 = processCpuS();
  const auto idle = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::seconds(3));
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - idle).count();
  report.add("site_idle_cpu_percent_per_device", 100.0 * (processCpuS() - cpu0) / wall / 2);
  // b has all of a's events by now (converged above), so it can call any of the first check-ins.
  if (!checkinWithReplication(a, b, ids, rounds, dir, clock, report)) return false;
  a.replicator->stop();
  b.replicator->stop();
  return true;
}

}  // namespace longstop::bench
