// Reception's screens: staff sign-in (card, then PIN), the queue console, one patient's actions, search,
// adding a patient at the desk, editing details and the day summary. Like PatientFlow: the state is a
// plain struct, every screen's drawing returns a StaffIntent, and apply() acts on it through
// StaffServices only, so tests drive it without a display.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/checkin_state.h"
#include "core/clock.h"
#include "service/staff_services.h"
#include "ui/input.h"
#include "ui/keypads.h"
#include "ui/screens/walk_in.h"
#include "ui/staff/export_state.h"
#include "ui/ticket_printing.h"

namespace longstop::ui::staff {

enum class StaffScreen {
  kClosed,   // the patient screens show
  kCard,     // scan or type the staff card
  kPin,      // the PIN keypad
  kConsole,  // every queue's list, alerts, the tools
  kPatient,  // one check-in and what can be done to it
  kTransfer,
  kCancel,
  kMerge,
  kSearch,
  kAdd,     // add at the desk: today's appointments not yet arrived, or a walk-in
  kRoom,    // which room a clinician calls to
  kWalkIn,  // the walk-in questions, for a new patient or to edit one
  kSummary,
  kExport,    // re-entry batches: make one, copy it to a USB stick or show it as QR codes
  kQrStream,  // the batch as a cycle of QR codes, full screen
};

/// The reasons offered when cancelling a check-in.
inline constexpr const char* kCancelReasons[] = {"Booked in error", "Patient asked", "Duplicate", "Other"};

struct StaffIntent {
  enum class Kind {
    kNone,
    kClose,  // leave sign-in for the patient screens
    kKey,    // on-screen keyboard or keypad
    kNext,   // card entered: ask for the PIN
    kSignIn,
    kSignOut,
    kBack,          // to the console (or the previous step)
    kCallNext,      // arg: queue ID; flag: only arg2's patients (arg2 "": those without a clinician)
    kShowQueue,     // arg: the index of the queue to show first
    kRowAction,     // arg: record ID; action: seen, no-show or call again, pressed on its row
    kRoomPick,      // arg: clinician (empty: choose one), arg2: queue ID
    kRoomSet,       // arg: the room
    kStaySignedIn,  // the idle warning's one tap
    kOpen,          // arg: record ID
    kAcknowledge,   // arg: record ID
    kAction,        // action on the open record (call, recall, seen, no-show, left, park, unpark)
    kTransferPick,  // show the queues
    kTransferTo,    // arg: queue ID
    kCancelPick,    // show the reasons
    kCancelWith,    // arg: reason
    kMergePick,
    kMergeWith,  // arg: the other check-in; flag: it stays and the open one is folded into it (else the
                 // other is folded into the open one)
    kEdit,
    kSearch,
    kAdd,
    kPickAppointment,  // arg: appointment ID (a row of the list of those not yet arrived)
    kAddAppointment,   // urgent: flag
    kAddWalkIn,
    kSaveList,
    kSummary,
    kAdmin,   // an administrator opens the admin screen (settings, drill)
    kExport,  // the export screen
    kMakeBatch,
    kCopyToUsb,
    kShowQr,
    kStopQr,
    kReprint,  // the open check-in's ticket, printed again marked REPRINT
  };
  Kind kind = Kind::kNone;
  std::string arg;
  std::string arg2;
  core::CheckinAction action = core::CheckinAction::kCall;
  KeyPress key;
  bool flag = false;
};

struct StaffState {
  StaffScreen screen = StaffScreen::kClosed;
  std::string cardText;  // typed or scanned; wiped once used
  std::string pin;       // wiped once used
  std::string message;   // the last refusal or problem, for the person (red)
  std::string notice;    // the last thing done ("A001 called to Room 3")
  std::vector<service::ConsoleEntry> entries;
  std::vector<std::string> alerts;  // record IDs, oldest first
  std::vector<service::CallPoint> points;
  int firstQueue = 0;         // the queue shown first when not all fit side by side
  std::string roomClinician;  // whose room the room screen sets (empty: choose the clinician first)
  std::string roomQueue;      // the queue whose clinicians the room screen offers
  std::vector<service::DueAppointment> due;  // add at the desk: today's appointments not yet arrived
  std::string selected;                      // the open record
  std::string searchText;
  std::vector<service::ConsoleEntry> results;
  std::string appointmentId;  // add at the desk
  WalkInState walkIn;
  bool editing = false;  // the walk-in questions edit `selected` rather than add a patient
  std::optional<service::DaySummaryView> summary;
  ExportState exp;
};

class StaffConsole {
 public:
  /// Both borrowed; they must outlive the console.
  StaffConsole(service::StaffServices& services, const core::Clock& clock);

  const StaffState& state() const { return s_; }
  StaffScreen screen() const { return s_.screen; }
  bool active() const { return s_.screen != StaffScreen::kClosed; }
  bool signedIn() const { return services_.session().has_value(); }

  /// The ticket printer, for reprints and the console's printer line; borrowed, may be null.
  void setPrinting(TicketPrinting* printing) { printing_ = printing; }

  /// Opens sign-in (the long press on Welcome, or a scanned staff card in `cardText`).
  void open(std::string_view cardText = {});
  /// Wipes everything, signs out if signed in, and hands back to the patient screens.
  void close(std::string_view reason = "sign-out");

  /// Draws the current screen and applies what was pressed (ImGui calls).
  void frame();
  void apply(const StaffIntent& in);

  void onText(std::string_view utf8);
  void onKey(Key k);
  /// A scanned code while a staff screen shows: a staff card fills the card field; anything else is
  /// looked up in the search box when signed in.
  void onScan(std::string_view text);
  void noteActivity();

  /// Idle sign-out, and closing an unfinished sign-in after a minute; refreshes the lists every 15 s.
  /// Returns true when the screen changed.
  bool tick();
  int64_t msUntilNextTick() const;

  /// Set when a signed-in administrator asked for the admin screen; taking it clears it.
  std::optional<service::StaffIdentity> takeAdminRequest() {
    return std::exchange(adminRequest_, std::nullopt);
  }

  /// The site's health in one line ("Site: 2 devices ..."), shown at the foot of every staff screen;
  /// empty on a site of one.
  void setSiteHealth(std::string line) { siteHealth_ = std::move(line); }
  /// Reads the lists again now (peers' events arrived); nothing without a session.
  void refreshNow() {
    if (active() && signedIn()) refresh();
  }

  /// Seconds until the idle sign-out while its warning shows (the last kIdleWarningMs), else -1.
  int idleSecondsLeft() const;

  /// The entry with that record ID among the loaded ones, or null.
  const service::ConsoleEntry* entry(const std::string& recordId) const;

 private:
  void refresh();
  void loadDue();
  /// The tabs show `queueId`'s list (when not every queue fits side by side).
  void showQueue(const std::string& queueId);
  /// At sign-in: the queue of the first urgent, called or waiting patient.
  void showFirstWaiting();
  /// "A042 called to Room 3 for Dr Patel", from the refreshed list.
  std::string calledNotice(const std::string& recordId) const;
  void act(core::CheckinAction a, const service::ActionRequest& r = {});
  /// The keyboard shortcuts (kShortcutsText).
  void applyShortcut(Key k);
  void say(const core::Status& s, std::string done);
  void startWalkIn(bool editing);
  void applyWalkIn(const WalkInIntent& in);
  // The export screen (staff_export.cpp).
  void openExport();
  void applyExport(const StaffIntent& in);
  /// Brings the bar up to date with the work under way, and takes its result when it has finished;
  /// true when a frame is wanted. Work under way counts as activity while the Export screen shows it.
  bool pollExportWork();
  /// Moves the QR stream on and looks for USB sticks; true when the screen changed.
  bool tickExport(int64_t nowMs);
  int64_t msUntilExportTick(int64_t nowMs) const;
  void acknowledgeScanned(std::string_view text);
  int64_t exportSeq() const;

  service::StaffServices& services_;
  const core::Clock& clock_;
  StaffState s_;
  int64_t lastActivityMs_ = 0;
  int64_t lastRefreshMs_ = 0;
  int shownIdleSeconds_ = -1;  // the idle warning's count last drawn
  std::optional<service::StaffIdentity> adminRequest_;
  TicketPrinting* printing_ = nullptr;
  std::string siteHealth_;
};

/// The keyboard shortcuts, as the footer shows them.
inline constexpr const char* kShortcutsText = "F2 Call next   F3 Search   F4 Seen";

/// Longest typed staff card and PIN.
inline constexpr size_t kMaxCardChars = 80;
inline constexpr size_t kMaxPinDigits = 12;

/// The idle sign-out is announced this long before it happens.
inline constexpr int64_t kIdleWarningMs = 30'000;

/// Labels used by both drawing and tests.
const char* actionLabel(core::CheckinAction a);
/// The label of the acknowledge button for an alert on ticket `ticket`.
std::string acknowledgeLabel(std::string_view ticket);

}  // namespace longstop::ui::staff
