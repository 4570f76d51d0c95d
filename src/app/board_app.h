// `longstop --board`: the waiting room's calling board. Reads the kiosk's database read-only through
// BoardFeed (no names can reach it), polls for changes every 250 ms, and on each new call chimes and,
// where espeak-ng is installed, announces it. Works with no sound device.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/audio_output.h"
#include "app/audio_queue.h"
#include "app/display.h"
#include "app/script.h"
#include "app/urgent_alarm.h"
#include "core/clock.h"
#include "core/result.h"
#include "service/board_feed.h"
#include "ui/board/board_screen.h"
#include "ui/widgets.h"

namespace longstop::app {

/// How often the board looks for a new call: well inside the 1 s promise.
inline constexpr int64_t kBoardPollMs = 250;

class BoardApp {
 public:
  /// The clock is borrowed. `sound`: false keeps the board silent (no device opened).
  static core::Result<std::unique_ptr<BoardApp>> open(const std::filesystem::path& dataDir,
                                                      const DisplayOptions& d, const core::Clock& clock,
                                                      bool sound = true);

  /// Reads the feed when it changed; queues announcements for new calls. True when the view changed.
  bool poll();
  void frame(Image* capture = nullptr);
  core::Status screenshot(const std::filesystem::path& png);
  /// Polls, draws on change and plays announcements until asked to stop (KioskApp::requestStop, or
  /// `stop` when given: the benchmark runs the real loop and ends it without the process-wide flag).
  void run(const std::atomic<bool>* stop = nullptr);
  /// The event sequence of the newest call drawn on the screen by run(); readable from any thread.
  int64_t drawnCallSeq() const { return drawnCallSeq_.load(); }
  /// wait / expect / expect-not / screenshot only; empty on success, else `<name>:<line>: ... reason`.
  std::string runScript(const std::vector<ScriptCommand>& commands, const std::string& name,
                        core::ManualClock& clock);

  const ui::WidgetLog& widgets() const { return widgets_; }
  /// How many times the urgent alarm has sounded (counted with no sound device too).
  int64_t urgentAlarms() const { return urgentAlarms_; }

 private:
  BoardApp() = default;
  void playNext();
  /// Reads the feed into the view and queues announcements for new calls; false when it could not.
  bool read(const core::Instant& now);

  const core::Clock* clock_ = nullptr;
  std::unique_ptr<service::BoardFeed> feed_;
  std::unique_ptr<Display> display_;
  std::unique_ptr<AudioOutput> audio_;  // null: no sound
  AnnouncementQueue announcements_;
  ui::board::BoardView view_;
  int64_t newestSeq_ = -1;  // -1: not read yet (calls already on the board at start are not announced)
  int64_t newestAtMs_ = 0;
  ui::WidgetLog widgets_;
  UrgentAlarm alarm_;
  bool alarmDue_ = false;  // the urgent alarm is to be played
  int64_t urgentAlarms_ = 0;
  std::atomic<int64_t> drawnCallSeq_{0};
};

}  // namespace longstop::app
