// The camera path without a camera: a fake RawCapture hands CameraSource synthetic YUYV and MJPEG
// buffers (made from a generated QR frame), through the same conversion and FrameSource interface as the
// V4L2 device. The real device is tried by camera_device.cpp, which meson reports as skipped without one.
#include <catch2/catch.hpp>

#include <filesystem>
#include <vector>

#include <turbojpeg.h>

#include "scan/camera_source.h"
#include "scan/decoder.h"
#include "scan/synthetic_scene.h"

using namespace longstop;
using namespace longstop::scan;

namespace {

const std::string kText = "LST1:K7QX-000123:9C3B455C";

GrayFrame qrFrame() {
  synthetic::Random rng(7);
  GrayFrame f = synthetic::blankFrame();
  synthetic::fillPaper(f, rng, 190);
  synthetic::drawQr(f, synthetic::encodeQr(kText), synthetic::place(640, 360, 300, 12));
  return f;
}

std::vector<uint8_t> toYuyv(const GrayFrame& g, int padding) {
  const int stride = g.width * 2 + padding;
  std::vector<uint8_t> out(static_cast<size_t>(stride) * g.height, 0);
  for (int y = 0; y < g.height; ++y)
    for (int x = 0; x < g.width; ++x) {
      out[static_cast<size_t>(y) * stride + 2 * x] = g.at(x, y);
      out[static_cast<size_t>(y) * stride + 2 * x + 1] = (x % 2) ? 90 : 160;  // chroma, ignored
    }
  return out;
}

// A colour 4:2:2 JPEG, as UVC cameras send.
std::vector<uint8_t> toJpeg(const GrayFrame& g) {
  std::vector<uint8_t> rgb(static_cast<size_t>(g.width) * g.height * 3);
  for (size_t i = 0; i < static_cast<size_t>(g.width) * g.height; ++i)
    rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = g.pixels[i];
  tjhandle tj = tjInitCompress();
  unsigned char* jpeg = nullptr;
  unsigned long size = 0;
  REQUIRE(tjCompress2(tj, rgb.data(), g.width, 0, g.height, TJPF_RGB, &jpeg, &size, TJSAMP_422, 85, 0) == 0);
  std::vector<uint8_t> out(jpeg, jpeg + size);
  tjFree(jpeg);
  tjDestroy(tj);
  return out;
}

struct FakeCapture final : RawCapture {
  std::vector<uint8_t> bytes;
  uint32_t format = kFourccYuyv;
  int width = 1280, height = 720, bytesPerLine = 0;
  int failOpens = 0;          // this many open() calls fail first
  int unplugAfterReads = -1;  // read() fails after this many frames
  int opens = 0, closes = 0, reads = 0;
  bool isOpen = false;

  core::Status open(const CameraConfig& c) override {
    ++opens;
    if (failOpens > 0) {
      --failOpens;
      return core::notFound("The camera " + c.device + " is not connected.");
    }
    isOpen = true;
    return core::okStatus();
  }
  void close() override {
    ++closes;
    isOpen = false;
  }
  core::Result<int> read(RawFrame& out, int) override {
    if (unplugAfterReads >= 0 && reads >= unplugAfterReads)
      return core::notFound("The camera was unplugged.");
    ++reads;
    out = RawFrame{format, width, height, bytesPerLine, bytes.data(), bytes.size()};
    return 1;
  }
};

struct Harness {
  FakeCapture* fake = nullptr;
  std::vector<DeviceEvent> events;
  int64_t now = 0;
  std::unique_ptr<CameraSource> source;
  Harness() {
    auto f = std::make_unique<FakeCapture>();
    fake = f.get();
    source = std::make_unique<CameraSource>(
        CameraConfig{}, std::move(f), [this](const DeviceEvent& e) { events.push_back(e); },
        [this] { return now; });
  }
};

}  // namespace

TEST_CASE("camera source: YUYV frames (with row padding) become gray and decode") {
  Harness h;
  const GrayFrame g = qrFrame();
  h.fake->bytes = toYuyv(g, 64);
  h.fake->bytesPerLine = g.width * 2 + 64;
  REQUIRE(h.source->start().ok());
  GrayFrame out;
  REQUIRE(h.source->next(out, 10));
  CHECK(out.width == 1280);
  CHECK(out.height == 720);
  CHECK(out.pixels == g.pixels);
  auto code = Decoder().decode(out);
  REQUIRE(code);
  CHECK(code->text == kText);
}

TEST_CASE("camera source: MJPEG frames decode to luma; a torn JPEG is dropped, not fatal") {
  Harness h;
  const GrayFrame g = qrFrame();
  h.fake->format = kFourccMjpeg;
  h.fake->bytes = toJpeg(g);
  REQUIRE(h.source->start().ok());
  GrayFrame out;
  REQUIRE(h.source->next(out, 10));
  CHECK(out.width == 1280);
  long diff = 0;
  for (size_t i = 0; i < out.pixels.size(); ++i) diff += std::abs(int(out.pixels[i]) - int(g.pixels[i]));
  CHECK(diff / static_cast<long>(out.pixels.size()) < 6);  // JPEG is lossy, but close
  auto code = Decoder().decode(out);
  REQUIRE(code);
  CHECK(code->text == kText);

  h.fake->bytes.resize(200);  // torn: header only
  CHECK_FALSE(h.source->next(out, 10));
  h.fake->bytes = {0x00, 0x11, 0x22};
  CHECK_FALSE(h.source->next(out, 10));
}

TEST_CASE("pixel conversion refuses short YUYV buffers and unknown formats") {
  PixelConverter c;
  GrayFrame out;
  std::vector<uint8_t> tiny(10);
  CHECK_FALSE(c.toGray(RawFrame{kFourccYuyv, 1280, 720, 2560, tiny.data(), tiny.size()}, out).ok());
  CHECK_FALSE(c.toGray(RawFrame{fourcc('R', 'G', 'B', '3'), 4, 4, 12, tiny.data(), tiny.size()}, out).ok());
  CHECK_FALSE(c.toGray(RawFrame{kFourccMjpeg, 0, 0, 0, nullptr, 0}, out).ok());
}

TEST_CASE("camera source: a missing camera is reported once, retried later, and reported back") {
  Harness h;
  h.fake->bytes = toYuyv(qrFrame(), 0);
  h.fake->failOpens = 3;
  REQUIRE(h.source->start().ok());  // never fails: the kiosk goes on without a camera
  GrayFrame out;
  for (int i = 0; i < 10; ++i) CHECK_FALSE(h.source->next(out, 10));
  CHECK(h.fake->opens == 1);  // no retry before the interval
  REQUIRE(h.events.size() == 1);
  CHECK_FALSE(h.events[0].available);
  CHECK(h.events[0].message == "The camera /dev/video0 is not connected.");
  for (int i = 0; i < 3; ++i) {
    h.now += 2000;
    h.source->next(out, 10);
  }
  CHECK(h.fake->opens == 4);
  REQUIRE(h.events.size() == 2);  // the failures in between were not reported again
  CHECK(h.events[1].available);
  CHECK(h.source->next(out, 10));

  // Unplugged while streaming: closed, reported once, reopened when back.
  h.fake->unplugAfterReads = h.fake->reads;
  CHECK_FALSE(h.source->next(out, 10));
  CHECK(h.fake->closes == 1);
  REQUIRE(h.events.size() == 3);
  CHECK_FALSE(h.events[2].available);
  h.fake->unplugAfterReads = -1;
  CHECK_FALSE(h.source->next(out, 10));  // too soon to retry
  h.now += 2000;
  CHECK(h.source->next(out, 10));
  CHECK(h.events.size() == 4);

  h.source->stop();  // the camera is off when nobody needs it
  CHECK_FALSE(h.fake->isOpen);
  CHECK_FALSE(h.source->next(out, 10));
}
