// The preview picture: the block-average downscale and the one-frame slot between the scan thread and
// the UI thread (newest only, nothing stale after clear()).
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "scan/preview.h"

using namespace longstop;

namespace {

scan::GrayFrame frameOf(int w, int h, int stride, uint8_t (*pixel)(int x, int y)) {
  scan::GrayFrame f;
  f.width = w;
  f.height = h;
  f.stride = stride;
  f.pixels.assign(static_cast<size_t>(stride) * h, 0xEE);  // padding that must never be read
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) f.pixels[static_cast<size_t>(y) * stride + x] = pixel(x, y);
  return f;
}

}  // namespace

TEST_CASE("a camera frame is downscaled to the preview width with the same aspect ratio") {
  auto f = frameOf(1280, 720, 1280, [](int x, int) { return static_cast<uint8_t>(x % 256); });
  f.sequence = 42;
  auto p = scan::downscaleForPreview(f, 480);
  CHECK(p.width == 480);
  CHECK(p.height == 270);
  CHECK(p.stride == 480);
  CHECK(p.pixels.size() == 480u * 270u);
  CHECK(p.sequence == 42);
}

TEST_CASE("each preview pixel is the mean of its block, and row padding is never read") {
  // Left half black, right half white, 8x4 with padding to a stride of 12: a 2x2 block average.
  auto f = frameOf(8, 4, 12, [](int x, int) { return static_cast<uint8_t>(x < 4 ? 0 : 200); });
  auto p = scan::downscaleForPreview(f, 4);
  REQUIRE(p.width == 4);
  REQUIRE(p.height == 2);
  for (int y = 0; y < 2; ++y) {
    CHECK(p.at(0, y) == 0);
    CHECK(p.at(1, y) == 0);
    CHECK(p.at(2, y) == 200);
    CHECK(p.at(3, y) == 200);
  }
  // A block straddling the edge averages both sides.
  auto odd = scan::downscaleForPreview(
      frameOf(6, 2, 6, [](int x, int) { return static_cast<uint8_t>(x < 3 ? 0 : 90); }), 2);
  REQUIRE(odd.width == 2);
  CHECK(odd.at(0, 0) == 0);
  CHECK(odd.at(1, 0) == 90);
  auto straddle = scan::downscaleForPreview(
      frameOf(4, 4, 4, [](int x, int) { return static_cast<uint8_t>(x < 1 ? 0 : 90); }), 2);
  CHECK(straddle.at(0, 0) == 45);
  CHECK(straddle.at(1, 0) == 90);
}

TEST_CASE("a frame already small enough is copied tightly packed; an empty one stays empty") {
  auto f = frameOf(5, 3, 8, [](int x, int y) { return static_cast<uint8_t>(10 * y + x); });
  auto p = scan::downscaleForPreview(f, 480);
  REQUIRE(p.width == 5);
  REQUIRE(p.height == 3);
  CHECK(p.stride == 5);
  CHECK(p.at(4, 2) == 24);
  CHECK(scan::downscaleForPreview(scan::GrayFrame(), 480).empty());
  // A very wide, flat frame still gives at least one row.
  CHECK(scan::downscaleForPreview(frameOf(2000, 1, 2000, [](int, int) { return uint8_t{7}; }), 100).height ==
        1);
}

TEST_CASE("the preview slot keeps only the newest frame and hands it over once") {
  scan::PreviewSlot slot;
  CHECK_FALSE(slot.take().has_value());
  for (uint64_t i = 1; i <= 5; ++i) {
    scan::GrayFrame f;
    f.resize(4, 4);
    f.sequence = i;
    CHECK(slot.put(std::move(f), slot.epoch()));
  }
  CHECK(slot.waiting());
  auto got = slot.take();
  REQUIRE(got.has_value());
  CHECK(got->sequence == 5);
  CHECK_FALSE(slot.waiting());
  CHECK_FALSE(slot.take().has_value());
}

TEST_CASE("after clear() nothing made before it can show") {
  scan::PreviewSlot slot;
  const uint64_t before = slot.epoch();
  scan::GrayFrame waiting;
  waiting.resize(2, 2);
  REQUIRE(slot.put(std::move(waiting), before));
  slot.clear();
  CHECK_FALSE(slot.waiting());
  // A frame the producer was making when the screen closed arrives late: refused.
  scan::GrayFrame late;
  late.resize(2, 2);
  CHECK_FALSE(slot.put(std::move(late), before));
  CHECK_FALSE(slot.take().has_value());
  // Frames made after the clear are taken as usual.
  scan::GrayFrame fresh;
  fresh.resize(2, 2);
  CHECK(slot.put(std::move(fresh), slot.epoch()));
  CHECK(slot.take().has_value());
}

TEST_CASE("the preview slot hands frames between threads without losing order") {
  scan::PreviewSlot slot;
  std::atomic<bool> done{false};
  std::thread producer([&] {
    for (uint64_t i = 1; i <= 2000; ++i) {
      scan::GrayFrame f;
      f.resize(8, 8);
      f.sequence = i;
      (void)slot.put(std::move(f), slot.epoch());
    }
    done = true;
  });
  uint64_t last = 0;
  bool ordered = true;
  while (!done || slot.waiting()) {
    if (auto f = slot.take()) {
      ordered = ordered && f->sequence > last;
      last = f->sequence;
    }
  }
  producer.join();
  CHECK(ordered);
  CHECK(last == 2000);
}
