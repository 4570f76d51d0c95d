// The kiosk's scan input through the same frame interface as the camera, fed from image files: codes
// arrive only while the camera is wanted, wake the loop, and a code held up is delivered once.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "app/scan_input.h"
#include "exporter/qr_image.h"
#include "support/temp_dir.h"

using namespace longstop;

namespace {

std::optional<std::string> waitForCode(app::ScanInput& in, int ms) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < until) {
    if (auto t = in.poll()) return t;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("codes from camera frames arrive only while the camera is wanted, once per hold") {
  test::TempDir dir;
  const std::string text = "LST1:K7QX-000123:9C3B455C";
  auto img = exporter::renderQr(text, 6);
  REQUIRE(img.ok());
  REQUIRE(exporter::writePng(img.value(), dir / "frame.png").ok());

  std::atomic<int> wakes{0};
  app::ScanInputConfig cfg;
  cfg.cameraFiles = dir.path();
  app::ScanInput input(
      cfg, [&] { ++wakes; }, [](const scan::DeviceEvent&) {});

  CHECK_FALSE(waitForCode(input, 400).has_value());  // camera off: nothing is read
  CHECK(wakes == 0);

  input.setCameraWanted(true);
  auto code = waitForCode(input, 5000);
  REQUIRE(code.has_value());
  CHECK(*code == text);
  CHECK(wakes >= 1);
  // The same code in every frame is delivered once, not at the frame rate.
  CHECK_FALSE(waitForCode(input, 1000).has_value());

  input.setCameraWanted(false);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  while (input.poll()) {
  }
  CHECK_FALSE(waitForCode(input, 400).has_value());
}
