// Reception's screens: staff sign-in (card, then PIN), the queue console, one patient's actions, search,
// adding a patient at the desk, editing details and the day summary. Like PatientFlow: the state is a
// plain struct, every screen's drawing returns a StaffIntent (intents.h: a small struct per press), and
// apply() acts on it through StaffServices only, so tests drive it without a display. What each intent
// does is in the file of its screen: sign_in_apply.cpp, console_apply.cpp, patient_apply.cpp,
// tools_apply.cpp, walk_in_apply.cpp and staff_export.cpp; this file's own (staff_ui.cpp) is what every
// screen shares, and staff_draw.cpp draws the screen showing.
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
#include "ui/staff/intents.h"
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
  // Drawing (staff_draw.cpp): the screen showing, and the idle warning over it.
  StaffIntent drawShowing(const service::ConsoleEntry* open);
  StaffIntent drawOpenPatient(const service::ConsoleEntry& open);
  StaffIntent drawOpenMerge(const service::ConsoleEntry& open);
  StaffIntent drawStream();
  StaffIntent drawIdleWarning();

  void refresh();
  void loadDue();
  /// The tabs show `queueId`'s list (when not every queue fits side by side).
  void showQueue(const std::string& queueId);
  /// At sign-in: the queue of the first urgent, called or waiting patient.
  void showFirstWaiting();
  /// "A042 called to Room 3 for Dr Patel", from the refreshed list.
  std::string calledNotice(const std::string& recordId) const;
  void act(core::CheckinAction a, const service::ActionRequest& r = {});

  // What each intent does, one overload per struct of intents.h.
  void on(std::monostate) {}
  void on(const intent::Close&);
  void on(const intent::Back&);
  void on(const intent::SignOut&);
  void on(const intent::StaySignedIn&);
  void on(const intent::TypeKey& in);
  void on(const intent::Next&);  // sign_in_apply.cpp
  void on(const intent::SignIn&);
  void on(const intent::CallNext& in);  // console_apply.cpp
  void on(const intent::ShowQueue& in);
  void on(const intent::Open& in);
  void on(const intent::RowAction& in);
  void on(const intent::Acknowledge& in);
  void on(const intent::PickRoom& in);
  void on(const intent::SetRoom& in);
  void on(const intent::Act& in);  // patient_apply.cpp
  void on(const intent::PickTransfer&);
  void on(const intent::TransferTo& in);
  void on(const intent::PickCancel&);
  void on(const intent::CancelWith& in);
  void on(const intent::PickMerge&);
  void on(const intent::MergeWith& in);
  void on(const intent::Edit&);
  void on(const intent::Reprint&);
  void on(const intent::OpenSearch&);  // tools_apply.cpp
  void on(const intent::OpenAdd&);
  void on(const intent::PickAppointment& in);
  void on(const intent::AddAppointment& in);
  void on(const intent::AddWalkIn&);
  void on(const intent::SaveList&);
  void on(const intent::OpenSummary&);
  void on(const intent::OpenAdmin&);
  void on(const intent::OpenExport&);  // staff_export.cpp
  void on(const intent::MakeBatch&);
  void on(const intent::CopyToUsb&);
  void on(const intent::ShowQr&);
  void on(const intent::StopQr&);
  /// The keyboard shortcuts (kShortcutsText).
  void applyShortcut(Key k);
  void say(const core::Status& s, std::string done);
  void startWalkIn(bool editing);
  void applyWalkIn(const WalkInIntent& in);
  // The export screen (staff_export.cpp).
  void openExport();
  /// True (and nothing is started) while making or copying a batch is under way: one thing at a time.
  bool exportBusy() const;
  void startedExport(ExportState::Work work, std::string task);
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
/// Longest search text and typed appointment ID.
inline constexpr size_t kMaxSearchChars = 40;
inline constexpr size_t kMaxAppointmentIdChars = 64;

/// The idle sign-out is announced this long before it happens.
inline constexpr int64_t kIdleWarningMs = 30'000;

/// Labels used by both drawing and tests.
const char* actionLabel(core::CheckinAction a);
/// The label of the acknowledge button for an alert on ticket `ticket`.
std::string acknowledgeLabel(std::string_view ticket);

}  // namespace longstop::ui::staff
