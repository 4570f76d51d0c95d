// First-boot setup on the touch screen, shown when the data directory holds no site: the practice,
// its queues, matching window, idle timeout, screen, clock, the first administrator with their card
// and the recovery code, the receiving organisation's key, and the device checks. Like PatientFlow: the
// state is a plain struct, drawing returns a SetupIntent, apply() acts through AdminServices only, so
// tests drive it without a display. Everything it sets can be changed later on the admin screen.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "service/admin_services.h"
#include "ui/input.h"
#include "ui/keypads.h"
#include "ui/qr_code.h"
#include "ui/setup/setup_join_worker.h"
#include "ui/test_page.h"

namespace longstop::ui::setup {

enum class SetupStep {
  kIntro,
  kSite,             // name and ODS code
  kQueues,           // letter, name and room of each queue
  kMatching,         // how early and late an appointment can be checked in
  kIdle,             // idle timeout
  kScreen,           // size and rotation
  kClock,            // date and time confirmation
  kAdmin,            // the first administrator: name, PIN twice; creates the site
  kCard,             // their staff card as a QR to photograph
  kRecovery,         // the recovery code, once
  kRecoveryConfirm,  // typed back in part
  kRecipient,        // the receiving organisation's public key (skippable)
  kDevices,          // camera, scanner, printer (each skippable)
  kDone,
  // "Join a site" instead of a new one (docs/site.md, "Joining from the first-boot wizard"):
  kJoinCode,  // the join code, scanned or typed
  kJoinRole,  // kiosk, reception desk or calling board, and this device's address; joins
  kJoinDone,  // joined: what the device now is
};

/// The roles a joining device may take, as stored (`device.role`) and as shown.
const std::vector<std::pair<std::string, std::string>>& joinRoleChoices();

/// A queue as typed: turned into a core::QueueDef (and checked) on Next.
struct QueueText {
  std::string id;  // kept for the defaults; made from the name for new queues
  std::string letter, name, room;
};

struct SetupState {
  SetupStep step = SetupStep::kIntro;
  int focus = 0;  // which field of the step takes typing
  bool caps = true;
  std::string message;  // the last refusal, in red
  std::string notice;   // the last thing done, in green

  std::string siteName, ods;
  std::vector<QueueText> queues;
  int queueSelected = 0;  // the queue whose fields are being edited
  int matchBeforeMin = 120, matchAfterMin = 60, idleTimeoutSeconds = 45;
  std::string screenSize = "1280x800";
  int rotation = 0;
  bool clockConfirmed = false;
  bool clockWrong = false;
  std::string adminName, pin, pinAgain;

  std::optional<service::SetupDone> done;  // once the site exists
  std::optional<QrMatrix> cardQr;
  std::string recoveryTyped;
  bool recoveryHidden = false;  // once confirmed it is never shown again

  std::string recipientText, recipientPath, recipientKeyId;
  std::vector<service::DeviceReport> devices;
  std::vector<bool> deviceSkipped;

  std::string joinCode;                     // as scanned or typed
  std::string joinRole = "kiosk";           // one of joinRoleChoices()
  std::string joinListen;                   // this device's address on the site's network, IPv4:PORT
  std::optional<service::JoinDone> joined;  // once the device has joined
  bool joining = false;  // the join runs on the worker: "Joining..." shows, with Back to stop waiting
};

struct SetupIntent {
  enum class Kind {
    kNone,
    kNext,
    kBack,
    kSkip,
    kFocus,   // index: the field
    kKey,     // key: on-screen keyboard
    kChoose,  // index: which choice row, value: the choice
    kAddQueue,
    kRemoveQueue,
    kClockWrong,
    kRecipientFile,  // load the key from the path field
    kCheckDevices,
    kSkipDevice,   // index
    kSelectQueue,  // index
  };
  Kind kind = Kind::kNone;
  int index = 0;
  std::string value;
  KeyPress key;

  SetupIntent(Kind k = Kind::kNone, int i = 0, std::string v = {}) : kind(k), index(i), value(std::move(v)) {}
};

/// Choices offered on the choice steps (the first is the default where it says so).
const std::vector<int>& matchBeforeChoices();
const std::vector<int>& matchAfterChoices();
const std::vector<int>& idleChoices();
const std::vector<std::string>& screenSizeChoices();

class SetupWizard {
 public:
  /// Both borrowed; they must outlive the wizard.
  SetupWizard(service::AdminServices& services, const core::Clock& clock);

  const SetupState& state() const { return s_; }
  SetupStep step() const { return s_.step; }
  /// True once the person has pressed "Start the kiosk" on the last step (or "Start" once joined).
  bool finished() const { return finished_; }
  /// The role this device took when it joined a site; empty when it started a new one.
  std::string joinedRole() const { return s_.joined ? s_.joined->role : std::string(); }

  /// Draws the current step and applies what was pressed (ImGui calls).
  void frame();
  void apply(const SetupIntent& in);
  void onText(std::string_view utf8);
  void onKey(Key k);
  /// A scanned code: on the key step it is the organisation's LSR1 text; on the join step the join
  /// code, taken at once.
  void onScan(std::string_view text);

  /// Called once with ("RECOVERY_CODE", code) and ("ADMIN_CARD", card text) as they are shown, so a
  /// script can read what a person would read off the screen. Unset on the appliance.
  void setOnShown(std::function<void(std::string_view, std::string_view)> f) { onShown_ = std::move(f); }
  /// The kiosk's ticket printer, for the devices step's test page; borrowed, may be null.
  void setPrinting(TicketPrinting* printing) { printing_ = printing; }

 private:
  void next();
  void back();
  void go(SetupStep s);
  /// The text fields of the current step, in focus order (null when it has none).
  std::vector<std::string*> fields();
  void createSite();
  /// Kinds kJoinCode and kJoinRole of next(): the code read, then the join itself (on joinWorker_).
  void nextJoin();
  /// Takes the join's outcome once the worker has it (each frame, before drawing).
  void pollJoin();
  void wipeSecrets();
  std::vector<core::QueueDef> queueDefs() const;

  service::AdminServices& services_;
  const core::Clock& clock_;
  SetupState s_;
  bool finished_ = false;
  std::function<void(std::string_view, std::string_view)> onShown_;
  TicketPrinting* printing_ = nullptr;
  TestPageState testPage_;  // the devices step's "Print a test page"
  JoinWorker joinWorker_;   // last: its thread (which uses services_) ends before the rest goes
};

/// The number shown as "Step N of M" for a step.
int stepNumber(SetupStep s);
inline constexpr int kStepCount = 13;

}  // namespace longstop::ui::setup
