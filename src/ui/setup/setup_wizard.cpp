#include "ui/setup/setup_wizard.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "ui/setup/form.h"
#include "ui/wipe.h"

namespace longstop::ui::setup {
namespace {
// Ignores case, spaces and dashes, as the recovery code itself does when it is used.
std::string normalised(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '-') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string idFromName(const std::string& name) {
  std::string id;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      id += static_cast<char>(std::tolower(u));
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.substr(0, 20);
}

std::string trimmed(std::string s) {
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}
}  // namespace

const std::vector<int>& matchBeforeChoices() {
  static const std::vector<int> v = {120, 60, 30, 240};
  return v;
}
const std::vector<int>& matchAfterChoices() {
  static const std::vector<int> v = {60, 30, 15, 120};
  return v;
}
const std::vector<int>& idleChoices() {
  static const std::vector<int> v = {45, 30, 60, 90, 120};
  return v;
}
const std::vector<std::string>& screenSizeChoices() {
  static const std::vector<std::string> v = {"1280x800", "800x480", "1024x600", "1920x1080"};
  return v;
}

int stepNumber(SetupStep s) {
  return static_cast<int>(s);  // kIntro is 0 and not counted
}

SetupWizard::SetupWizard(service::AdminServices& services, const core::Clock& clock)
    : services_(services), clock_(clock) {
  s_.queues = {{"gp", "A", "GP appointments", "Room 3"},
               {"nurse", "N", "Nurse appointments", "Treatment room"},
               {"walkin", "W", "Walk-in", "Reception desk"}};
}

std::vector<std::string*> SetupWizard::fields() {
  switch (s_.step) {
    case SetupStep::kSite:
      return {&s_.siteName, &s_.ods};
    case SetupStep::kQueues: {
      if (s_.queues.empty()) return {};
      auto& q = s_.queues[size_t(std::clamp(s_.queueSelected, 0, int(s_.queues.size()) - 1))];
      return {&q.letter, &q.name, &q.room};
    }
    case SetupStep::kAdmin:
      return {&s_.adminName, &s_.pin, &s_.pinAgain};
    case SetupStep::kRecoveryConfirm:
      return {&s_.recoveryTyped};
    case SetupStep::kRecipient:
      return {&s_.recipientText, &s_.recipientPath};
    case SetupStep::kJoinCode:
      return {&s_.joinCode};
    case SetupStep::kJoinRole:
      return {&s_.joinListen};
    default:
      return {};
  }
}

std::vector<core::QueueDef> SetupWizard::queueDefs() const {
  std::vector<core::QueueDef> out;
  for (const auto& q : s_.queues) {
    std::string letter = trimmed(q.letter);
    char prefix =
        letter.size() == 1 ? static_cast<char>(std::toupper(static_cast<unsigned char>(letter[0]))) : '?';
    std::string id = q.id.empty() ? idFromName(q.name) : q.id;
    out.push_back({id, trimmed(q.name), prefix, trimmed(q.room)});
  }
  return out;
}

void SetupWizard::go(SetupStep st) {
  s_.step = st;
  s_.focus = 0;
  s_.message.clear();
  s_.caps = st != SetupStep::kRecipient;
  if (st == SetupStep::kDevices && s_.devices.empty()) apply({SetupIntent::Kind::kCheckDevices});
  if (st == SetupStep::kRecovery && s_.done && onShown_) onShown_("RECOVERY_CODE", s_.done->recoveryCode);
  if (st == SetupStep::kCard && s_.done && onShown_) onShown_("ADMIN_CARD", s_.done->adminCardText);
}

void SetupWizard::back() {
  s_.message.clear();
  switch (s_.step) {
    case SetupStep::kIntro:
    case SetupStep::kCard:  // the site exists: no way back to change what made it (the admin screen can)
      return;
    case SetupStep::kRecoveryConfirm:
      if (!s_.recoveryHidden) go(SetupStep::kRecovery);
      return;
    case SetupStep::kRecovery:
      go(SetupStep::kCard);
      return;
    case SetupStep::kRecipient:
      return;  // the recovery code must not be shown again
    case SetupStep::kJoinCode:
      go(SetupStep::kIntro);
      return;
    case SetupStep::kJoinRole:
      // While joining, Back stops waiting (the request cannot be taken back once sent: if the inviting
      // device accepts it after all, the wizard shows the device joined).
      if (std::exchange(s_.joining, false)) {
        s_.message = "Stopped waiting for the inviting device. If it answers after all, this device joins.";
        return;
      }
      go(SetupStep::kJoinCode);
      return;
    case SetupStep::kJoinDone:
      return;  // joined: there is no way back
    default:
      go(static_cast<SetupStep>(static_cast<int>(s_.step) - 1));
  }
}

void SetupWizard::createSite() {
  if (s_.adminName.empty()) {
    s_.message = "Please type the administrator's name.";
    s_.focus = 0;
    return;
  }
  if (s_.pin.size() < 8 || s_.pin.find_first_not_of("0123456789") != std::string::npos) {
    s_.message = "The PIN must be at least eight digits, and digits only.";
    s_.focus = 1;
    return;
  }
  if (s_.pin != s_.pinAgain) {
    s_.message = "The two PINs are not the same. Please type them again.";
    wipe(s_.pin);
    wipe(s_.pinAgain);
    s_.focus = 1;
    return;
  }
  service::SetupAnswers a;
  a.siteName = trimmed(s_.siteName);
  a.odsCode = trimmed(s_.ods);
  a.queues = queueDefs();
  for (const auto& q : a.queues)
    if (q.id == "walkin") a.walkInQueueId = q.id;
  a.matchBeforeMin = s_.matchBeforeMin;
  a.matchAfterMin = s_.matchAfterMin;
  a.idleTimeoutSeconds = s_.idleTimeoutSeconds;
  a.screenSize = s_.screenSize;
  a.rotation = s_.rotation;
  a.clockConfirmed = s_.clockConfirmed;
  a.adminName = trimmed(s_.adminName);
  a.adminPin = s_.pin;
  auto done = services_.createSite(a);
  wipe(a.adminPin);
  wipe(s_.pin);
  wipe(s_.pinAgain);
  if (!done.ok()) {
    s_.message = done.error().message;
    return;
  }
  s_.done = done.value();
  auto qr = qr::encode(s_.done->adminCardText, qr::Segments::kBytes);
  if (qr.ok()) s_.cardQr = qr.value();
  go(SetupStep::kCard);
}

void SetupWizard::next() {
  s_.message.clear();
  switch (s_.step) {
    case SetupStep::kIntro:
      go(SetupStep::kSite);
      return;
    case SetupStep::kSite: {
      s_.siteName = trimmed(s_.siteName);
      if (auto st = services_.checkSiteName(s_.siteName); !st.ok()) {
        s_.message = st.error().message;
        s_.focus = 0;
        return;
      }
      if (auto st = services_.checkOds(trimmed(s_.ods)); !st.ok()) {
        s_.message = st.error().message;
        s_.focus = 1;
        return;
      }
      go(SetupStep::kQueues);
      return;
    }
    case SetupStep::kQueues:
      if (auto st = services_.checkQueues(queueDefs()); !st.ok()) {
        s_.message = st.error().message;
        return;
      }
      go(SetupStep::kMatching);
      return;
    case SetupStep::kClock:
      s_.clockConfirmed = true;
      s_.clockWrong = false;
      go(SetupStep::kAdmin);
      return;
    case SetupStep::kAdmin:
      createSite();
      return;
    case SetupStep::kRecovery:
      go(SetupStep::kRecoveryConfirm);
      return;
    case SetupStep::kRecoveryConfirm: {
      // The last two groups of four: enough to show it was copied, not so much that it is a chore.
      std::string code = normalised(s_.done ? s_.done->recoveryCode : "");
      std::string typed = normalised(s_.recoveryTyped);
      if (code.size() < 8 || typed != code.substr(code.size() - 8)) {
        s_.message =
            "That is not the end of the recovery code. Look at what you wrote down: type its last "
            "two groups (8 characters).";
        wipe(s_.recoveryTyped);
        return;
      }
      wipe(s_.recoveryTyped);
      s_.recoveryHidden = true;
      go(SetupStep::kRecipient);
      return;
    }
    case SetupStep::kRecipient: {
      if (trimmed(s_.recipientText).empty() && trimmed(s_.recipientPath).empty()) {
        go(SetupStep::kDevices);  // nothing given: the same as Skip
        return;
      }
      auto id = trimmed(s_.recipientText).empty() ? services_.setRecipientFile(trimmed(s_.recipientPath))
                                                  : services_.setRecipientText(trimmed(s_.recipientText));
      if (!id.ok()) {
        s_.message = id.error().message;
        return;
      }
      s_.recipientKeyId = id.value();
      go(SetupStep::kDevices);
      s_.notice = "Batches will be sealed to key " + id.value() + ".";
      return;
    }
    case SetupStep::kDevices:
      go(SetupStep::kDone);
      return;
    case SetupStep::kDone:
      wipeSecrets();
      if (s_.done) wipe(s_.done->recoveryCode);
      finished_ = true;
      return;
    case SetupStep::kJoinCode:
    case SetupStep::kJoinRole:
      nextJoin();
      return;
    case SetupStep::kJoinDone:
      finished_ = true;
      return;
    default:
      go(static_cast<SetupStep>(static_cast<int>(s_.step) + 1));
  }
}

void SetupWizard::apply(const SetupIntent& in) {
  using K = SetupIntent::Kind;
  switch (in.kind) {
    case K::kNone:
      return;
    case K::kNext:
      next();
      return;
    case K::kBack:
      back();
      return;
    case K::kSkip:
      if (s_.step == SetupStep::kIntro) {  // "Join a site"
        go(SetupStep::kJoinCode);
      } else if (s_.step == SetupStep::kClock) {
        s_.clockConfirmed = false;
        go(SetupStep::kAdmin);
      } else if (s_.step == SetupStep::kRecipient) {
        go(SetupStep::kDevices);
      } else if (s_.step == SetupStep::kDevices) {
        go(SetupStep::kDone);
      }
      return;
    case K::kFocus:
      s_.focus = in.index;
      return;
    case K::kKey: {
      if (in.key.kind == KeyPress::Kind::kChar && in.key.ch == kCapsKey) {
        s_.caps = !s_.caps;
        return;
      }
      auto f = fields();
      if (s_.focus >= 0 && s_.focus < int(f.size())) applyFormKey(*f[size_t(s_.focus)], in.key, s_.caps);
      return;
    }
    case K::kChoose: {
      int v = std::atoi(in.value.c_str());
      if (s_.step == SetupStep::kMatching && in.index == 0) s_.matchBeforeMin = v;
      if (s_.step == SetupStep::kMatching && in.index == 1) s_.matchAfterMin = v;
      if (s_.step == SetupStep::kIdle) s_.idleTimeoutSeconds = v;
      if (s_.step == SetupStep::kScreen && in.index == 0) s_.screenSize = in.value;
      if (s_.step == SetupStep::kScreen && in.index == 1) s_.rotation = v;
      if (s_.step == SetupStep::kJoinRole) s_.joinRole = in.value;
      return;
    }
    case K::kAddQueue:
      if (s_.queues.size() < 6) s_.queues.push_back({"", "", "", ""});
      s_.queueSelected = int(s_.queues.size()) - 1;
      s_.focus = 0;
      return;
    case K::kRemoveQueue:
      if (s_.queues.size() > 1)
        s_.queues.erase(s_.queues.begin() + std::clamp(s_.queueSelected, 0, int(s_.queues.size()) - 1));
      s_.queueSelected = 0;
      s_.focus = 0;
      return;
    case K::kClockWrong:
      s_.clockWrong = true;
      s_.clockConfirmed = false;
      return;
    case K::kRecipientFile:
      s_.recipientText.clear();
      next();
      return;
    case K::kCheckDevices:
      s_.devices.clear();
      for (const char* k : {"camera.device", "scanner.device", "printer.device"})
        s_.devices.push_back(services_.checkDevice(k));
      s_.deviceSkipped.assign(s_.devices.size(), false);
      return;
    case K::kSelectQueue:
      s_.queueSelected = std::clamp(in.index, 0, int(s_.queues.size()) - 1);
      s_.focus = 1;
      return;
    case K::kSkipDevice:
      if (in.index >= 0 && in.index < int(s_.deviceSkipped.size())) s_.deviceSkipped[size_t(in.index)] = true;
      return;
  }
}

void SetupWizard::onText(std::string_view utf8) {
  auto f = fields();
  if (s_.focus < 0 || s_.focus >= int(f.size())) return;
  std::string& value = *f[size_t(s_.focus)];
  for (char c : utf8)
    if (static_cast<unsigned char>(c) >= 0x20 && value.size() < 4096) value += c;
}

void SetupWizard::onKey(Key k) {
  auto f = fields();
  switch (k) {
    case Key::kTab:
      if (!f.empty()) s_.focus = (s_.focus + 1) % int(f.size());
      return;
    case Key::kEnter:
      if (!f.empty() && s_.focus + 1 < int(f.size()))
        s_.focus++;
      else
        next();
      return;
    case Key::kBackspace:
    case Key::kDelete:
      if (s_.focus >= 0 && s_.focus < int(f.size())) popCodePoint(*f[size_t(s_.focus)]);
      return;
    case Key::kEscape:
      back();
      return;
    default:
      return;
  }
}

void SetupWizard::onScan(std::string_view text) {
  if (s_.step == SetupStep::kJoinCode) {
    s_.joinCode = std::string(text);
    next();
    return;
  }
  if (s_.step != SetupStep::kRecipient) return;
  s_.recipientText = std::string(text);
  s_.focus = 0;
}

void SetupWizard::wipeSecrets() {
  wipe(s_.pin);
  wipe(s_.pinAgain);
  wipe(s_.recoveryTyped);
  wipe(s_.joinCode);
}

}  // namespace longstop::ui::setup
