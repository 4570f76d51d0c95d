// The reception console's list scrolls when a finger or the mouse drags it, and a drag that began on a
// patient's ticket does not open that patient; a tap still does. Real SDL mouse and touch events through
// the kiosk's event loop, on a demo site with a hundred check-ins in its SQLite file; the test's clock.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <memory>
#include <string>

#include "app/kiosk_app.h"
#include "app/script.h"
#include "app/script_runner.h"
#include "service/demo_busy.h"
#include "service/kiosk.h"
#include "service/staff_desk.h"
#include "support/temp_dir.h"
#include "ui/staff/staff_ui.h"

using namespace longstop;

namespace {

enum class Input { kMouse, kTouch };

// 2026-11-29 09:00 UTC.
constexpr int64_t kStartMs = 1795942800000;

class Desk {
 public:
  explicit Desk(Input input) : input_(input) {
    auto recovery = service::createDemoSite(dir_ / "site", clock_);
    REQUIRE(recovery.ok());
    auto card = service::addDemoCard(dir_ / "site", clock_, recovery.value());
    REQUIRE(card.ok());
    REQUIRE(service::addDemoCheckins(dir_ / "site", clock_, recovery.value(), 100).ok());
    app::AppOptions o;
    o.dataDir = dir_ / "site";
    o.display = {1280, 800, true, false, "", 0};
    auto opened = app::KioskApp::open(o, clock_);
    REQUIRE(opened.ok());
    app_ = std::move(opened.value());
    runner_ = std::make_unique<app::ScriptRunner>(*app_, clock_);
    runner_->setVariable("DEMO_CARD", card->cardText);
    runner_->setVariable("DEMO_PIN", card->pin);
    auto parsed = app::parseScript("scan \"$DEMO_CARD\"\ntype \"$DEMO_PIN\"\ntap \"Sign in\"\n");
    REQUIRE_FALSE(parsed.error);
    const std::string failure = runner_->run(parsed.commands, "sign in");
    INFO(failure);
    REQUIRE(failure.empty());
    REQUIRE(app_->staff().screen() == ui::staff::StaffScreen::kConsole);
    // The GP list, the longest (the console opens on the urgent walk-in's).
    app_->staff().apply(ui::staff::intent::ShowQueue{0});
    settle();
  }

  const ui::WidgetRecord* visible(const std::string& label) {
    const ui::WidgetRecord* w = app_->widgets().findClickable(label);
    return w && w->visible ? w : nullptr;
  }
  ui::staff::StaffScreen screen() { return app_->staff().screen(); }

  void settle() {
    clock_.advanceMs(1000);
    app_->frame();
    app_->frame();
  }
  /// Presses at `from`, moves to `to` in `steps` steps (a frame each), and lifts there.
  void drag(ImVec2 from, ImVec2 to, int steps = 8) {
    push(SDL_MOUSEBUTTONDOWN, from);
    for (int i = 1; i <= steps; ++i) {
      clock_.advanceMs(16);
      const float f = float(i) / float(steps);
      push(SDL_MOUSEMOTION, ImVec2(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f));
      app_->frame();
    }
    push(SDL_MOUSEBUTTONUP, to);
    app_->frame();
  }
  void tap(ImVec2 p) {
    push(SDL_MOUSEBUTTONDOWN, p);
    clock_.advanceMs(60);
    push(SDL_MOUSEBUTTONUP, p);
    app_->frame();
  }

 private:
  void push(Uint32 mouseType, ImVec2 p) {
    SDL_Event e{};
    if (input_ == Input::kMouse) {
      e.type = mouseType;
      if (mouseType == SDL_MOUSEMOTION) {
        e.motion.state = SDL_BUTTON_LMASK;
        e.motion.x = static_cast<Sint32>(p.x);
        e.motion.y = static_cast<Sint32>(p.y);
      } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = mouseType == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = static_cast<Sint32>(p.x);
        e.button.y = static_cast<Sint32>(p.y);
      }
    } else {
      e.type = mouseType == SDL_MOUSEBUTTONDOWN ? SDL_FINGERDOWN
               : mouseType == SDL_MOUSEBUTTONUP ? SDL_FINGERUP
                                                : SDL_FINGERMOTION;
      e.tfinger.touchId = 1;
      e.tfinger.fingerId = 7;
      e.tfinger.x = p.x / static_cast<float>(app_->display().panelWidth());
      e.tfinger.y = p.y / static_cast<float>(app_->display().panelHeight());
      e.tfinger.pressure = e.type == SDL_FINGERUP ? 0.0f : 1.0f;
    }
    REQUIRE(SDL_PushEvent(&e) == 1);
    app_->TEST_pumpEvents();
  }

  test::TempDir dir_;
  core::ManualClock clock_{core::Instant{kStartMs, 0}};
  Input input_;
  std::unique_ptr<app::KioskApp> app_;
  std::unique_ptr<app::ScriptRunner> runner_;
};

}  // namespace

TEST_CASE("the console's list scrolls by dragging, and a drag that starts on a ticket opens nobody") {
  const Input input = GENERATE(Input::kMouse, Input::kTouch);
  INFO((input == Input::kMouse ? "mouse" : "touch"));
  Desk d(input);
  // A0xx tickets of the GP list: the 20th is below the fold before the drag.
  const ui::WidgetRecord* start = d.visible("A016");
  REQUIRE(start);
  const ImVec2 from(start->centre());
  REQUIRE_FALSE(d.visible("A045"));
  const float before = start->min.y;
  d.drag(from, ImVec2(from.x, from.y - 300));
  d.settle();
  CHECK(d.screen() == ui::staff::StaffScreen::kConsole);  // the press that dragged opened no one
  const ui::WidgetRecord* after = d.visible("A016");
  const float moved = after ? before - after->min.y : 1e9f;
  INFO("A016 moved up by " << moved);
  // It moved with the finger (less the small travel before a drag counts as one), or off the top.
  CHECK((after == nullptr || (moved > 200 && moved <= 300)));
  CHECK(d.visible("A045") == nullptr);  // 300 px is about seven rows, not thirty
  // Dragging back down brings A016 back under the finger's start.
  d.drag(ImVec2(from.x, from.y - 100), ImVec2(from.x, from.y + 250));
  d.settle();
  REQUIRE(d.visible("A016"));
  // And a tap (no travel) on a ticket still opens the patient.
  d.tap(d.visible("A016")->centre());
  d.settle();
  CHECK(d.screen() == ui::staff::StaffScreen::kPatient);
}
