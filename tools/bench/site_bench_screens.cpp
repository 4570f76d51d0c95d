#include "site_bench_screens.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <thread>

#include "app/board_app.h"
#include "app/kiosk_app.h"
#include "replica/replicator.h"
#include "replica/server_process.h"
#include "service/kiosk.h"
#include "service/queue_actions.h"
#include "service/settings.h"
#include "service/site.h"
#include "service/site_roster.h"
#include "service/site_state.h"
#include "service/staff.h"
#include "service/staff_desk.h"
#include "service/system_clock.h"

namespace longstop::bench {
namespace {
constexpr int kRounds = 30;
constexpr double kMissedAfterMs = 5000;  // five times the board's 1 s promise

double nowMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// A device run by the benchmark itself through the services (the kiosk, the desk that calls): its
// site, an admin session, its own nats-server and replicator.
struct Device {
  std::filesystem::path dir;
  std::unique_ptr<service::Kiosk> kiosk;
  std::unique_ptr<service::StaffSession> admin;
  std::unique_ptr<replica::ServerProcess> server;
  std::unique_ptr<replica::Replicator> replicator;

  service::Site& site() { return kiosk->siteData(); }
  ~Device() {
    if (replicator) replicator->stop();
    if (server) server->stop();
  }
};

bool openDevice(Device& d, const std::filesystem::path& dir, const core::Clock& clock) {
  d.dir = dir;
  auto init = service::Site::create(dir, {"B82005", "Bench Surgery", {}}, clock);
  if (!init.ok()) return false;
  auto kiosk = service::openKiosk(dir, clock);
  if (!kiosk.ok()) return false;
  d.kiosk = std::move(kiosk.value());
  auto admin = service::recoverySession(d.site(), init->recoveryCode);
  auto port = replica::freePort("127.0.0.1");
  if (!admin.ok() || !port.ok()) return false;
  d.admin = std::move(admin.value());
  const std::string id = d.site().info().deviceId;
  d.server = std::make_unique<replica::ServerProcess>(
      replica::ServerConfig{dir, "127.0.0.1", port.value(), id, "nats-server"});
  if (!d.server->start().ok()) return false;
  d.replicator = std::make_unique<replica::Replicator>(replica::ReplicatorConfig{
      .databasePath = service::Site::databasePath(dir),
      .ownUrl = d.server->url(),
      .retryMs = 200,
      .afterApply = [id](store::Database& db) { (void)service::followFold(db, id); }});
  return d.replicator->start().ok();
}

// A device that `longstop` runs in `role` (board, desk): listening on a free port, `peer` in its roster.
// Returns the recovery code, or "" on failure.
std::string makeScreenDevice(const std::filesystem::path& dir, const core::Clock& clock, Device& peer,
                             const std::string& role, const std::string& peerRole) {
  auto made = service::Site::create(dir, {"B82005", "Bench Surgery", {}}, clock);
  if (!made.ok()) return "";
  auto site = service::Site::open(dir, clock);
  if (!site.ok()) return "";
  auto admin = service::recoverySession(*site.value(), made->recoveryCode);
  auto port = replica::freePort("127.0.0.1");
  if (!admin.ok() || !port.ok()) return "";
  const std::string listen = "127.0.0.1:" + std::to_string(port.value());
  if (!service::setSetting(*site.value(), *admin.value(), "site.listen", listen).ok() ||
      !service::setSetting(*site.value(), *admin.value(), "device.role", role).ok() ||
      !service::addPeer(
           *site.value(), *admin.value(),
           {peer.site().info().deviceId, peer.site().signPublicKey(), peer.server->url(), peerRole, 0, {}})
           .ok())
    return "";
  return made->recoveryCode;
}

core::PatientDetails patient(int i) {
  return {
      "Bench", "Patient" + std::to_string(i), {1950 + i % 50, 1, 1}, core::Sex::kUnknown, std::nullopt, false,
      ""};
}

// A desk calls its own walk-ins; the board device's real loop runs on this thread (SDL stays on one).
bool benchCallToBoard(const std::filesystem::path& dir, Report& report) {
  service::SystemClock clock;
  Device desk;
  if (!openDevice(desk, dir / "desk", clock)) return false;
  if (makeScreenDevice(dir / "board", clock, desk, "board", "desk").empty()) return false;
  auto board = app::BoardApp::open(dir / "board", app::DisplayOptions{1280, 800, true, false, "", 0}, clock,
                                   /*sound=*/false, /*replicate=*/true);
  if (!board.ok()) {
    std::fprintf(stderr, "longstop-bench: the board did not open: %s\n", board.error().message.c_str());
    return false;
  }
  app::BoardApp& b = *board.value();
  std::atomic<bool> stop{false};
  std::vector<double> latencies;
  int missed = 0;
  bool failed = false;
  std::thread reception([&] {
    std::mt19937 rng(42);
    // One call to warm up, not counted: the board's server starts and its puller reaches the desk.
    for (int i = -1; i < kRounds && !failed; ++i) {
      auto c = desk.kiosk->checkInWalkIn({patient(i + 1), "walkin"}, false);
      if (!c.ok()) {
        failed = true;
        break;
      }
      // Calls come at any moment relative to the board's poll.
      std::this_thread::sleep_for(std::chrono::milliseconds(
          std::uniform_int_distribution<int>(0, static_cast<int>(app::kBoardPollMs))(rng)));
      const int64_t before = b.drawnCallSeq();
      const double committed = nowMs();
      if (!service::siteAction(desk.site(), *desk.admin, c->recordId, core::CheckinAction::kCall, "Room 2")
               .ok()) {
        failed = true;
        break;
      }
      desk.replicator->wake();
      const double limit = i < 0 ? 60'000 : kMissedAfterMs;
      while (b.drawnCallSeq() <= before && nowMs() - committed < limit)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (i < 0)
        failed = b.drawnCallSeq() <= before;
      else if (b.drawnCallSeq() > before)
        latencies.push_back(nowMs() - committed);
      else
        ++missed;
    }
    stop = true;
  });
  b.run(&stop);
  reception.join();
  if (failed || latencies.empty()) return false;
  report.add("site_call_to_board_ms_p50", percentile(latencies, 50));
  report.add("site_call_to_board_ms_p99", percentile(latencies, 99));
  report.add("site_calls_missed", static_cast<double>(missed));
  return true;
}

// Steps the desk as KioskApp::run does (sleeps until its next tick, draws when the tick asks) until
// `done` holds after a frame or `ms` pass; true when it held.
template <class Done>
bool stepDesk(app::KioskApp& desk, double ms, Done done) {
  const double until = nowMs() + ms;
  while (nowMs() < until) {
    const double left = until - nowMs();
    const auto sleep = std::min<double>({static_cast<double>(desk.msUntilNextTick()), 1000.0, left});
    if (sleep > 0) std::this_thread::sleep_for(std::chrono::microseconds(static_cast<int64_t>(sleep * 1000)));
    if (desk.tick()) {
      desk.frame();
      if (done()) return true;
    }
  }
  return false;
}

bool benchAlertToDesk(const std::filesystem::path& dir, Report& report) {
  service::SystemClock clock;
  Device kiosk;
  if (!openDevice(kiosk, dir / "kiosk", clock)) return false;
  const std::string code = makeScreenDevice(dir / "desk", clock, kiosk, "desk", "kiosk");
  if (code.empty()) return false;
  auto card = service::addDemoCard(dir / "desk", clock, code);
  if (!card.ok()) return false;
  app::AppOptions o;
  o.dataDir = dir / "desk";
  o.display = {1280, 800, true, false, "", 0};
  o.desk = true;
  auto opened = app::KioskApp::open(o, clock);
  if (!opened.ok()) return false;
  app::KioskApp& desk = *opened.value();
  desk.frame();
  desk.onScan(card->cardText);
  desk.onText(card->pin);
  desk.onKey(ui::Key::kEnter);
  desk.frame();
  if (!desk.staff().signedIn()) {
    std::fprintf(stderr, "longstop-bench: the desk did not sign in\n");
    return false;
  }
  const std::string kioskId = kiosk.site().info().deviceId;
  std::mt19937 rng(7);
  std::vector<double> latencies;
  int missed = 0;
  for (int i = -1; i < kRounds; ++i) {
    // The patient answers at any moment relative to the desk's tick.
    (void)stepDesk(desk, std::uniform_int_distribution<int>(0, 250)(rng), [] { return false; });
    const double committed = nowMs();
    auto c = kiosk.kiosk->checkInWalkIn({patient(i + 1), "walkin"}, /*urgent=*/true);
    if (!c.ok()) return false;
    kiosk.replicator->wake();
    const std::string banner = "URGENT: " + c->ticketNumber + " (details on " + kioskId + ")";
    const bool shown =
        stepDesk(desk, i < 0 ? 60'000 : kMissedAfterMs, [&] { return desk.widgets().showsText(banner); });
    if (i < 0 && !shown) return false;  // the warm-up: the desk's server starts, its puller connects
    if (i >= 0) shown ? latencies.push_back(nowMs() - committed) : void(++missed);
    // Reception acknowledges it on the kiosk (not measured), so the next banner has the room.
    if (!service::acknowledgeAlert(kiosk.site(), *kiosk.admin, c->recordId).ok()) return false;
    kiosk.replicator->wake();
    (void)stepDesk(desk, kMissedAfterMs, [&] { return !desk.widgets().showsText(banner); });
  }
  if (latencies.empty()) return false;
  report.add("site_alert_to_desk_ms_p50", percentile(latencies, 50));
  report.add("site_alert_to_desk_ms_p99", percentile(latencies, 99));
  report.add("site_alerts_missed", static_cast<double>(missed));
  return true;
}

}  // namespace

bool benchSiteScreens(const std::filesystem::path& dir, Report& report) {
  setenv("SDL_VIDEODRIVER", "offscreen", 1);
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  if (!benchCallToBoard(dir / "call", report)) {
    std::fprintf(stderr, "longstop-bench: the call-to-board benchmark failed\n");
    return false;
  }
  if (!benchAlertToDesk(dir / "alert", report)) {
    std::fprintf(stderr, "longstop-bench: the alert-to-desk benchmark failed\n");
    return false;
  }
  return true;
}

}  // namespace longstop::bench
