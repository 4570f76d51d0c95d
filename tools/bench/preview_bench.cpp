#include "preview_bench.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "app/kiosk_app.h"
#include "app/script.h"
#include "app/script_runner.h"
#include "scan/image_file.h"
#include "scan/synthetic_scene.h"
#include "service/kiosk.h"

namespace longstop::bench {
namespace {

bool writeCameraFrames(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const auto qr = scan::synthetic::encodeQr("LSA1:Y01234:D002:5F3A9C21");
  for (int i = 0; i < 2; ++i) {
    scan::synthetic::Random rng(11 + i);
    scan::GrayFrame f = scan::synthetic::blankFrame();
    scan::synthetic::fillBusy(f, rng);
    scan::synthetic::drawQr(f, qr, scan::synthetic::place(640 + 10 * i, 360, 300, 5));
    if (!scan::writeGrayPng(dir / ("frame-" + std::to_string(i) + ".png"), f)) return false;
  }
  return true;
}

double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

}  // namespace

bool benchScanPreview(const std::filesystem::path& dir, Report& report) {
  setenv("SDL_VIDEODRIVER", "offscreen", 1);
  core::ManualClock clock{{1764403200000, 0}};
  if (!writeCameraFrames(dir / "camera") || !service::createDemoSite(dir / "site", clock).ok()) return false;
  app::AppOptions o;
  o.dataDir = dir / "site";
  o.display = {1280, 800, true, false, "", 0};
  o.cameraFiles = dir / "camera";
  auto kiosk = app::KioskApp::open(o, clock);
  if (!kiosk.ok()) return false;
  app::KioskApp& a = *kiosk.value();
  auto script = app::parseScript("tap \"Check in\"\ntap \"I have a code to scan\"\nexpect-picture\n");
  app::ScriptRunner runner(a, clock);
  if (script.error || !runner.run(script.commands, "preview-bench").empty()) return false;
  // As the loop does: one frame per new picture. Waiting a preview interval between frames means each
  // measured frame uploads a new picture (the files stand in for a camera as fast as they decode).
  std::vector<double> ms;
  int withPicture = 0;
  for (int i = 0; i < 60; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(app::ScanInput::kPreviewIntervalMs + 5));
    const double start = threadCpuMs();
    a.frame();
    ms.push_back(threadCpuMs() - start);
    if (a.flow().cameraPictureDrawn().width() > 0) ++withPicture;
  }
  report.add("ui_scan_preview_frame_ms_p50", percentile(ms, 50));
  report.add("ui_scan_preview_frame_ms_p99", percentile(ms, 99));
  report.add("ui_scan_preview_frames", withPicture);
  return true;
}

}  // namespace longstop::bench
