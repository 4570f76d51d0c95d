#include "ui/staff/staff_ui.h"

#include <algorithm>
#include <cstdlib>

#include "core/date.h"
#include "ui/staff/printer_line.h"
#include "ui/wipe.h"

namespace longstop::ui::staff {
namespace {
// New cards have 8 or more (service::kMinPinLength); cards made when 6 were enough still sign in.
constexpr size_t kMinSignInPinDigits = 6;

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

void StaffConsole::loadDue() {
  auto due = services_.appointmentsDue();
  if (due.ok())
    s_.due = std::move(due.value());
  else
    s_.message = due.error().message;
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
  auto points = services_.callPoints();
  if (points.ok()) s_.points = std::move(points.value());
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
  auto s = services_.act(s_.selected, a, r);
  if (s.ok()) s_.screen = StaffScreen::kConsole;
  refresh();
  if (const auto* now = entry(s_.selected); s.ok() && now) showQueue(now->queueId);  // where it went
  if (a == core::CheckinAction::kCall || a == core::CheckinAction::kRecall) done = calledNotice(s_.selected);
  say(s, done);
}

void StaffConsole::showQueue(const std::string& queueId) {
  const auto& queues = services_.site().queues;
  for (size_t i = 0; i < queues.size(); ++i)
    if (queues[i].id == queueId) s_.firstQueue = static_cast<int>(i);
}

void StaffConsole::showFirstWaiting() {
  for (const auto& e : s_.entries)
    if (e.state == core::CheckinState::kWaiting || e.state == core::CheckinState::kCalled) {
      // Entries come urgent first, then called, then waiting: the queue that needs the desk first.
      return showQueue(e.queueId);
    }
}

std::string StaffConsole::calledNotice(const std::string& recordId) const {
  const service::ConsoleEntry* e = entry(recordId);
  if (!e) return recordId + " called";
  return e->ticket + " called" + (e->calledRoom.empty() ? "" : " to " + e->calledRoom) +
         (e->calledBy.empty() ? "" : " for " + e->calledBy);
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
  std::string addedId;
  if (s_.editing) {
    const auto* e = entry(s_.selected);
    std::string ticket = e ? e->ticket : s_.selected;
    say(services_.editDetails(s_.selected, answers.patient), ticket + ": details changed");
  } else {
    auto r =
        services_.addAtDesk(std::nullopt, service::WalkInRequest{answers.patient, answers.queueId}, false);
    say(r.ok() ? core::okStatus() : core::Status(r.error()), "Walk-in added");
    if (r.ok()) addedId = r.value();
  }
  wipe(answers.patient.surname);
  wipe(answers.patient.forenames);
  s_.screen = StaffScreen::kConsole;
  refresh();
  if (const auto* e = entry(addedId)) showQueue(e->queueId);  // the list the new patient joined
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
        if (in.key.kind == KeyPress::Kind::kDelete)
          popCodePoint(s_.cardText);
        else if (s_.cardText.size() < kMaxCardChars)
          s_.cardText += static_cast<char>(in.key.ch);
      } else if (s_.screen == StaffScreen::kPin) {
        if (in.key.kind == KeyPress::Kind::kDelete)
          popCodePoint(s_.pin);
        else if (s_.pin.size() < kMaxPinDigits && in.key.ch >= '0' && in.key.ch <= '9')
          s_.pin += static_cast<char>(in.key.ch);
      } else if (s_.screen == StaffScreen::kSearch) {
        if (in.key.kind == KeyPress::Kind::kDelete)
          popCodePoint(s_.searchText);
        else if (s_.searchText.size() < 40)
          s_.searchText += static_cast<char>(in.key.ch);
        refresh();
      } else if (s_.screen == StaffScreen::kAdd) {
        if (in.key.kind == KeyPress::Kind::kDelete)
          popCodePoint(s_.appointmentId);
        else if (s_.appointmentId.size() < 64)
          s_.appointmentId += static_cast<char>(in.key.ch);
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
        // A card that is not a card, unknown or revoked will not start working: let them scan another.
        if (st.error().needsAnotherCard()) {
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
      showFirstWaiting();
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
      auto r = services_.callNext(in.arg, in.flag ? std::optional<std::string>(in.arg2) : std::nullopt);
      refresh();
      if (!r.ok())
        say(r.error(), "");
      else if (!r.value())
        say(core::okStatus(), in.flag && !in.arg2.empty() ? "Nobody is waiting for " + in.arg2 + "."
                                                          : "Nobody is waiting in that queue.");
      else
        say(core::okStatus(), calledNotice(*r.value()));
      break;
    }
    case K::kShowQueue:
      s_.firstQueue = std::max(0, std::atoi(in.arg.c_str()));
      break;
    case K::kRowAction:
      s_.selected = in.arg;
      act(in.action);
      break;
    case K::kRoomPick:
      s_.roomClinician = in.arg;
      if (!in.arg2.empty()) s_.roomQueue = in.arg2;
      s_.message.clear();
      s_.screen = StaffScreen::kRoom;
      break;
    case K::kRoomSet:
      say(services_.setRoom(s_.roomClinician, in.arg), s_.roomClinician + " calls to " + in.arg);
      s_.screen = StaffScreen::kConsole;
      refresh();
      break;
    case K::kStaySignedIn:
      s_.message.clear();
      s_.notice = "Still signed in.";
      break;
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
    case K::kReprint:
      applyReprint(*this, printing_, s_);
      break;
    case K::kSearch:
      // A search starts empty: the last one may have been someone else's patient.
      wipe(s_.searchText);
      s_.results.clear();
      s_.screen = StaffScreen::kSearch;
      refresh();
      break;
    case K::kAdd:
      wipe(s_.appointmentId);
      s_.message.clear();
      s_.screen = StaffScreen::kAdd;
      loadDue();
      break;
    case K::kPickAppointment:
      s_.appointmentId = in.arg;
      s_.message.clear();
      break;
    case K::kAddAppointment: {
      if (s_.appointmentId.empty()) {
        s_.message = "Choose the appointment in the list first.";
        break;
      }
      auto r = services_.addAtDesk(s_.appointmentId, std::nullopt, in.flag);
      if (r.ok()) {
        wipe(s_.appointmentId);
        s_.screen = StaffScreen::kConsole;
      }
      say(r.ok() ? core::okStatus() : core::Status(r.error()), "Appointment checked in");
      refresh();
      if (const auto* e = r.ok() ? entry(r.value()) : nullptr) showQueue(e->queueId);
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
      if (who && who->admin)
        adminRequest_ = who;
      else
        say(core::unauthorised("Only an administrator can open the admin screen."), "");
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

}  // namespace longstop::ui::staff
