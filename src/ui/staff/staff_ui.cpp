#include "ui/staff/staff_ui.h"

#include <algorithm>

#include "core/date.h"
#include "core/payload.h"
#include "ui/wipe.h"

namespace longstop::ui::staff {
namespace {
// An unfinished sign-in goes back to the patient screens after this long untouched.
constexpr int64_t kSignInIdleMs = 60'000;
// The lists are read again this often (waited minutes, new check-ins, new alerts).
constexpr int64_t kRefreshMs = 15'000;
constexpr size_t kMaxCardChars = 80;
constexpr size_t kMaxPinDigits = 12;
// New cards have 8 or more (service::kMinPinLength); cards made when 6 were enough still sign in.
constexpr size_t kMinSignInPinDigits = 6;

bool isCardChar(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '-' ||
         c == ' ';
}
}  // namespace

const char* actionLabel(core::CheckinAction a) {
  switch (a) {
    case core::CheckinAction::kCall:
      return "Call";
    case core::CheckinAction::kRecall:
      return "Call again";
    case core::CheckinAction::kSeen:
      return "Seen";
    case core::CheckinAction::kNoShow:
      return "No-show";
    case core::CheckinAction::kLeft:
      return "Left";
    case core::CheckinAction::kPark:
      return "Park";
    case core::CheckinAction::kUnpark:
      return "Unpark";
    case core::CheckinAction::kTransfer:
      return "Transfer";
    case core::CheckinAction::kCancel:
      return "Cancel check-in";
  }
  return "?";
}

std::string acknowledgeLabel(std::string_view ticket) {
  return "Acknowledge " + std::string(ticket);
}

StaffConsole::StaffConsole(service::StaffServices& services, const core::Clock& clock)
    : services_(services), clock_(clock) {
  lastActivityMs_ = clock_.now().unixMs;
}

const service::ConsoleEntry* StaffConsole::entry(const std::string& recordId) const {
  for (const auto& e : s_.entries)
    if (e.recordId == recordId) return &e;
  for (const auto& e : s_.results)
    if (e.recordId == recordId) return &e;
  return nullptr;
}

void StaffConsole::open(std::string_view cardText) {
  noteActivity();
  if (signedIn()) {
    s_.screen = StaffScreen::kConsole;
    refresh();
    return;
  }
  wipe(s_.pin);
  s_.message.clear();
  s_.cardText.assign(cardText.substr(0, kMaxCardChars));
  s_.screen = cardText.empty() ? StaffScreen::kCard : StaffScreen::kPin;
}

void StaffConsole::close(std::string_view reason) {
  if (signedIn()) services_.signOut(reason);
  wipe(s_.cardText);
  wipe(s_.pin);
  wipe(s_.searchText);
  wipe(s_.walkIn);
  for (auto& e : s_.entries)
    if (e.patient) {
      wipe(e.patient->surname);
      wipe(e.patient->forenames);
    }
  s_ = StaffState{};
}

void StaffConsole::noteActivity() {
  lastActivityMs_ = clock_.now().unixMs;
  services_.touch();
}

void StaffConsole::refresh() {
  lastRefreshMs_ = clock_.now().unixMs;
  if (!signedIn()) return;
  auto entries = services_.todaysEntries();
  if (entries.ok())
    s_.entries = std::move(entries.value());
  else
    s_.message = entries.error().message;
  auto alerts = services_.pendingAlerts();
  if (alerts.ok()) s_.alerts = std::move(alerts.value());
  if (!s_.searchText.empty()) {
    auto r = services_.search(s_.searchText);
    if (r.ok()) s_.results = std::move(r.value());
  } else {
    s_.results.clear();
  }
}

void StaffConsole::say(const core::Status& s, std::string done) {
  if (s.ok()) {
    s_.message.clear();
    s_.notice = std::move(done);
  } else {
    s_.notice.clear();
    s_.message = s.error().message;
  }
}

void StaffConsole::act(core::CheckinAction a, const service::ActionRequest& r) {
  const service::ConsoleEntry* e = entry(s_.selected);
  std::string ticket = e ? e->ticket : s_.selected;
  std::string done = ticket + ": " + actionLabel(a);
  if (a == core::CheckinAction::kCall || a == core::CheckinAction::kRecall) {
    std::string room;
    for (const auto& q : services_.site().queues)
      if (e && q.id == e->queueId) room = q.room;
    done = ticket + " called" + (room.empty() ? "" : " to " + room);
  }
  auto s = services_.act(s_.selected, a, r);
  say(s, done);
  if (s.ok()) s_.screen = StaffScreen::kConsole;
  refresh();
}

void StaffConsole::startWalkIn(bool editing) {
  wipe(s_.walkIn);
  s_.editing = editing;
  if (editing) {
    // Every answer starts as what is stored, so changing one detail keeps the others (the NHS number
    // above all: an empty box there would drop it).
    if (const auto* e = entry(s_.selected); e && e->patient) {
      s_.walkIn.surname = e->patient->surname;
      s_.walkIn.forenames = e->patient->forenames;
      setDate(s_.walkIn.dob, e->patient->dateOfBirth);
      s_.walkIn.sex = e->patient->sex;
      if (e->patient->nhsNumber) s_.walkIn.nhs.digits = e->patient->nhsNumber->digits;
    }
  }
  s_.screen = StaffScreen::kWalkIn;
}

void StaffConsole::applyWalkIn(const WalkInIntent& in) {
  WalkInAnswers answers;
  core::Date today = core::civilFromDays(clock_.now().localDay());
  WalkInOutcome outcome = ui::applyWalkIn(s_.walkIn, in, today, &answers);
  if (s_.editing && outcome == WalkInOutcome::kStay && s_.walkIn.step == WalkInState::Step::kService) {
    // Editing changes who the patient is, not where they wait: no service question, the queue stays.
    const auto* e = entry(s_.selected);
    WalkInIntent keep{WalkInIntent::Kind::kQueue, {}, 0, core::Sex::kUnknown, e ? e->queueId : ""};
    outcome = ui::applyWalkIn(s_.walkIn, keep, today, &answers);
  }
  switch (outcome) {
    case WalkInOutcome::kStay:
      return;
    case WalkInOutcome::kBack:
      if (s_.walkIn.step == WalkInState::Step::kSurname || in.kind == WalkInIntent::Kind::kStartAgain) {
        wipe(s_.walkIn);
        s_.screen = s_.editing ? StaffScreen::kPatient : StaffScreen::kAdd;
      }
      return;
    case WalkInOutcome::kStartAgain:
      wipe(s_.walkIn);
      s_.screen = StaffScreen::kConsole;
      return;
    case WalkInOutcome::kSubmit:
      break;
  }
  wipe(s_.walkIn);
  if (s_.editing) {
    const auto* e = entry(s_.selected);
    std::string ticket = e ? e->ticket : s_.selected;
    say(services_.editDetails(s_.selected, answers.patient), ticket + ": details changed");
  } else {
    auto r = services_.addAtDesk(std::nullopt, service::WalkInRequest{answers.patient, answers.queueId}, false);
    say(r.ok() ? core::okStatus() : core::Status(r.error()), "Walk-in added");
  }
  wipe(answers.patient.surname);
  wipe(answers.patient.forenames);
  s_.screen = StaffScreen::kConsole;
  refresh();
}

void StaffConsole::apply(const StaffIntent& in) {
  using K = StaffIntent::Kind;
  if (in.kind == K::kNone) return;
  noteActivity();
  switch (in.kind) {
    case K::kNone:
      break;
    case K::kClose:
      close();
      break;
    case K::kKey:
      if (s_.screen == StaffScreen::kCard) {
        if (in.key.kind == KeyPress::Kind::kDelete) popCodePoint(s_.cardText);
        else if (s_.cardText.size() < kMaxCardChars) s_.cardText += static_cast<char>(in.key.ch);
      } else if (s_.screen == StaffScreen::kPin) {
        if (in.key.kind == KeyPress::Kind::kDelete) popCodePoint(s_.pin);
        else if (s_.pin.size() < kMaxPinDigits && in.key.ch >= '0' && in.key.ch <= '9') s_.pin += static_cast<char>(in.key.ch);
      } else if (s_.screen == StaffScreen::kSearch) {
        if (in.key.kind == KeyPress::Kind::kDelete) popCodePoint(s_.searchText);
        else if (s_.searchText.size() < 40) s_.searchText += static_cast<char>(in.key.ch);
        refresh();
      } else if (s_.screen == StaffScreen::kAdd) {
        if (in.key.kind == KeyPress::Kind::kDelete) popCodePoint(s_.appointmentId);
        else if (s_.appointmentId.size() < 64) s_.appointmentId += static_cast<char>(in.key.ch);
      }
      break;
    case K::kNext:
      if (s_.cardText.empty()) {
        s_.message = "Scan your staff card, or type the code printed on it.";
        break;
      }
      s_.message.clear();
      s_.screen = StaffScreen::kPin;
      break;
    case K::kSignIn: {
      if (s_.pin.size() < kMinSignInPinDigits) {
        s_.message = "Your PIN has at least 6 digits.";
        break;
      }
      auto st = services_.signIn(s_.cardText, s_.pin);
      wipe(s_.pin);
      if (!st.ok()) {
        s_.message = st.error().message;
        // A card that is unknown or revoked will not start working: let them scan another.
        if (st.error().message.find("PIN") == std::string::npos) {
          wipe(s_.cardText);
          s_.screen = StaffScreen::kCard;
        }
        break;
      }
      wipe(s_.cardText);
      s_.message.clear();
      s_.notice.clear();
      s_.screen = StaffScreen::kConsole;
      refresh();
      break;
    }
    case K::kSignOut:
      close("sign-out");
      break;
    case K::kBack:
      if (s_.screen == StaffScreen::kPin) {
        wipe(s_.pin);
        s_.message.clear();
        s_.screen = StaffScreen::kCard;
      } else if (s_.screen == StaffScreen::kTransfer || s_.screen == StaffScreen::kCancel ||
                 s_.screen == StaffScreen::kMerge) {
        s_.screen = StaffScreen::kPatient;
      } else {
        s_.message.clear();
        s_.screen = StaffScreen::kConsole;
        refresh();
      }
      break;
    case K::kCallNext: {
      auto r = services_.callNext(in.arg);
      if (!r.ok()) {
        say(r.error(), "");
      } else if (!r.value()) {
        say(core::okStatus(), "Nobody is waiting in that queue.");
      } else {
        refresh();
        const auto* e = entry(*r.value());
        std::string room;
        for (const auto& q : services_.site().queues)
          if (q.id == in.arg) room = q.room;
        say(core::okStatus(), (e ? e->ticket : *r.value()) + " called" + (room.empty() ? "" : " to " + room));
      }
      refresh();
      break;
    }
    case K::kOpen:
      s_.selected = in.arg;
      s_.message.clear();
      s_.screen = StaffScreen::kPatient;
      break;
    case K::kAcknowledge: {
      const auto* e = entry(in.arg);
      say(services_.acknowledgeAlert(in.arg), (e ? e->ticket : in.arg) + ": alert acknowledged");
      refresh();
      break;
    }
    case K::kAction:
      act(in.action);
      break;
    case K::kTransferPick:
      s_.screen = StaffScreen::kTransfer;
      break;
    case K::kTransferTo:
      act(core::CheckinAction::kTransfer, {"", in.arg, ""});
      break;
    case K::kCancelPick:
      s_.screen = StaffScreen::kCancel;
      break;
    case K::kCancelWith:
      act(core::CheckinAction::kCancel, {"", "", in.arg});
      break;
    case K::kMergePick:
      s_.screen = StaffScreen::kMerge;
      break;
    case K::kMergeWith: {
      const std::string keepId = in.flag ? in.arg : s_.selected;
      const std::string dupId = in.flag ? s_.selected : in.arg;
      const auto* keep = entry(keepId);
      const auto* dup = entry(dupId);
      std::string done = (dup ? dup->ticket : dupId) + " merged into " + (keep ? keep->ticket : keepId);
      auto st = services_.merge(keepId, dupId);
      say(st, done);
      if (st.ok()) s_.screen = StaffScreen::kConsole;
      refresh();
      break;
    }
    case K::kEdit:
      startWalkIn(true);
      break;
    case K::kSearch:
      s_.screen = StaffScreen::kSearch;
      refresh();
      break;
    case K::kAdd:
      wipe(s_.appointmentId);
      s_.message.clear();
      s_.screen = StaffScreen::kAdd;
      break;
    case K::kAddAppointment: {
      if (s_.appointmentId.empty()) {
        s_.message = "Type the appointment ID first.";
        break;
      }
      auto r = services_.addAtDesk(s_.appointmentId, std::nullopt, in.flag);
      if (r.ok()) {
        wipe(s_.appointmentId);
        s_.screen = StaffScreen::kConsole;
      }
      say(r.ok() ? core::okStatus() : core::Status(r.error()), "Appointment checked in");
      refresh();
      break;
    }
    case K::kAddWalkIn:
      startWalkIn(false);
      break;
    case K::kSaveList: {
      auto r = services_.saveList();
      say(r.ok() ? core::okStatus() : core::Status(r.error()), r.ok() ? "List saved to " + r->string() : "");
      break;
    }
    case K::kAdmin: {
      auto who = services_.session();
      if (who && who->admin) adminRequest_ = who;
      else say(core::unauthorised("Only an administrator can open the admin screen."), "");
      break;
    }
    case K::kExport:
      openExport();
      break;
    case K::kMakeBatch:
    case K::kCopyToUsb:
    case K::kShowQr:
    case K::kStopQr:
      applyExport(in);
      break;
    case K::kSummary: {
      auto r = services_.daySummary();
      if (r.ok()) {
        s_.summary = std::move(r.value());
        s_.screen = StaffScreen::kSummary;
      } else {
        say(r.error(), "");
      }
      break;
    }
  }
}

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
        if (c >= 0x20 && c < 0x7F && s_.searchText.size() < 40) s_.searchText += static_cast<char>(c);
        break;
      case StaffScreen::kAdd:
        if (c > 0x20 && c < 0x7F && c != ':' && s_.appointmentId.size() < 64) s_.appointmentId += static_cast<char>(c);
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
  StaffIntent in;
  if (k == Key::kBackspace) {
    in.kind = StaffIntent::Kind::kKey;
    in.key = {KeyPress::Kind::kDelete, 0};
  } else if (k == Key::kEnter) {
    if (s_.screen == StaffScreen::kCard) in.kind = StaffIntent::Kind::kNext;
    if (s_.screen == StaffScreen::kPin) in.kind = StaffIntent::Kind::kSignIn;
  } else if (k == Key::kEscape) {
    in.kind = s_.screen == StaffScreen::kCard ? StaffIntent::Kind::kClose : StaffIntent::Kind::kBack;
    if (s_.screen == StaffScreen::kConsole) in.kind = StaffIntent::Kind::kNone;
    if (s_.screen == StaffScreen::kQrStream) in.kind = StaffIntent::Kind::kStopQr;
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
  int64_t next = std::min(services_.msUntilIdleSignOut(), lastRefreshMs_ + kRefreshMs - now);
  next = std::min(next, msUntilExportTick(now));
  return std::clamp<int64_t>(next, 1, 60'000);
}

}  // namespace longstop::ui::staff
