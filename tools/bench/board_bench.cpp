#include "board_bench.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

#include "service/board_feed.h"
#include "service/kiosk.h"
#include "service/staff_desk.h"
#include "service/system_clock.h"

namespace longstop::bench {
namespace {
constexpr int kCalls = 20;
constexpr int64_t kPollMs = 250;  // the board's interval (app/board_app.h kBoardPollMs)

double nowMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

bool benchBoard(const std::filesystem::path& dir, Report& report) {
  service::SystemClock clock;
  auto code = service::createDemoSite(dir, clock);
  if (!code.ok()) return false;
  auto card = service::addDemoCard(dir, clock, code.value());
  auto kiosk = service::openKiosk(dir, clock);
  if (!card.ok() || !kiosk.ok()) return false;
  service::StaffDesk desk(*kiosk.value(), {});
  if (!desk.signIn(card->cardText, card->pin).ok()) return false;
  auto feed = service::BoardFeed::open(dir);
  if (!feed.ok()) return false;

  // The board: a thread polling at its real interval, noting when it first sees each call.
  std::atomic<bool> stop{false};
  std::mutex m;
  int64_t seenSeq = 0;
  double seenAt = 0;
  std::thread board([&] {
    while (!stop) {
      if (feed.value()->changed()) {
        auto s = feed.value()->read(clock.now().localDay());
        if (s.ok() && !s->recentCalls.empty()) {
          std::lock_guard<std::mutex> lock(m);
          if (s->recentCalls.front().eventSeq > seenSeq) {
            seenSeq = s->recentCalls.front().eventSeq;
            seenAt = nowMs();
          }
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(kPollMs));
    }
  });

  std::mt19937 rng(42);
  std::vector<double> latencies;
  for (int i = 0; i < kCalls; ++i) {
    core::PatientDetails p{"Bench", "Patient", {1980, 1, 1}, core::Sex::kUnknown, std::nullopt, false, ""};
    if (!kiosk.value()->checkInWalkIn({p, "walkin"}, false).ok()) break;
    // Calls come at any moment relative to the board's poll.
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, kPollMs)(rng)));
    int64_t before;
    {
      std::lock_guard<std::mutex> lock(m);
      before = seenSeq;
    }
    const double committed = nowMs();
    auto called = desk.callNext("walkin", std::nullopt);
    if (!called.ok() || !called.value()) break;
    for (int waited = 0; waited < 2000; waited += 5) {
      {
        std::lock_guard<std::mutex> lock(m);
        if (seenSeq > before) {
          latencies.push_back(std::max(0.0, seenAt - committed));
          break;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  stop = true;
  board.join();
  desk.signOut("sign-out");
  if (latencies.size() < kCalls / 2) return false;
  report.add("board_call_latency_ms_p50", percentile(latencies, 50));
  report.add("board_call_latency_ms_p99", percentile(latencies, 99));
  report.add("board_poll_interval_ms", static_cast<double>(kPollMs));
  return true;
}

}  // namespace longstop::bench
