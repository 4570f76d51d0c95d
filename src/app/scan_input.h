// Codes arriving from the hardware: the camera (V4L2, or image files through the same frame interface)
// decoded on a worker, and a USB barcode scanner (evdev, grabbed). A background thread collects them and
// calls `wake` so the event-driven loop draws; the UI thread takes them with poll(). The camera is on
// only while setCameraWanted(true).
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

namespace longstop::app {

struct ScanInputConfig {
  std::string cameraDevice = "none";   // a V4L2 node, or "none"
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
  /// The oldest code read and not yet taken. Never waits.
  std::optional<std::string> poll();

 private:
  void run();
  void push(std::string text);

  std::function<void()> wake_;
  std::unique_ptr<scan::FrameSource> camera_;  // used on the thread only
  std::unique_ptr<scan::HidScanner> scanner_;
  scan::DecodeWorker worker_;
  std::atomic<bool> cameraWanted_{false};
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::deque<std::string> codes_;  // guarded by mutex_
  std::string lastText_;           // thread only: a code held up to the camera is pushed once
  int64_t lastMs_ = 0;
  std::thread thread_;             // last: starts after everything above exists
};

}  // namespace longstop::app
