#include "app/scan_input.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "scan/camera_source.h"
#include "scan/image_file.h"

namespace longstop::app {
namespace {

int64_t steadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::unique_ptr<scan::FrameSource> makeCamera(const ScanInputConfig& c, const scan::DeviceReporter& report) {
  if (!c.cameraFiles.empty()) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(c.cameraFiles, ec))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return std::make_unique<scan::ImageFileSource>(std::move(files), /*loop=*/true,
                                                   /*framesPerSecond=*/15);
  }
  if (c.cameraDevice.empty() || c.cameraDevice == "none") return nullptr;
  scan::CameraConfig cfg{c.cameraDevice, c.cameraWidth, c.cameraHeight, true};
  return std::make_unique<scan::CameraSource>(cfg, scan::makeV4l2Capture(), report, steadyMs);
}

}  // namespace

ScanInput::ScanInput(ScanInputConfig config, std::function<void()> wake, scan::DeviceReporter report)
    : wake_(std::move(wake)), camera_(makeCamera(config, [this, report](const scan::DeviceEvent& e) {
        cameraMissing_ = !e.available;
        report(e);
      })) {
  if (!config.scannerDevice.empty() && config.scannerDevice != "none")
    scanner_ = std::make_unique<scan::HidScanner>(config.scannerDevice, report);
  thread_ = std::thread([this] { run(); });
}

ScanInput::~ScanInput() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

std::optional<std::string> ScanInput::poll() {
  std::lock_guard lock(mutex_);
  if (codes_.empty()) return std::nullopt;
  std::string text = std::move(codes_.front());
  codes_.pop_front();
  return text;
}

void ScanInput::setPreviewWanted(bool wanted) {
  // Cleared on the way out (not only on the way in), so the last patient's picture is gone at once.
  if (previewWanted_.exchange(wanted) && !wanted) preview_.clear();
}

// On the scan thread: the preview is a small copy (about 130 kB), made a few times a second at most,
// so the UI thread never touches a full frame and never draws faster than it needs to.
void ScanInput::offerPreview(const scan::GrayFrame& frame, uint64_t epoch) {
  const int64_t now = steadyMs();
  if (now - lastPreviewMs_ < kPreviewIntervalMs) return;
  lastPreviewMs_ = now;
  if (preview_.put(scan::downscaleForPreview(frame, kPreviewWidth), epoch)) wake_();
}

void ScanInput::push(std::string text) {
  {
    std::lock_guard lock(mutex_);
    if (codes_.size() >= 8) codes_.pop_front();  // nobody is taking them: keep the newest few
    codes_.push_back(std::move(text));
  }
  wake_();
}

// Pulls camera frames only while wanted (the camera light is off otherwise) and hands each to the
// decode worker, which keeps only the newest, and to the preview; checks the scanner about 20 times a
// second.
void ScanInput::run() {
  bool cameraOn = false;
  scan::GrayFrame frame;
  while (!stopping_) {
    // The epoch first: a preview cleared after this read is refused by put() (see PreviewSlot).
    const uint64_t epoch = preview_.epoch();
    const bool preview = previewWanted_;
    const bool wanted = (cameraWanted_ || preview) && camera_;
    if (wanted != cameraOn) {
      if (wanted)
        cameraOn = camera_->start().ok();
      else {
        camera_->stop();
        cameraOn = false;
      }
    }
    bool gotFrame = false;
    if (cameraOn && camera_->next(frame, 50)) {
      if (preview) offerPreview(frame, epoch);
      worker_.submit(std::move(frame));
      frame = scan::GrayFrame();
      gotFrame = true;
    }
    if (auto code = worker_.poll(); code && cameraOn) {
      const int64_t now = steadyMs();
      if (code->text != lastText_ || now - lastMs_ > 3000) push(code->text);
      lastText_ = code->text;
      lastMs_ = now;
    }
    if (scanner_)
      while (auto s = scanner_->poll()) push(*s);
    if (!gotFrame) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (cameraOn) camera_->stop();
}

}  // namespace longstop::app
