// Codes arriving from the hardware: the camera (V4L2, or image files through the same frame interface)
// decoded on a worker, and a USB barcode scanner (evdev, grabbed). A background thread collects them and
// calls `wake` so the event-driven loop draws; the UI thread takes them with poll(). The camera is on
// only while setCameraWanted(true) or setPreviewWanted(true); with the preview wanted, a small copy of
// the newest frame is also handed over (takePreview) a few times a second.
#pragma once

#include <atomic>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "scan/decode_worker.h"
#include "scan/device_watch.h"
#include "scan/frame.h"
#include "scan/hid_scanner.h"
#include "scan/preview.h"

namespace longstop::app {

struct ScanInputConfig {
  std::string cameraDevice = "none";  // a V4L2 node, or "none"
  int cameraWidth = 1280;
  int cameraHeight = 720;
  std::filesystem::path cameraFiles;   // instead of a camera: PNG/JPEG files in this folder, looped
  std::string scannerDevice = "none";  // an evdev node, or "none"
};

class ScanInput {
 public:
  /// `wake` is called from the background thread when a code is waiting; `report` hears device
  /// changes (once per change). Both must be thread-safe.
  ScanInput(ScanInputConfig config, std::function<void()> wake, scan::DeviceReporter report);
  ~ScanInput();
  ScanInput(const ScanInput&) = delete;
  ScanInput& operator=(const ScanInput&) = delete;

  void setCameraWanted(bool wanted) { cameraWanted_ = wanted; }
  /// The scan screen shows: switch the camera on and hand over preview frames (at most
  /// kPreviewIntervalMs apart, kPreviewWidth pixels wide). false drops any frame not yet taken, and
  /// none made before the call is handed over afterwards.
  void setPreviewWanted(bool wanted);
  /// The oldest code read and not yet taken. Never waits.
  std::optional<std::string> poll();
  /// The newest preview frame not yet taken (older ones were dropped). Never waits.
  std::optional<scan::GrayFrame> takePreview() { return preview_.take(); }
  bool previewWaiting() const { return preview_.waiting(); }
  /// A camera (or the image files standing in for one) is configured and has not been reported
  /// missing since it last opened.
  bool cameraAvailable() const { return camera_ && !cameraMissing_; }
  /// A camera is configured and has been reported missing (unplugged, broken). A site with a hand
  /// scanner and no camera has none configured: that is not a fault to tell patients about.
  bool cameraFaulty() const { return camera_ && cameraMissing_; }
  /// A USB barcode scanner is configured (it can read a code on any screen).
  bool hasScanner() const { return scanner_ != nullptr; }

  static constexpr int kPreviewWidth = 480;
  static constexpr int64_t kPreviewIntervalMs = 80;  // 12.5 pictures a second

 private:
  void run();
  void push(std::string text);
  void offerPreview(const scan::GrayFrame& frame, uint64_t epoch);

  std::function<void()> wake_;
  std::unique_ptr<scan::FrameSource> camera_;  // used on the thread only
  std::unique_ptr<scan::HidScanner> scanner_;
  scan::DecodeWorker worker_;
  std::atomic<bool> cameraWanted_{false};
  std::atomic<bool> previewWanted_{false};
  std::atomic<bool> cameraMissing_{false};  // set by the camera's device reports
  scan::PreviewSlot preview_;
  int64_t lastPreviewMs_ = 0;  // thread only
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::deque<std::string> codes_;  // guarded by mutex_
  std::string lastText_;           // thread only: a code held up to the camera is pushed once
  int64_t lastMs_ = 0;
  std::thread thread_;  // last: starts after everything above exists
};

}  // namespace longstop::app
