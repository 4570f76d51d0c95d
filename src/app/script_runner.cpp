#include "app/script_runner.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "core/payload.h"
#include "service/staff.h"
#include "ui/input.h"

namespace longstop::app {
namespace {
// A wait advances the clock in steps no longer than this, drawing a frame each, so the countdown and
// the idle reset happen as they would in real time.
constexpr int64_t kWaitStepMs = 500;

std::string visibleSummary(const ui::WidgetLog& log) {
  std::string d = log.describe();
  if (d.size() > 2000) d = d.substr(0, 2000) + "  ...\n";
  return d.empty() ? "" : "\n  on screen:\n" + d;
}
}  // namespace

std::string ScriptRunner::run(const std::vector<ScriptCommand>& commands, const std::string& scriptName) {
  app_.frame();  // so the first command sees a drawn screen
  for (const auto& c : commands) {
    std::string why = runOne(c);
    // $LAST_TICKET: the LST1 code of the last ticket shown, for scripts that scan it back.
    if (const auto& t = app_.flow().state().ticket) variables_["LAST_TICKET"] = t->qrText;
    if (!why.empty()) {
      std::string arg = c.kind == ScriptCommand::Kind::kWait || c.kind == ScriptCommand::Kind::kKey ||
                                c.kind == ScriptCommand::Kind::kScreenshot
                            ? c.text
                            : "\"" + c.text + "\"";
      return scriptName + ":" + std::to_string(c.line) + ": " + std::string(commandName(c.kind)) + " " + arg +
             ": " + why;
    }
  }
  return "";
}

std::string ScriptRunner::substitute(const std::string& text) const {
  std::string out = text;
  // $CODE(<appointment-id>): that appointment's LSA1 code, as `longstopctl appointment-codes` prints it.
  for (size_t at = out.find("$CODE("); at != std::string::npos; at = out.find("$CODE(", at)) {
    size_t close = out.find(')', at);
    if (close == std::string::npos) break;
    std::string id = out.substr(at + 6, close - at - 6);
    service::Site& site = app_.kiosk().siteData();
    // A locked kiosk has no ticket key to make the MAC with; a code it cannot check stands in.
    const std::string mac = site.unlocked() ? site.appointmentCodeMac(id) : "00000000";
    std::string code = core::formatCode(core::AppointmentCode{site.info().odsCode, id, mac});
    out.replace(at, close + 1 - at, code);
    at += code.size();
  }
  for (const auto& [name, value] : variables_) {
    const std::string key = "$" + name;
    for (size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
      out.replace(at, key.size(), value);
  }
  return out;
}

std::string ScriptRunner::runOne(const ScriptCommand& command) {
  using Kind = ScriptCommand::Kind;
  ScriptCommand c = command;
  c.text = substitute(c.text);
  switch (c.kind) {
    case Kind::kTap:
      return tap(c.text);
    case Kind::kType:
      app_.onText(c.text);
      break;
    case Kind::kKey: {
      if (auto kp = ui::parseKeypadName(c.text)) {
        // As the real loop: the keypad's key, then the frame that acts on it, then the one it led to.
        if (!app_.onKeypad(kp->first, kp->second)) return "the keypad key was not used on this screen";
        app_.frame();
        break;
      }
      auto k = ui::parseKeyName(c.text);
      if (!k)
        return "unknown key (Enter, Backspace, Escape, Tab, Delete, Space, Left, Right, Up, Down, KP_0 to "
               "KP_9, KP_Enter, KP_Minus, KP_Backspace)";
      app_.onKey(*k);
      break;
    }
    case Kind::kScan:
      app_.onScan(c.text);
      break;
    case Kind::kWait:
      wait(c.waitMs);
      return "";
    case Kind::kExpect:
      app_.frame();
      return app_.widgets().showsText(c.text) ? "" : "not visible" + visibleSummary(app_.widgets());
    case Kind::kExpectNot:
      app_.frame();
      return app_.widgets().showsText(c.text) ? "visible, but should not be" : "";
    case Kind::kHold:
      return hold(c.text, c.waitMs);
    case Kind::kAwait:
      return awaitText(c.text, c.waitMs);
    case Kind::kWalkWidgets:
      return walkWidgets(c.waitMs);
    case Kind::kExpectPicture:
      return expectPicture();
    case Kind::kExpectNoPicture:
      app_.frame();
      return app_.holdsCameraPicture() || app_.flow().cameraPictureDrawn().width() > 0
                 ? "a camera picture is held"
                 : "";
    case Kind::kTestRevokeCard: {
      // The card's staff ID is the field after LSS1: (test scripts pass $DEMO_CARD).
      std::string id = core::claimedPayloadKind(c.text) == core::PayloadKind::kStaffCard
                           ? c.text.substr(5, 6)
                           : c.text.substr(0, 6);
      auto admin = service::recoverySession(app_.kiosk().siteData(), app_.testRecoveryCode());
      if (!admin.ok()) return admin.error().message;
      auto s = service::revokeStaff(app_.kiosk().siteData(), *admin.value(), id);
      return s.ok() ? "" : s.error().message;
    }
    case Kind::kScreenshot: {
      auto s = app_.screenshot(c.text);
      return s.ok() ? "" : s.error().message;
    }
  }
  app_.frame();
  return "";
}

std::string ScriptRunner::tap(const std::string& label) {
  const ui::WidgetRecord* w = app_.widgets().findClickable(label);
  if (!w) {
    app_.frame();
    w = app_.widgets().findClickable(label);
  }
  if (!w) return "no visible button or field with that label" + visibleSummary(app_.widgets());
  if (!w->enabled) return "the button is disabled";
  ImVec2 at = w->centre();
  settle();
  app_.noteActivity();
  app_.frame(Pointer{at, false});  // hover
  app_.frame(Pointer{at, true});   // press
  app_.frame(Pointer{at, false});  // release: the press is applied in this frame
  app_.frame(Pointer{at, false});  // the screen it led to
  return "";
}

std::string ScriptRunner::hold(const std::string& label, int64_t ms) {
  const ui::WidgetRecord* w = app_.widgets().findClickable(label);
  if (!w) {
    app_.frame();
    w = app_.widgets().findClickable(label);
  }
  if (!w) return "no visible button or field with that label" + visibleSummary(app_.widgets());
  ImVec2 at = w->centre();
  settle();
  app_.noteActivity();
  app_.frame(Pointer{at, false});
  app_.frame(Pointer{at, true});
  // Held down while the clock moves on, a frame every 100 ms as the real loop draws them.
  for (int64_t left = ms; left > 0; left -= 100) {
    clock_.advanceMs(std::min<int64_t>(left, 100));
    app_.frame(Pointer{at, true});
  }
  app_.frame(Pointer{at, false});
  app_.frame(Pointer{at, false});
  return "";
}

// Breadth first from Welcome: every clickable widget on every screen reached by taps, each path replayed
// from a fresh Welcome, screens already seen (the same labels) not explored again. Any tap that shows a
// staff screen fails the walk: nothing a patient can tap may open one.
std::string ScriptRunner::walkWidgets(int64_t maxTaps) {
  auto screenKey = [&]() {
    std::string key;
    for (const auto& w : app_.widgets().widgets())
      if (w.clickable && w.visible) key += w.label + "\n";
    return key;
  };
  auto restart = [&]() {
    app_.flow().reset(false);
    clock_.advanceMs(4000);  // past the scan debouncer and any double-tap
    app_.frame();
  };
  std::vector<std::vector<std::string>> queue{{}};
  std::set<std::string> seen;
  int64_t taps = 0;
  for (size_t i = 0; i < queue.size() && taps < maxTaps; ++i) {
    restart();
    const auto path = queue[i];
    bool ok = true;
    for (const auto& label : path) {
      if (!tap(label).empty()) {
        ok = false;
        break;
      }
      ++taps;
      if (app_.staff().active()) {
        std::string trail;
        for (const auto& l : path) trail += " -> " + l;
        return "a patient's taps reached a staff screen:" + trail;
      }
    }
    if (!ok) continue;
    app_.frame();
    if (!seen.insert(screenKey()).second) continue;
    for (const auto& w : app_.widgets().widgets()) {
      if (!w.clickable || !w.visible || !w.enabled) continue;
      auto next = path;
      next.push_back(w.label);
      queue.push_back(std::move(next));
    }
  }
  restart();
  return taps == 0 ? "nothing to tap" : "";
}

// The camera runs on its own thread in real time, so this waits in real time (the app's clock stays
// still) until a frame shows the camera's picture. The picture must not be one flat colour: the strips
// left and right of the guide square are sampled from the captured pixels.
std::string ScriptRunner::expectPicture() {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  Image image;
  for (;;) {
    app_.frame(std::nullopt, &image);
    const ui::Rect at = app_.flow().cameraPictureDrawn();
    if (at.width() > 0 && image.width > 0) {
      int lo = 255, hi = 0;
      for (float side : {0.04f, 0.84f}) {
        const int x0 = static_cast<int>(at.min.x + at.width() * side);
        const int x1 = static_cast<int>(at.min.x + at.width() * (side + 0.12f));
        for (int y = static_cast<int>(at.min.y + at.height() * 0.1f); y < at.min.y + at.height() * 0.9f; ++y)
          for (int x = x0; x < x1; ++x) {
            if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
            const int v = image.rgba[(static_cast<size_t>(y) * image.width + x) * 4];
            lo = std::min(lo, v);
            hi = std::max(hi, v);
          }
      }
      if (hi - lo >= 40) return "";
      return "the camera picture is drawn but flat (levels " + std::to_string(lo) + " to " +
             std::to_string(hi) + ")";
    }
    if (std::chrono::steady_clock::now() > until)
      return app_.flow().screen() == ui::Screen::kScan ? "no camera picture within 5 s"
                                                       : "the scan screen is not showing";
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// What another process does (a peer's check-in replicated here) arrives in real time on threads of
// the app's own, so this waits in real time with the app's clock still, ticking and drawing as the real
// loop would, until the text shows; only the limit (failure) depends on how busy the machine is.
std::string ScriptRunner::awaitText(const std::string& text, int64_t ms) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  for (;;) {
    (void)app_.tick();
    app_.frame();
    if (app_.widgets().showsText(text)) return "";
    if (std::chrono::steady_clock::now() > until)
      return "not visible within " + std::to_string(ms / 1000) + " s" + visibleSummary(app_.widgets());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// A person looks at a new screen before tapping it; a tap sooner than the touch gate allows would be
// refused (as a double tap is), so a script's tap lets that much time pass first.
void ScriptRunner::settle() {
  if (int64_t left = app_.msUntilTapsTaken(); left > 0) {
    clock_.advanceMs(left);
    app_.frame();
  }
}

void ScriptRunner::wait(int64_t ms) {
  while (ms > 0) {
    int64_t step = std::min(ms, kWaitStepMs);
    settleExportWork();
    clock_.advanceMs(step);
    ms -= step;
    if (service::WorkGate* gate = app_.TEST_workGate()) gate->advance(step);
    settleExportWork();
    (void)app_.tick();
    app_.frame();
  }
}

// Export work runs on its own thread. With --test-work-pace it steps on the script's clock (it parks
// after each report until the gate lets it go on); without, it is given as long as it needs. Either way
// the screen is looked at only once the work stands still, so a busy machine cannot make a script see
// an earlier stage than an idle one would.
void ScriptRunner::settleExportWork() {
  // A job stuck this long is left to the next expect to report, rather than hanging the script.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  const service::WorkGate* gate = app_.TEST_workGate();
  while (app_.exportWorkRunning() && !(gate && gate->parked()) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

}  // namespace longstop::app
