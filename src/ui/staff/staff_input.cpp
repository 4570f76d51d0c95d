// The staff console's input: typed text, keys, scanned codes, and the timers (idle sign-out and its
// warning, the unfinished sign-in, refreshing the lists).
#include "ui/staff/staff_ui.h"

#include <algorithm>

#include "core/payload.h"
#include "ui/wipe.h"

namespace longstop::ui::staff {
namespace {
// An unfinished sign-in goes back to the patient screens after this long untouched.
constexpr int64_t kSignInIdleMs = 60'000;
// The lists are read again this often (waited minutes, new check-ins, new alerts).
constexpr int64_t kRefreshMs = 15'000;

bool isCardChar(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '-' ||
         c == ' ';
}
}  // namespace

void StaffConsole::onText(std::string_view utf8) {
  noteActivity();
  forEachCodePoint(utf8, [&](char32_t c) {
    switch (s_.screen) {
      case StaffScreen::kCard:
        if (isCardChar(c) && s_.cardText.size() < kMaxCardChars) s_.cardText += static_cast<char>(c);
        break;
      case StaffScreen::kPin:
        if (c >= '0' && c <= '9' && s_.pin.size() < kMaxPinDigits) s_.pin += static_cast<char>(c);
        break;
      case StaffScreen::kSearch:
        if (c >= 0x20 && c < 0x7F && s_.searchText.size() < kMaxSearchChars)
          s_.searchText += static_cast<char>(c);
        break;
      case StaffScreen::kAdd:
        if (c > 0x20 && c < 0x7F && c != ':' && s_.appointmentId.size() < kMaxAppointmentIdChars)
          s_.appointmentId += static_cast<char>(c);
        break;
      default:
        break;
    }
  });
  if (s_.screen == StaffScreen::kSearch) refresh();
  if (s_.screen == StaffScreen::kWalkIn) typeIntoWalkIn(s_.walkIn, utf8);
}

void StaffConsole::onKey(Key k) {
  noteActivity();
  if (s_.screen == StaffScreen::kWalkIn) return applyWalkIn(walkInIntentForKey(s_.walkIn, k));
  if (k == Key::kF2 || k == Key::kF3 || k == Key::kF4) return applyShortcut(k);
  StaffIntent in;
  if (k == Key::kBackspace) {
    in = intent::TypeKey{{KeyPress::Kind::kDelete, 0}};
  } else if (k == Key::kEnter) {
    if (s_.screen == StaffScreen::kCard) in = intent::Next{};
    if (s_.screen == StaffScreen::kPin) in = intent::SignIn{};
  } else if (k == Key::kEscape) {
    if (s_.screen == StaffScreen::kCard)
      in = intent::Close{};
    else if (s_.screen == StaffScreen::kQrStream)
      in = intent::StopQr{};
    else if (s_.screen != StaffScreen::kConsole)
      in = intent::Back{};
  }
  apply(in);
}

void StaffConsole::onScan(std::string_view text) {
  noteActivity();
  if (!signedIn()) {
    open(text);
    return;
  }
  const core::PayloadKind kind = core::claimedPayloadKind(text);
  if (kind == core::PayloadKind::kStaffCard) return;  // already signed in
  if (kind == core::PayloadKind::kBatchAck) return acknowledgeScanned(text);
  if (text.rfind("LSR1:", 0) == 0) {
    s_.notice.clear();
    s_.message = "This is a receiving organisation's key: an administrator sets it on the admin screen.";
    return;
  }
  // A ticket held up at the desk: find it.
  std::string t(text.substr(0, 200));
  if (auto ticket = core::parsePayload(text); ticket.ok() && ticket->kind == core::PayloadKind::kTicket) {
    t = std::get<core::TicketCode>(ticket->fields).recordId;
    for (const auto& e : s_.entries)
      if (e.recordId == t) t = e.ticket;
  }
  s_.searchText = t;
  s_.screen = StaffScreen::kSearch;
  refresh();
}

int StaffConsole::idleSecondsLeft() const {
  if (!active() || !signedIn()) return -1;
  const int64_t ms = services_.msUntilIdleSignOut();
  if (ms > kIdleWarningMs) return -1;
  return static_cast<int>((ms + 999) / 1000);
}

bool StaffConsole::tick() {
  if (!active()) return false;
  const int64_t now = clock_.now().unixMs;
  if (!signedIn()) {
    if (now - lastActivityMs_ >= kSignInIdleMs) {
      close();
      return true;
    }
    return false;
  }
  if (services_.signOutIfIdle()) {
    close("idle");
    return true;
  }
  // The warning's countdown moves once a second.
  if (const int left = idleSecondsLeft(); left != shownIdleSeconds_) {
    shownIdleSeconds_ = left;
    return true;
  }
  if (pollExportWork()) return true;
  if (tickExport(now)) return true;
  if (now - lastRefreshMs_ >= kRefreshMs) {
    size_t alerts = s_.alerts.size();
    refresh();
    (void)alerts;
    return true;
  }
  return false;
}

int64_t StaffConsole::msUntilNextTick() const {
  if (!active()) return 60'000;
  const int64_t now = clock_.now().unixMs;
  if (!signedIn()) return std::clamp<int64_t>(lastActivityMs_ + kSignInIdleMs - now, 1, 60'000);
  const int64_t idle = services_.msUntilIdleSignOut();
  int64_t next = std::min(idle, lastRefreshMs_ + kRefreshMs - now);
  // The warning appears, then counts down a second at a time.
  next =
      std::min(next, idle > kIdleWarningMs ? idle - kIdleWarningMs : (idle % 1000 == 0 ? 1000 : idle % 1000));
  next = std::min(next, msUntilExportTick(now));
  return std::clamp<int64_t>(next, 1, 60'000);
}

// F2 calls the next patient: anyone in the queue of the first one waiting in the list (else of the
// queue shown first), F3 opens search, F4 marks seen the
// open patient or, on the list, the one called longest ago (in the queue shown first, if it has one). Only
// where a signed-in member of staff sees the list, a patient or search.
void StaffConsole::applyShortcut(Key k) {
  if (!signedIn() || (s_.screen != StaffScreen::kConsole && s_.screen != StaffScreen::kPatient &&
                      s_.screen != StaffScreen::kSearch))
    return;
  const auto& queues = services_.site().queues;
  const std::string queueId =
      queues.empty() ? std::string() : queues[std::clamp<size_t>(s_.firstQueue, 0, queues.size() - 1)].id;
  StaffIntent in;
  if (k == Key::kF2 && !queueId.empty()) {
    // The queue of the first patient the list has waiting (urgent ones come first), else the one shown.
    intent::CallNext call{queueId, std::nullopt};
    for (const auto& e : s_.entries)
      if (e.state == core::CheckinState::kWaiting) {
        call.queueId = e.queueId;
        break;
      }
    in = call;
  } else if (k == Key::kF3) {
    in = intent::OpenSearch{};
  } else if (k == Key::kF4) {
    const service::ConsoleEntry* open = entry(s_.selected);
    if (s_.screen == StaffScreen::kPatient && open && open->state == core::CheckinState::kCalled) {
      in = intent::Act{core::CheckinAction::kSeen};
    } else {
      // The shown queue's first called patient, else the list's (called ones are listed oldest call first).
      const service::ConsoleEntry* called = nullptr;
      for (const auto& e : s_.entries)
        if (e.state == core::CheckinState::kCalled &&
            (!called || (e.queueId == queueId && called->queueId != queueId)))
          called = &e;
      if (called)
        in = intent::RowAction{called->recordId, core::CheckinAction::kSeen};
      else
        s_.message = "Nobody called in this queue is waiting to be seen.";
    }
  }
  apply(in);
}

}  // namespace longstop::ui::staff
