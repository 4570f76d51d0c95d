// The kiosk as a program: the services opened on a data directory, the screens as a stack (the patient
// flow under the staff screens, the admin screen, first-boot setup and the fault: kiosk_app_screens.h),
// the display and the event-driven loop (kiosk_app_loop.cpp). Tests and longstop-bench drive it
// headless: open, frame(), screenshot().
#pragma once

#include <atomic>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "app/audio_output.h"
#include "app/display.h"
#include "app/kiosk_printer.h"
#include "app/pointer_input.h"
#include "app/preview_texture.h"
#include "app/scan_input.h"
#include "app/site_health.h"
#include "app/site_replication.h"
#include "app/speech_output.h"
#include "app/touch_gate.h"
#include "app/urgent_alarm.h"
#include "core/clock.h"
#include "core/result.h"
#include "service/admin_desk.h"
#include "service/kiosk.h"
#include "service/scan_actions.h"
#include "service/staff_desk.h"
#include "ui/admin/admin_screen.h"
#include "ui/input.h"
#include "ui/patient_flow.h"
#include "ui/setup/setup_wizard.h"
#include "ui/staff/corner_hold.h"
#include "ui/staff/staff_ui.h"
#include "ui/widgets.h"

union SDL_Event;

namespace longstop::app {

struct AppOptions {
  std::filesystem::path dataDir;  // holds a site, or is empty: then first-boot setup runs first
  DisplayOptions display;
  bool kioskMode = false;             // full screen on the appliance: closing the window does not quit
  bool refuseWrites = false;          // test only: the store refuses every write (as on a full disk)
  bool testLocked = false;            // test only: the site's keys are forgotten at start, as after a reboot
  bool testAdmin = false;             // test only: the admin screen opens at start without a sign-in
  std::string testRecoveryCode;       // test only (scripts): what --test-admin and test-revoke-card act with
  std::optional<int> rotation;        // overrides the site's screen.rotation
  std::filesystem::path listFolder;   // where reception's "Save list" writes; empty: a USB stick under /media
  bool hardwareScanners = false;      // open the camera and scanner named in the site settings
  std::filesystem::path cameraFiles;  // test/demo: image files stand in for the camera frames
  bool testHandScanner = false;       // test only: a hand scanner counts as present (a script's `scan` lines)
  std::filesystem::path testMedia;    // test only: this folder stands in for the USB stick while it exists
  int64_t testWorkPaceMs =
      0;               // test only: export work waits this long on the script's clock after each report
  bool sound = false;  // the urgent alarm through the default sound device (when there is one)
  bool desk = false;   // `device.role` desk: staff sign-in and the console only, never the patient screens
};

/// How often a kiosk showing a fault looks again whether its site can be opened.
inline constexpr int64_t kFaultRetryMs = 10'000;
/// How often, at most, the kiosk moves the high-water mark while its log grows.
inline constexpr int64_t kMarkEveryMs = 60'000;

class KioskApp {
 public:
  /// Opens the site and the display. The clock is borrowed and must outlive the app.
  static core::Result<std::unique_ptr<KioskApp>> open(const AppOptions& o, const core::Clock& clock);
  /// Lets spoken guidance play out first (tests only: SpeechOutput::playOut), while SDL still runs.
  ~KioskApp();

  /// Draws one frame (applying what was pressed); `pointer` replaces the mouse for this frame and
  /// `capture` receives the pixels. Returns the CPU time the frame took on this thread, in ms.
  double frame(const std::optional<Pointer>& pointer = std::nullopt, Image* capture = nullptr);
  /// Draws `n` frames; returns each one's CPU time in ms.
  std::vector<double> runFrames(int n);
  /// Draws a frame and writes it to `png`.
  core::Status screenshot(const std::filesystem::path& png);
  /// Milliseconds before a new press is taken after the last screen change (a script's tap waits them,
  /// as a person takes that long to see a new screen).
  int64_t msUntilTapsTaken() const { return gate_.msUntilSettled(clock_->now().unixMs); }
  /// Test only: takes every SDL event waiting (tests push them with SDL_PushEvent) the way run() does,
  /// and draws the frames they ask for. Never waits.
  void TEST_pumpEvents();

  /// The event-driven loop: sleeps until input, the idle countdown or the clock's minute need a frame
  /// (at most 1 Hz with nobody touching it). Returns when asked to stop (requestStop, or `stop` when
  /// given), or when the window is closed outside kiosk mode.
  void run(const std::atomic<bool>* stop = nullptr);
  /// Asks run() to return within a second; safe to call from a signal handler.
  static void requestStop();
  static bool stopRequested();

  /// Input, routed to the top-most screen that shows (the patient flow when nothing is over it). Scans
  /// are debounced (the same text within 3 s is ignored) and never fail.
  void onText(std::string_view utf8);
  void onKey(ui::Key k);
  void onScan(std::string_view text);
  /// A numeric keypad's key (or, with spoken guidance on, an arrow or Backspace) for the patient
  /// screens; false when they do not show or did not use it (then it is an ordinary key).
  bool onKeypad(ui::KeypadKey k, char digit = 0);
  void noteActivity();
  /// The idle clocks of whichever side shows, and the urgent alarm; true when a frame is needed.
  bool tick();
  /// How many times the urgent alarm has sounded (counted with no sound device too).
  int64_t urgentAlarms() const { return urgentAlarms_; }
  int64_t msUntilNextTick() const;

  /// Opens the admin screen for a signed-in administrator (the reception console calls this); it hands
  /// back to the console when closed.
  void openAdmin(const std::string& staffId, const std::string& staffName);
  /// Called with ("RECOVERY_CODE", ...), ("ADMIN_CARD", ...), ("PRACTICE_CARD", ...) and ("PRACTICE_PIN",
  /// ...) as they are shown, so a script can read what a person reads off the screen.
  void setOnShown(std::function<void(std::string_view, std::string_view)> f);
  /// True while first-boot setup shows (no site yet).
  bool inSetup() const { return setup_ != nullptr; }
  /// True once first-boot setup joined a site as its calling board: run() returns, and the program
  /// runs the board on the data directory instead.
  bool becameBoard() const { return becameBoard_; }
  /// Why the kiosk cannot work (its data directory unreadable, its database set aside), or nothing.
  const std::optional<std::string>& fault() const { return fault_; }

  ui::PatientFlow& flow() { return *flow_; }
  ui::staff::StaffConsole& staff() { return *staff_; }
  service::Kiosk& kiosk() { return *services_; }
  /// Scripts only: the recovery code of the site under test, or empty.
  const std::string& testRecoveryCode() const { return options_.testRecoveryCode; }
  const ui::WidgetLog& widgets() const { return widgets_; }
  /// True while a camera picture is on screen or waiting to be drawn (false once the scan screen is left).
  bool holdsCameraPicture() const;
  /// True while export work (a batch being made or copied) runs on its own thread.
  bool exportWorkRunning() { return desk_ && desk_->exportProgress().has_value(); }
  /// Test only: the gate export work steps through with --test-work-pace; null without it.
  service::WorkGate* TEST_workGate() { return workGate_; }
  Display& display() { return *display_; }
  /// Whether the corner hold (and a staff card scanned on the patient screens) opens the staff screens
  /// here: `kiosk.staff_screens`, looked at on open and then every kSiteCheckMs.
  bool staffScreensAllowed() const { return staffScreens_; }
  /// This device's part in a site of several devices; null when its data directory holds no site.
  const SiteReplication* siteReplication() const { return site_.get(); }
  service::KioskServices& services() { return *services_; }
  /// The ticket printer (its worker thread runs for the app's life).
  KioskPrinter& printer() { return *printer_; }

 private:
  // The screen stack (kiosk_app_screens.h): a layer for each of the fault, setup, the admin screen, the
  // staff screens and the patient flow.
  class Screen;
  class FaultLayer;
  class SetupLayer;
  class AdminLayer;
  class WorkLayer;
  class StaffLayer;
  class PatientLayer;

  KioskApp();
  /// Stacks the layers, the patient flow at the bottom (kiosk_app_screens.cpp).
  void buildScreens();
  /// The top-most layer that shows (the patient flow when nothing else does).
  Screen& top() const;
  /// True when nothing shows over the patient flow.
  bool patientsShowing() const;
  /// While a drill runs, its banner over the patient and staff screens, and its check-ins timed.
  void drawDrillBanner();
  /// Returns true when the event was a person's input (so the idle clock restarts and frames follow).
  bool handleEvent(const SDL_Event& e, bool* quit);
  void waitForWork(int64_t timeoutMs, bool* quit, int* framesWanted);
  void drawScreens();
  /// Starts an ImGui frame with `pointer` (through the touch gate), draws, and notes what was drawn.
  void drawFrame(const Pointer& pointer);
  /// Names what shows, down to the step within a screen and its layout (language, larger text): a new
  /// name is a screen change to the touch gate.
  std::string screenName() const;
  /// Opens the kiosk's services on `dir` (the real site, or the drill's), replacing any open ones.
  core::Status openSite(const std::filesystem::path& dir);
  void applyAdminOutcome();
  /// Times the drill's patient check-ins (Welcome left to ticket shown).
  void noteDrillStep();
  void openScanInput();
  /// Takes the codes the camera and scanner read; true when there were any.
  bool takeScans();
  /// Hands the newest camera picture to the scan screen while it shows; drops it when it does not.
  void updatePreview();
  /// Sounds the urgent alarm while an urgent alert waits for staff (looked for once a second).
  void checkUrgentAlarm();
  /// Moves the high-water mark (service/high_water.h) when the log has grown and a minute has passed
  /// since the last look, or at once with `now` (a clean shutdown).
  void markHighWater(bool now);
  bool checkSavedKeys();
  /// Steps the site's replication on the kiosk's clock (it starts once the site has peers).
  void stepSite();
  /// While replicating: the staff screens' lists read again when peers' events were stored, and the
  /// site's health line brought up to date. True when a frame is wanted.
  bool followPeers();
  /// Reads `kiosk.staff_screens` (and the roster, for auto) again every kSiteCheckMs, or at once.
  void checkStaffScreens(bool now);
  /// Takes the patient flow's request for staff sign-in (corner hold, staff card) when staff screens
  /// may open here, or while the kiosk is locked (only a sign-in starts it); drops it otherwise.
  void takeStaffRequest();
  /// While a fault shows: looks again every kFaultRetryMs; true when the site (or setup) opened.
  bool retryFault();
  /// Shows the fault when the site's card refused a write (full, read-only); true when it now shows.
  bool noteCardFault();

  const core::Clock* clock_ = nullptr;
  AppOptions options_;
  std::unique_ptr<KioskPrinter> printer_;  // before the screens that borrow it, so it goes after them
  std::unique_ptr<SpeechOutput> speech_;   // the same
  char keypadDigit_ = 0;                   // a keypad digit just taken: its SDL_TEXTINPUT is not typed again
  std::unique_ptr<service::Kiosk> services_;
  std::unique_ptr<ui::PatientFlow> flow_;
  std::unique_ptr<service::StaffDesk> desk_;
  service::WorkGate* workGate_ = nullptr;  // desk_'s, with --test-work-pace only
  std::unique_ptr<ui::staff::StaffConsole> staff_;
  std::unique_ptr<service::ScanDebouncer> debouncer_;
  ui::staff::CornerHold corner_;
  std::unique_ptr<Display> display_;
  ui::WidgetLog widgets_;
  PointerInput pointer_;
  TouchGate gate_;
  std::unique_ptr<service::AdminDesk> adminDesk_;
  std::unique_ptr<ui::setup::SetupWizard> setup_;  // only while first-boot setup shows
  std::optional<std::string> fault_;  // why the site could not be opened: shown instead of every screen
  std::optional<int64_t> faultCheckedMs_;
  bool cardFault_ = false;  // fault_ is a full or read-only card
  std::unique_ptr<ui::admin::AdminScreen> admin_;
  std::function<void(std::string_view, std::string_view)> onShown_;
  std::optional<int64_t> drillCheckInStartMs_;
  std::unique_ptr<ScanInput> scanInput_;     // null when no camera or scanner is in use
  std::unique_ptr<PreviewTexture> preview_;  // with scanInput_; declared after display_, so freed first
  std::unique_ptr<AudioOutput> audio_;       // null: no sound
  UrgentAlarm alarm_;
  std::optional<int64_t> alarmCheckedMs_;
  std::optional<int64_t> markCheckedMs_;
  int64_t markedSeq_ = -1;                // the newest event the mark was last written for
  std::optional<int64_t> keysCheckedMs_;  // while locked: when the key store was last looked at
  int64_t urgentAlarms_ = 0;
  bool staffScreens_ = true;
  bool becameBoard_ = false;
  int64_t dataVersion_ = -1;  // the site database's, when the peers' events were last looked at
  SiteHealthLine health_;
  std::string healthShown_;
  std::optional<int64_t> staffScreensCheckedMs_;
  std::string siteProblem_;                       // the last replication problem written to the log
  std::vector<std::unique_ptr<Screen>> screens_;  // bottom (the patient flow) to top (the fault)
  Screen* faultScreen_ = nullptr;                 // the top layer, in screens_
  std::unique_ptr<SiteReplication> site_;         // last: its threads stop before anything else goes
};

}  // namespace longstop::app
