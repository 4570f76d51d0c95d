// The test-only gate that makes export work step on a script's clock: the worker stays parked until
// the script's time reaches the pace, whatever the wall clock does.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "service/work_gate.h"

using longstop::service::WorkGate;

namespace {
void waitUntilParked(const WorkGate& gate) {
  while (!gate.parked()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}
}  // namespace

TEST_CASE("a parked worker goes on only once the script's time reaches the pace") {
  WorkGate gate(1500);
  std::atomic<int> steps = 0;
  std::thread worker([&] {
    for (int i = 0; i < 2; ++i) {
      gate.park();
      ++steps;
    }
  });
  waitUntilParked(gate);
  CHECK_FALSE(gate.advance(1000));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // real time passing does not release it
  CHECK(gate.parked());
  CHECK(steps == 0);
  // Released: parked() is false from here until the worker has taken its step and parked again (which
  // it may do before this thread looks, so the release is read from advance() itself).
  CHECK(gate.advance(500));
  waitUntilParked(gate);
  CHECK(steps == 1);
  gate.openForGood();
  worker.join();
  CHECK(steps == 2);
}

TEST_CASE("an open gate never parks") {
  WorkGate gate(1500);
  gate.openForGood();
  gate.park();
  CHECK_FALSE(gate.parked());
}
