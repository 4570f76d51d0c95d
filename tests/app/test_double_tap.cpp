// A second tap 150 ms after the first, as a hurried or shaky finger gives, must not press what the first
// tap brought up. The taps are real SDL mouse and touch events (SDL_PushEvent) taken by the kiosk's own
// event path on the offscreen driver; time is the test's clock. The check-ins are read from the site's
// SQLite file itself.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <sqlite3.h>

#include <memory>
#include <string>

#include "app/kiosk_app.h"
#include "app/script.h"
#include "app/script_runner.h"
#include "service/kiosk.h"
#include "support/temp_dir.h"

using namespace longstop;

namespace {

enum class Input { kMouse, kTouch };

// 2026-11-29 09:00 UTC: the demo site's appointments are made around it.
constexpr int64_t kStartMs = 1795942800000;

class Kiosk {
 public:
  explicit Kiosk(Input input) : input_(input) {
    REQUIRE(service::createDemoSite(dir_ / "site", clock_).ok());
    app::AppOptions o;
    o.dataDir = dir_ / "site";
    o.display = {1280, 800, true, false, "", 0};
    auto opened = app::KioskApp::open(o, clock_);
    REQUIRE(opened.ok());
    app_ = std::move(opened.value());
    runner_ = std::make_unique<app::ScriptRunner>(*app_, clock_);
  }

  app::KioskApp& app() { return *app_; }
  const ui::FlowState& flow() { return app_->flow().state(); }

  /// Runs script lines (taps through the script's own pointer) to reach the screen under test.
  void script(const char* text) {
    auto parsed = app::parseScript(text);
    REQUIRE_FALSE(parsed.error);
    const std::string failure = runner_->run(parsed.commands, "setup");
    INFO(failure);
    REQUIRE(failure.empty());
  }

  /// A point on the visible button labelled `label`: `fx`, `fy` of the way across and down (the centre
  /// by default; a finger lands anywhere on it).
  ImVec2 at(const std::string& label, float fx = 0.5f, float fy = 0.5f) {
    app_->frame();
    const ui::WidgetRecord* w = app_->widgets().findClickable(label);
    INFO(label);
    REQUIRE(w);
    return ImVec2(w->min.x + (w->max.x - w->min.x) * fx, w->min.y + (w->max.y - w->min.y) * fy);
  }
  /// True when `p` lies on the visible button labelled `label`.
  bool on(const std::string& label, ImVec2 p) {
    app_->frame();
    const ui::WidgetRecord* w = app_->widgets().findClickable(label);
    return w && p.x >= w->min.x && p.x <= w->max.x && p.y >= w->min.y && p.y <= w->max.y;
  }

  /// One press and release at `p`, held `holdMs`, as SDL events taken by the kiosk's event loop.
  void tap(ImVec2 p, int64_t holdMs = 60) {
    push(p, true);
    clock_.advanceMs(holdMs);
    push(p, false);
  }

  /// A press at `p` that stays down, and its release.
  void hold(ImVec2 p) { push(p, true); }
  void lift(ImVec2 p) { push(p, false); }

  /// Two taps at `p`, the second starting `gapMs` after the first began: a double tap.
  void doubleTap(ImVec2 p, int64_t gapMs = 150) {
    tap(p);
    clock_.advanceMs(gapMs - 60);
    tap(p);
    settle();
  }

  /// Lets a second pass, drawing frames, so whatever the taps did has shown.
  void settle() {
    clock_.advanceMs(1000);
    app_->frame();
    app_->frame();
  }

  /// The answer of a one-value query on the site's database file.
  std::string sql(const char* query) {
    sqlite3* db = nullptr;
    const std::string path = (dir_ / "site" / "longstop.db").string();
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, query, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* v = sqlite3_column_text(st, 0);
      out = v ? reinterpret_cast<const char*>(v) : "";
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
  }

 private:
  void push(ImVec2 p, bool down) {
    SDL_Event e{};
    if (input_ == Input::kMouse) {
      e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
      e.button.button = SDL_BUTTON_LEFT;
      e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
      e.button.clicks = 1;
      e.button.x = static_cast<Sint32>(p.x);
      e.button.y = static_cast<Sint32>(p.y);
    } else {
      e.type = down ? SDL_FINGERDOWN : SDL_FINGERUP;
      e.tfinger.touchId = 1;
      e.tfinger.fingerId = 7;
      e.tfinger.x = p.x / static_cast<float>(app_->display().panelWidth());
      e.tfinger.y = p.y / static_cast<float>(app_->display().panelHeight());
      e.tfinger.pressure = down ? 1.0f : 0.0f;
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

// The demo's appointment D001: born 7 March 1984, surname S..., female.
constexpr const char* kToConfirm = R"(tap "Check in"
tap "Yes, I have an appointment"
type "07031984"
tap "Next"
tap "S"
tap "Female"
)";

const char* name(Input in) {
  return in == Input::kMouse ? "mouse" : "touch";
}

}  // namespace

TEST_CASE("a double tap on \"Yes, check me in\" does not answer the safety question: no urgent check-in") {
  const Input input = GENERATE(Input::kMouse, Input::kTouch);
  INFO(name(input));
  Kiosk k(input);
  k.script(kToConfirm);
  REQUIRE(k.flow().screen == ui::Screen::kConfirm);
  k.settle();
  // Left of centre and low on the button, where "Yes, I need help now" appears next.
  const ImVec2 p = k.at("Yes, check me in", 0.3f, 0.7f);
  k.doubleTap(p);
  CHECK(k.sql("SELECT count(*) FROM checkins WHERE priority = 'urgent'") == "0");
  CHECK(k.sql("SELECT count(*) FROM events WHERE kind = 'urgent-alert'") == "0");
  CHECK(k.sql("SELECT count(*) FROM checkins") == "0");
  REQUIRE(k.flow().screen == ui::Screen::kSafety);
  REQUIRE(k.on("Yes, I need help now", p));  // the second tap was where it would have answered "yes"
  // A deliberate tap once the question has been seen is taken: the gate does not swallow answers.
  k.tap(k.at("No"));
  k.settle();
  CHECK(k.flow().screen == ui::Screen::kTicket);
  CHECK(k.sql("SELECT priority FROM checkins") == "normal");
  CHECK(k.sql("SELECT count(*) FROM events WHERE kind = 'urgent-alert'") == "0");
}

TEST_CASE("a double tap on Welcome's \"Check in\" does not open the walk-in questions") {
  const Input input = GENERATE(Input::kMouse, Input::kTouch);
  INFO(name(input));
  Kiosk k(input);
  k.app().frame();
  k.doubleTap(k.at("Check in"));
  CHECK(k.flow().screen == ui::Screen::kHasAppointment);
}

TEST_CASE("a double tap on the date of birth's \"Next\" does not pick a surname initial") {
  const Input input = GENERATE(Input::kMouse, Input::kTouch);
  INFO(name(input));
  Kiosk k(input);
  k.script("tap \"Check in\"\ntap \"Yes, I have an appointment\"\ntype \"07031984\"\n");
  k.settle();
  k.doubleTap(k.at("Next"));
  CHECK(k.flow().screen == ui::Screen::kDetails);
  CHECK(k.flow().details.step == ui::DetailsState::Step::kInitial);
  CHECK_FALSE(k.flow().details.initial.has_value());
}

TEST_CASE("a double tap on the ticket's \"Done\" does not turn on larger text for the next person") {
  const Input input = GENERATE(Input::kMouse, Input::kTouch);
  INFO(name(input));
  Kiosk k(input);
  k.script(kToConfirm);
  k.script("tap \"Yes, check me in\"\ntap \"No\"\nexpect \"Your number is\"\n");
  k.settle();
  k.doubleTap(k.at("Done"));
  CHECK(k.flow().screen == ui::Screen::kWelcome);
  CHECK_FALSE(k.flow().largerText);
  CHECK_FALSE(k.flow().highContrast);
}

TEST_CASE("a press held while the screen changes presses nothing on the new screen when it lifts") {
  const Input input = GENERATE(Input::kMouse, Input::kTouch);
  INFO(name(input));
  Kiosk k(input);
  k.script(kToConfirm);
  // The finger goes down on "Back" and stays there while a scanned appointment code moves the kiosk on
  // to the safety question, whose "Back" is in the same place. Lifting it, long after, must not press it.
  k.settle();
  k.hold(k.at("Back"));
  k.app().onScan(std::string("LSA1:") + k.app().kiosk().siteData().info().odsCode +
                 ":D001:" + k.app().kiosk().siteData().appointmentCodeMac("D001"));
  k.settle();
  REQUIRE(k.flow().screen == ui::Screen::kSafety);
  k.lift(k.at("Back"));
  k.settle();
  CHECK(k.flow().screen == ui::Screen::kSafety);
  // Pressed afresh, it works.
  k.tap(k.at("Back"));
  k.settle();
  CHECK(k.flow().screen != ui::Screen::kSafety);
}

TEST_CASE(
    "\"I need more time\" in the top bar keeps the answers: its release does not press the Start again "
    "beneath") {
  const Input input = GENERATE(Input::kMouse, Input::kTouch);
  INFO(name(input));
  Kiosk k(input);
  k.script("tap \"Check in\"\ntap \"No, I'm a walk-in\"\ntype \"Zebedee\"\n");
  k.script("wait 37s\nexpect \"Starting again in\"\n");  // the countdown has the bar, Start again is gone
  REQUIRE_FALSE(k.app().widgets().findClickable("Start again"));
  const ImVec2 p = k.at("I need more time");
  k.tap(p, 120);
  k.settle();
  CHECK(k.flow().screen == ui::Screen::kWalkIn);
  CHECK(k.flow().walkIn.surname == "Zebedee");
  CHECK_FALSE(k.app().flow().countdownShowing());
}
