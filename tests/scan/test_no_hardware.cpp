// A kiosk built without the camera or USB-scanner features (meson -Dcamera=disabled
// -Dhid_scanner=disabled) still starts, and says in words why a configured device cannot be used:
// these are the fallback files such a build compiles instead of V4L2, libturbojpeg and libevdev.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "scan/camera_source.h"
#include "scan/hid_scanner.h"
#include "scan/pixel_convert.h"

using namespace longstop::scan;

TEST_CASE("Without camera support a configured camera is reported once, in words, and gives no frames") {
  std::vector<DeviceEvent> events;
  int64_t now = 0;
  CameraSource cam(
      CameraConfig{}, makeV4l2Capture(), [&](const DeviceEvent& e) { events.push_back(e); },
      [&] { return now; });
  REQUIRE(cam.start().ok());
  GrayFrame frame;
  for (int i = 0; i < 5; ++i) {
    CHECK_FALSE(cam.next(frame, 0));
    now += 10'000;  // past every retry interval: it tries again, and still says nothing new
  }
  REQUIRE(events.size() == 1);
  CHECK_FALSE(events[0].available);
  CHECK(events[0].device == "/dev/video0");
  CHECK(events[0].message.find("built without camera support") != std::string::npos);
}

TEST_CASE("Without camera support an MJPEG frame is refused in words and a YUYV one still converts") {
  PixelConverter c;
  const uint8_t jpegStart[] = {0xFF, 0xD8, 0xFF, 0xE0};
  GrayFrame out;
  const auto refused = c.toGray(RawFrame{kFourccMjpeg, 2, 2, 0, jpegStart, sizeof jpegStart}, out);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("without camera support") != std::string::npos);

  const uint8_t yuyv[] = {10, 128, 20, 128, 30, 128, 40, 128};  // 2x2: Y0 U Y1 V per pair of pixels
  REQUIRE(c.toGray(RawFrame{kFourccYuyv, 2, 2, 4, yuyv, sizeof yuyv}, out).ok());
  CHECK(out.pixels[0] == 10);
  CHECK(out.pixels[static_cast<size_t>(out.stride) + 1] == 40);
}

TEST_CASE("Without scanner support a configured USB scanner is reported once and never yields a scan") {
  std::vector<DeviceEvent> events;
  {
    HidScanner scanner("/dev/input/by-id/usb-scanner-event-kbd",
                       [&](const DeviceEvent& e) { events.push_back(e); });
    CHECK_FALSE(scanner.poll().has_value());
  }
  REQUIRE(events.size() == 1);
  CHECK_FALSE(events[0].available);
  CHECK(events[0].message.find("/dev/input/by-id/usb-scanner-event-kbd") != std::string::npos);
  CHECK(events[0].message.find("built without USB barcode-scanner support") != std::string::npos);
}
