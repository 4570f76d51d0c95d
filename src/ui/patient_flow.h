// The patient's way through the kiosk: which screen is showing, every screen's state, and what each
// intent does (ask the services, move on, go back, start again). Drawing is in frame(); everything else
// works without a display, so tests drive it with intents and a fake KioskServices.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "service/kiosk_services.h"
#include "service/staff_services.h"
#include "ui/guide.h"
#include "ui/input.h"
#include "ui/qr_code.h"
#include "ui/screens/confirm.h"
#include "ui/screens/details.h"
#include "ui/screens/has_appointment.h"
#include "ui/screens/language.h"
#include "ui/screens/message.h"
#include "ui/screens/nhs_number.h"
#include "ui/screens/safety.h"
#include "ui/screens/scan.h"
#include "ui/screens/ticket.h"
#include "ui/screens/walk_in.h"
#include "ui/screens/welcome.h"
#include "ui/speech_out.h"
#include "ui/ticket_printing.h"

namespace longstop::ui {

enum class Screen {
  kWelcome,
  kLanguage,
  kHasAppointment,
  kDetails,
  kNhsNumber,
  kScan,
  kConfirm,
  kMessage,
  kWalkIn,
  kSafety,
  kTicket,
};

/// The check-in waiting for the answer to the safety question.
struct PendingCheckIn {
  std::string appointmentId;                     // set for an appointment
  std::optional<service::WalkInRequest> walkIn;  // set for a walk-in
};

struct FlowState {
  Screen screen = Screen::kWelcome;
  std::vector<Screen> history;  // for Back
  bool largerText = false;
  bool highContrast = false;
  bool listen = false;   // spoken guidance (Welcome's Listen): kept by Start again, not by the idle reset
  int languagePage = 0;  // the language list's page (larger text on a short screen)
  DetailsState details;
  NhsNumberState nhs;
  WalkInState walkIn;
  std::optional<service::AppointmentView> matched;
  MessageView message;
  std::optional<PendingCheckIn> pending;
  std::optional<service::Ticket> ticket;
  std::optional<QrMatrix> qr;
  uint64_t printJob = 0;  // the check-in's printed ticket (0: none)
};

class PatientFlow {
 public:
  /// Both are borrowed and must outlive the flow.
  PatientFlow(service::KioskServices& services, const core::Clock& clock);

  const FlowState& state() const { return s_; }
  Screen screen() const { return s_.screen; }

  /// Draws the current screen (and the idle countdown) and applies what was pressed. ImGui calls:
  /// between ImGui::NewFrame() and ImGui::Render().
  void frame();

  void apply(WelcomeIntent in);
  void apply(const LanguageIntent& in);
  void apply(HasAppointmentIntent in);
  void apply(const DetailsIntent& in);
  void apply(const NhsNumberIntent& in);
  void apply(ScanIntent in);
  void apply(ConfirmIntent in);
  void apply(MessageIntent in);
  void apply(const WalkInIntent& in);
  void apply(SafetyIntent in);
  void apply(TicketIntent in);

  /// Text from a physical keyboard or a script, into whatever the screen is asking for.
  void onText(std::string_view utf8);
  void onKey(Key k);
  /// A key of a USB numeric keypad, or (with guidance on) an arrow, Enter or Backspace: 8/4 and
  /// Up/Left move the focus back, 2/6 and Down/Right on, Enter acts on the focused control, Minus
  /// (or Backspace where nothing is typed) goes back, 5 says the screen again. While a screen asks for
  /// a date of birth or an NHS number the digits type. With guidance off, the first keypad key turns
  /// it on (whoever reaches for the keypad is who needs it). Returns false when the key was not used.
  bool onKeypad(KeypadKey k, char digit = 0);
  /// Where spoken guidance goes; borrowed, may be null (then nothing is said).
  void setSpeech(SpeechOut* speech) { speech_ = speech; }
  /// The focus order and the touch-twice rule of the screen on show.
  const Guide& guidance() const { return guide_; }
  /// A code read by a scanner (any screen): an NHS number looks up the appointment; with a CodeLookup
  /// set, a ticket shows its place in the queue, an appointment code goes to the safety question and a
  /// staff card asks for staff sign-in (takeStaffRequest); anything else is "not one we recognise".
  void onScan(std::string_view text);
  /// Where scanned tickets and appointment codes are looked up; borrowed, may be null (then only NHS
  /// numbers are understood).
  void setCodeLookup(service::CodeLookup* lookup) { codes_ = lookup; }
  /// Where a check-in's ticket is printed; borrowed, may be null (then nothing is printed).
  void setPrinting(TicketPrinting* printing) { printing_ = printing; }
  /// A staff card's text (or empty for the long press on Welcome) once, when staff sign-in was asked for.
  std::optional<std::string> takeStaffRequest() { return std::exchange(staffRequest_, std::nullopt); }
  /// The long press on Welcome's corner: staff sign-in.
  void requestStaffSignIn() { staffRequest_ = std::string(); }

  /// The patient touched or typed: the idle clock starts again.
  void noteActivity();
  /// Checks the idle clock; after site().idleTimeoutSeconds without activity every field is wiped and
  /// Welcome shows. Returns true when what is on screen changed (a reset, a countdown second, the
  /// minute on the clock), so an event-driven loop knows to draw.
  bool tick();
  /// Seconds left before the idle reset when in the last 10 s (and not on Welcome).
  std::optional<int> countdownSeconds() const;
  /// Whether the countdown is drawn (in the top bar, in place of Back and Start again): not on an
  /// urgent ticket.
  bool countdownShowing() const;
  /// Milliseconds until tick() next has something to do (for the event loop's wait), at most 60 s.
  int64_t msUntilNextTick() const;

  /// Wipes everything a patient entered and shows Welcome. `keepLargerText`: the same person chose
  /// "Start again".
  void reset(bool keepLargerText);

  /// A mark drawn over every screen (the drill's "PRACTICE — not real patients"); empty: none.
  void setBanner(std::string text) { banner_ = std::move(text); }

  /// What the scan screen shows of the camera from the next frame on (the app fills it in).
  void setCamera(const CameraView& camera) { camera_ = camera; }
  /// Where the last frame drew the camera's picture; empty when it drew none.
  const Rect& cameraPictureDrawn() const { return cameraDrawn_; }

 private:
  void go(Screen next);
  void back();
  core::Date today() const;
  int64_t idleMsLeft() const;
  /// How the patient asked: typed details, an NHS number (typed or scanned), or an appointment code.
  enum class FoundBy { kDetails, kNhsNumber, kCode };
  void showMatch(const core::Result<service::MatchAnswer>& answer, FoundBy by);
  void showMessage(MessageKind kind);
  void startWalkIn();
  void checkIn(bool urgent);
  void showTicket(service::Ticket t);
  void wipePatientData();
  void setListen(bool on);
  /// Names what is said on arrival: the screen, its step, its kind of message, the language.
  std::string spokenKey() const;
  /// The screen's question as it is said (never what the patient typed).
  std::string spokenQuestion() const;
  /// How many digits of a date of birth or NHS number the screen holds; -1 when it asks for none.
  int secretDigits() const;
  /// After a frame: the new screen's question and its controls, a touched or focused control, or
  /// "four digits entered".
  void speakAfterFrame(const std::string& drawnKey);
  void say(const std::string& text);

  service::KioskServices& services_;
  const core::Clock& clock_;
  FlowState s_;
  int64_t lastActivityMs_ = 0;
  std::optional<int> shownCountdown_;
  int64_t shownMinute_ = 0;
  service::CodeLookup* codes_ = nullptr;
  TicketPrinting* printing_ = nullptr;
  std::optional<std::string> staffRequest_;
  std::string banner_;
  CameraView camera_;
  Rect cameraDrawn_;
  Guide guide_;
  SpeechOut* speech_ = nullptr;
  std::string announcedKey_;  // the screen last announced ("" after a reset: the next one is)
  std::string drawnKey_;      // the screen the last frame drew
  int spokenDigits_ = -1;     // secretDigits() when last said
};

}  // namespace longstop::ui
