#include "ui/staff/staff_ui.h"

#include <variant>

#include "ui/wipe.h"

namespace longstop::ui::staff {
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

void StaffConsole::apply(const StaffIntent& in) {
  if (!pressed(in)) return;
  noteActivity();
  std::visit([this](const auto& i) { on(i); }, in);
}

void StaffConsole::on(const intent::Close&) {
  close();
}

void StaffConsole::on(const intent::SignOut&) {
  close("sign-out");
}

void StaffConsole::on(const intent::StaySignedIn&) {
  s_.message.clear();
  s_.notice = "Still signed in.";
}

void StaffConsole::on(const intent::Back&) {
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
}

void StaffConsole::on(const intent::TypeKey& in) {
  // Into the field of the screen showing, within its length (and, for the PIN, digits only).
  auto type = [&](std::string& field, size_t max, bool digitsOnly) {
    if (in.key.kind == KeyPress::Kind::kDelete)
      popCodePoint(field);
    else if (field.size() < max && (!digitsOnly || (in.key.ch >= '0' && in.key.ch <= '9')))
      field += static_cast<char>(in.key.ch);
  };
  switch (s_.screen) {
    case StaffScreen::kCard:
      return type(s_.cardText, kMaxCardChars, false);
    case StaffScreen::kPin:
      return type(s_.pin, kMaxPinDigits, true);
    case StaffScreen::kSearch:
      type(s_.searchText, kMaxSearchChars, false);
      return refresh();
    case StaffScreen::kAdd:
      return type(s_.appointmentId, kMaxAppointmentIdChars, false);
    default:
      return;
  }
}

}  // namespace longstop::ui::staff
