// The flow's keyboard, scanner and idle-clock handling (screens and intents are in patient_flow.cpp).
#include <algorithm>
#include <cctype>

#include "core/nhs_number.h"
#include "ui/i18n.h"
#include "ui/patient_flow.h"

namespace longstop::ui {
namespace {
constexpr int kCountdownSeconds = 10;

bool looksLikeNhsNumber(std::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      ++digits;
    else if (c != ' ')
      return false;
  }
  return digits == 10;
}
}  // namespace

void PatientFlow::onText(std::string_view utf8) {
  noteActivity();
  switch (s_.screen) {
    case Screen::kDetails:
      forEachCodePoint(utf8, [&](char32_t c) { apply(detailsIntentForChar(s_.details, c)); });
      break;
    case Screen::kNhsNumber:
      forEachCodePoint(utf8, [&](char32_t c) { apply(nhsNumberIntentForChar(c)); });
      break;
    case Screen::kWalkIn:
      typeIntoWalkIn(s_.walkIn, utf8);
      break;
    default:
      break;
  }
}

void PatientFlow::onKey(Key k) {
  noteActivity();
  switch (s_.screen) {
    case Screen::kWelcome:
      if (k == Key::kEnter) apply(WelcomeIntent::kCheckIn);
      break;
    case Screen::kDetails:
      apply(detailsIntentForKey(s_.details, k));
      break;
    case Screen::kNhsNumber:
      apply(nhsNumberIntentForKey(k));
      break;
    case Screen::kWalkIn:
      apply(walkInIntentForKey(s_.walkIn, k));
      break;
    case Screen::kTicket:
      if (k == Key::kEnter) apply(TicketIntent::kDone);
      break;
    case Screen::kLanguage:
    case Screen::kHasAppointment:
    case Screen::kScan:
    case Screen::kConfirm:
    case Screen::kSafety:
    case Screen::kMessage:
      // Escape is Back here too; it never leaves the app.
      if (k == Key::kEscape && !(s_.screen == Screen::kMessage && s_.message.kind == MessageKind::kSorry))
        back();
      break;
  }
}

void PatientFlow::onScan(std::string_view text) {
  noteActivity();
  if (codes_) {
    service::ScannedCode code = codes_->classify(text);
    if (code.kind == service::ScannedKind::kStaffCard && code.valid) {
      wipePatientData();
      reset(false);
      staffRequest_ = std::string(text);
      return;
    }
    if (s_.screen == Screen::kTicket || s_.screen == Screen::kSafety) return;  // finish this patient first
    if (services_.locked()) return;  // nothing for a patient until staff have started the kiosk
    if (code.kind == service::ScannedKind::kTicket && code.valid) {
      auto t = codes_->ticketForCode(text);
      if (t.ok()) return showTicket(std::move(t.value()));
    }
    if (code.kind == service::ScannedKind::kAppointment && code.valid) {
      auto a = codes_->appointmentForCode(text);
      wipePatientData();
      if (a.ok() && a->outcome == core::MatchOutcome::kOne && a->appointment) {
        s_.matched = a->appointment;
        s_.pending = PendingCheckIn{a->appointment->appointmentId, std::nullopt};
        services_.prepareCheckIn();
        go(Screen::kSafety);
        return;
      }
      if (a.ok()) return showMatch(a.value(), FoundBy::kCode);
    }
  }
  if (s_.screen == Screen::kTicket || s_.screen == Screen::kSafety) return;  // finish this patient first
  if (looksLikeNhsNumber(text)) {
    auto n = core::parseNhsNumber(text);
    if (n.ok()) {
      wipePatientData();
      showMatch(services_.findAppointmentByNhsNumber(n.value()), FoundBy::kNhsNumber);
      return;
    }
  }
  wipePatientData();
  showMessage(MessageKind::kUnrecognisedCode);
}

void PatientFlow::noteActivity() {
  lastActivityMs_ = clock_.now().unixMs;
  shownCountdown_.reset();
}

int64_t PatientFlow::idleMsLeft() const {
  int64_t timeoutMs = int64_t{std::max(10, services_.site().idleTimeoutSeconds)} * 1000;
  return timeoutMs - (clock_.now().unixMs - lastActivityMs_);
}

std::optional<int> PatientFlow::countdownSeconds() const {
  if (s_.screen == Screen::kWelcome) return std::nullopt;
  int64_t left = idleMsLeft();
  if (left > kCountdownSeconds * 1000) return std::nullopt;
  return static_cast<int>(std::max<int64_t>(0, (left + 999) / 1000));
}

// An urgent ticket keeps "Tell reception now" in its bar to the end: no countdown over it (the idle
// reset still comes; the instruction matters more than the seconds).
bool PatientFlow::countdownShowing() const {
  const bool urgentTicket =
      s_.screen == Screen::kTicket && s_.ticket && s_.ticket->priority == core::Priority::kUrgent;
  return !urgentTicket && countdownSeconds().has_value();
}

bool PatientFlow::tick() {
  bool changed = false;
  bool welcomeDirty = s_.largerText || s_.highContrast || currentLanguage() != "en";
  if (idleMsLeft() <= 0 && (s_.screen != Screen::kWelcome || welcomeDirty)) {
    reset(false);
    changed = true;
  }
  auto c = countdownSeconds();
  if (c != shownCountdown_) {
    shownCountdown_ = c;
    changed = true;
  }
  int64_t minute = clock_.now().localMinutes();
  if (minute != shownMinute_) {
    shownMinute_ = minute;
    changed = true;
  }
  return changed;
}

int64_t PatientFlow::msUntilNextTick() const {
  int64_t nowMs = clock_.now().unixMs;
  int64_t next = 60000 - ((nowMs % 60000) + 60000) % 60000;  // the clock's next minute
  bool resettable =
      s_.screen != Screen::kWelcome || s_.largerText || s_.highContrast || currentLanguage() != "en";
  if (resettable) {
    int64_t left = idleMsLeft();
    int64_t toCountdown = left - kCountdownSeconds * 1000;
    if (left <= 0)
      next = 1;
    else if (toCountdown > 0)
      next = std::min(next, toCountdown);
    else
      next = std::min(next, left % 1000 == 0 ? int64_t{1000} : left % 1000);
  }
  return std::clamp<int64_t>(next, 1, 60000);
}

}  // namespace longstop::ui
