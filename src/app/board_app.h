// `longstop --board`, and a device whose `device.role` is board: the waiting room's calling board. Reads
// its database read-only through BoardFeed (no names can reach it), polls for changes every 250 ms, and
// on each new call chimes and, where espeak-ng is installed, announces it. Works with no sound device.
// A board device of a site replicates by itself (app/site_replication.h) and so shows every device's
// calls; when it has heard no peer for kBoardStaleMs it says since when, in small print.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/audio_output.h"
#include "app/audio_queue.h"
#include "app/display.h"
#include "app/script.h"
#include "app/site_replication.h"
#include "app/urgent_alarm.h"
#include "core/clock.h"
#include "core/result.h"
#include "service/board_feed.h"
#include "ui/board/board_screen.h"
#include "ui/widgets.h"

namespace longstop::app {

/// How often the board looks for a new call: well inside the 1 s promise.
inline constexpr int64_t kBoardPollMs = 250;
/// A board that has not reached any peer's server for this long says "Not updated since HH:MM".
inline constexpr int64_t kBoardStaleMs = 60'000;

class BoardApp {
 public:
  /// The clock is borrowed. `sound`: false keeps the board silent (no device opened). `replicate`: the
  /// data directory is the board device's own, which takes part in its site (never for a board reading
  /// a kiosk's directory on the same machine: two replicators must not run on one directory).
  static core::Result<std::unique_ptr<BoardApp>> open(const std::filesystem::path& dataDir,
                                                      const DisplayOptions& d, const core::Clock& clock,
                                                      bool sound = true, bool replicate = false);

  /// Reads the feed when it changed; queues announcements for new calls. True when the view changed.
  bool poll();
  void frame(Image* capture = nullptr);
  core::Status screenshot(const std::filesystem::path& png);
  /// Polls, draws on change and plays announcements until asked to stop (KioskApp::requestStop, or
  /// `stop` when given: the benchmark runs the real loop and ends it without the process-wide flag).
  void run(const std::atomic<bool>* stop = nullptr);
  /// The event sequence of the newest call drawn on the screen by run(); readable from any thread.
  int64_t drawnCallSeq() const { return drawnCallSeq_.load(); }
  /// wait / await / expect / expect-not / screenshot only; empty on success, else `<name>:<line>: ...
  /// reason`.
  std::string runScript(const std::vector<ScriptCommand>& commands, const std::string& name,
                        core::ManualClock& clock);

  const ui::WidgetLog& widgets() const { return widgets_; }
  /// What the screen shows (the model drawBoard is given).
  const ui::board::BoardView& view() const { return view_; }
  /// How many calls have been queued for announcement (counted with no sound device too).
  int64_t announcedCalls() const { return announcedCalls_; }
  /// When (the board's clock, unix ms) a peer's server last answered; nullopt while not replicating.
  std::optional<int64_t> lastHeardMs() const { return lastHeardMs_; }
  const SiteReplication* siteReplication() const { return site_.get(); }
  /// How many times the urgent alarm has sounded (counted with no sound device too).
  int64_t urgentAlarms() const { return urgentAlarms_; }

 private:
  BoardApp() = default;
  void playNext();
  /// Reads the feed into the view and queues announcements for new calls; false when it could not.
  bool read(const core::Instant& now);
  /// Steps replication and notes whether a peer answers; true when the "not updated" line changed.
  bool followSite(const core::Instant& now);

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
  int64_t announcedCalls_ = 0;
  std::optional<int64_t> lastHeardMs_;
  std::string siteProblem_;                // the last replication problem written to the log
  std::unique_ptr<SiteReplication> site_;  // last: its threads stop before anything else goes
};

}  // namespace longstop::app
