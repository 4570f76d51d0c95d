// The export screen's state: what the kiosk holds that is not yet in a batch, the batch made, the work
// under way (making and copying run off the UI thread; the screen polls their progress), and the QR
// stream's place in its cycle.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "service/staff_services.h"
#include "ui/qr_code.h"

namespace longstop::ui::staff {

/// How long each QR frame stays on screen: time enough for a webcam to focus and read it.
inline constexpr int64_t kQrFrameMs = 1000;
/// How many times round a stream keeps the staff session awake (a batch of a busy week is longer than
/// the idle sign-out); after that an unattended stream ends with the session.
inline constexpr int kQrRoundsHeld = 3;
/// How often the export screen looks again for a USB stick.
inline constexpr int64_t kMediaPollMs = 2000;
/// How often the bar is brought up to date while work runs (the bar moves at 10 frames a second).
inline constexpr int64_t kWorkPollMs = 100;

struct ExportState {
  // kEarlier: work started in an earlier session, still finishing (its result is not this session's).
  enum class Work { kNone, kMake, kCopy, kEarlier };

  std::optional<service::ExportStatus> status;
  std::optional<service::MadeBatch> made;    // made during this visit
  std::vector<std::filesystem::path> media;  // USB sticks plugged in now
  int64_t mediaCheckedMs = 0;

  Work working = Work::kNone;  // started, and its result not yet taken
  std::string task;            // "Copying batch 3 to the USB stick"
  std::string stage;           // the service's last word: "Writing", "Checking"
  int64_t done = 0, total = 0;
  bool finished = false;      // the task ran to the end (the bar is full)
  bool safeToRemove = false;  // set only after a copy's result came back without an error

  std::vector<std::string> frames;  // the QR stream of `streamSeq`, while it shows
  int64_t streamSeq = 0;
  size_t frame = 0;
  int64_t frameShownMs = 0;
  int rounds = 0;              // times the whole stream has been shown
  std::optional<QrMatrix> qr;  // frames[qrFrame], encoded once per frame change
  size_t qrFrame = 0;
};

}  // namespace longstop::ui::staff
