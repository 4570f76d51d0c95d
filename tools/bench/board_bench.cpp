#include "board_bench.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include "app/board_app.h"
#include "service/kiosk.h"
#include "service/staff_desk.h"
#include "service/system_clock.h"

namespace longstop::bench {
namespace {
constexpr int kCalls = 20;
constexpr double kMissedAfterMs = 5000;  // five times the board's 1 s promise

double nowMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

bool benchBoard(const std::filesystem::path& dir, Report& report) {
  setenv("SDL_VIDEODRIVER", "offscreen", 1);
  service::SystemClock clock;
  auto code = service::createDemoSite(dir, clock);
  if (!code.ok()) return false;
  auto card = service::addDemoCard(dir, clock, code.value());
  auto kiosk = service::openKiosk(dir, clock);
  if (!card.ok() || !kiosk.ok()) return false;
  service::StaffDesk desk(*kiosk.value(), {});
  if (!desk.signIn(card->cardText, card->pin).ok()) return false;
  auto board =
      app::BoardApp::open(dir, app::DisplayOptions{1280, 800, true, false, "", 0}, clock, /*sound=*/false);
  if (!board.ok()) {
    std::fprintf(stderr, "longstop-bench: the board did not open: %s\n", board.error().message.c_str());
    return false;
  }
  app::BoardApp& b = *board.value();

  // The reception desk on its own thread; the board's real loop on this one (SDL stays on one thread).
  std::atomic<bool> stop{false};
  std::vector<double> latencies;
  int missed = 0;
  bool failed = false;
  std::thread reception([&] {
    std::mt19937 rng(42);
    for (int i = 0; i < kCalls && !failed; ++i) {
      core::PatientDetails p{"Bench", "Patient", {1980, 1, 1}, core::Sex::kUnknown, std::nullopt, false, ""};
      if (!kiosk.value()->checkInWalkIn({p, "walkin"}, false).ok()) {
        failed = true;
        break;
      }
      // Calls come at any moment relative to the board's poll.
      std::this_thread::sleep_for(std::chrono::milliseconds(
          std::uniform_int_distribution<int>(0, static_cast<int>(app::kBoardPollMs))(rng)));
      const int64_t before = b.drawnCallSeq();
      const double committed = nowMs();
      auto called = desk.callNext("walkin", std::nullopt);
      if (!called.ok() || !called.value()) {
        failed = true;
        break;
      }
      // Seen within 1 ms of the board drawing it: this thread looks every millisecond.
      while (b.drawnCallSeq() <= before && nowMs() - committed < kMissedAfterMs)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (b.drawnCallSeq() > before)
        latencies.push_back(nowMs() - committed);
      else
        ++missed;
    }
    stop = true;
  });
  b.run(&stop);
  reception.join();
  desk.signOut("sign-out");
  if (failed || latencies.empty()) return false;
  report.add("board_call_latency_ms_p50", percentile(latencies, 50));
  report.add("board_call_latency_ms_p99", percentile(latencies, 99));
  report.add("board_calls_missed", static_cast<double>(missed));
  report.add("board_poll_interval_ms", static_cast<double>(app::kBoardPollMs));
  return true;
}

}  // namespace longstop::bench
