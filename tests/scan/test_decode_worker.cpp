#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "scan/decode_worker.h"

using namespace longstop::scan;
using namespace std::chrono_literals;

TEST_CASE("decode worker: frames arriving faster than decoding are dropped, the newest is decoded") {
  std::atomic<int> inDecoder{0}, maxInDecoder{0};
  DecodeWorker worker([&](const GrayFrame& f) -> std::optional<DecodedCode> {
    maxInDecoder = std::max(maxInDecoder.load(), ++inDecoder);
    std::this_thread::sleep_for(200ms);  // a slow decode
    --inDecoder;
    return DecodedCode{"frame " + std::to_string(f.sequence), "QRCode"};
  });
  auto slowestSubmit = 0ms;
  for (uint64_t i = 1; i <= 30; ++i) {
    GrayFrame f;
    f.resize(4, 4);
    f.sequence = i;
    const auto t = std::chrono::steady_clock::now();
    worker.submit(std::move(f));  // never waits for the decoder
    slowestSubmit =
        std::max(slowestSubmit,
                 std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t));
    std::this_thread::sleep_for(2ms);
  }
  CHECK(slowestSubmit < 100ms);  // a decode takes 200 ms: a submit that waited for one would show
  worker.TEST_waitIdle();
  const auto c = worker.counts();
  CHECK(c.submitted == 30);
  CHECK(c.decoded + c.dropped == 30);
  CHECK(c.decoded <= 3);  // the first, perhaps one in between, and the last: never a queue
  CHECK(c.dropped >= 27);
  CHECK(c.lastDecodedSequence == 30);  // the last frame is never dropped
  CHECK(maxInDecoder == 1);
  auto r = worker.poll();
  REQUIRE(r);
  CHECK(r->text == "frame 30");
  CHECK_FALSE(worker.poll());
}

TEST_CASE("decode worker: nothing found gives nothing; destruction during a decode is clean") {
  auto worker = std::make_unique<DecodeWorker>([](const GrayFrame&) -> std::optional<DecodedCode> {
    std::this_thread::sleep_for(20ms);
    return std::nullopt;
  });
  GrayFrame f;
  f.resize(4, 4);
  worker->submit(f);
  worker->submit(f);
  worker.reset();     // joins after the decode in progress
  DecodeWorker real;  // the tuned ZXing decoder on a blank frame
  f.resize(64, 64);
  std::fill(f.pixels.begin(), f.pixels.end(), 200);
  real.submit(f);
  real.TEST_waitIdle();
  CHECK_FALSE(real.poll());
}
