// The reception console with a hundred patients, drawn at 1280x800 and 800x480 with ImGui and no display,
// over the real desk services and a demo site's SQLite file: every button inside the screen, finger-sized
// and apart; every text inside the room it was given (nothing cut, as "URGENT Possible du" and
// "Reception - Demo Rec" were) and over no other; the call buttons in view above a list of thirty rows.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "service/demo_busy.h"
#include "service/kiosk.h"
#include "service/staff_desk.h"
#include "support/patient_screens.h"
#include "support/temp_dir.h"
#include "ui/staff/console.h"
#include "ui/staff/queue_list.h"
#include "ui/staff/staff_ui.h"

using namespace longstop;
using ui::staff::StaffScreen;
namespace intent = ui::staff::intent;

namespace {

struct BusyDesk {
  test::TempDir dir;
  core::ManualClock clock{testing::nineOClock()};
  std::unique_ptr<service::Kiosk> kiosk;
  std::unique_ptr<service::StaffDesk> desk;
  std::unique_ptr<ui::staff::StaffConsole> console;

  BusyDesk() {
    auto recovery = service::createDemoSite(dir / "site", clock);
    REQUIRE(recovery.ok());
    auto card = service::addDemoCard(dir / "site", clock, recovery.value());
    REQUIRE(card.ok());
    REQUIRE(service::addDemoCheckins(dir / "site", clock, recovery.value(), 100).ok());
    auto k = service::openKiosk(dir / "site", clock);
    REQUIRE(k.ok());
    kiosk = std::move(k.value());
    desk = std::make_unique<service::StaffDesk>(*kiosk, dir / "lists");
    console = std::make_unique<ui::staff::StaffConsole>(*desk, clock);
    console->open(card->cardText);
    console->onText(card->pin);
    console->apply(intent::SignIn{});
    REQUIRE(console->screen() == StaffScreen::kConsole);
  }
  void apply(const ui::staff::StaffIntent& in) { console->apply(in); }
};

bool overlap(ImVec2 amin, ImVec2 amax, ImVec2 bmin, ImVec2 bmax) {
  return amin.x < bmax.x - 0.5f && bmin.x < amax.x - 0.5f && amin.y < bmax.y - 0.5f && bmin.y < amax.y - 0.5f;
}

// The visible widgets of the frame just drawn, checked as the file's comment says.
void checkFrame(const ui::WidgetLog& log, int w, int h, const std::string& screen) {
  INFO(screen << " at " << w << "x" << h);
  std::vector<ui::WidgetRecord> buttons, texts;
  for (const auto& r : log.widgets()) {
    if (!r.visible) continue;
    (r.clickable ? buttons : texts).push_back(r);
  }
  CHECK(buttons.size() >= 1);
  for (const auto& b : buttons) {
    INFO("button '" << b.label << "' " << b.max.x - b.min.x << "x" << b.max.y - b.min.y << " at " << b.min.x
                    << "," << b.min.y << ", text " << b.textMin.x << "-" << b.textMax.x);
    CHECK(b.min.x >= 0);
    CHECK(b.min.y >= 0);
    CHECK(b.max.x <= w);
    CHECK(b.max.y <= h);
    CHECK(b.max.y - b.min.y >= 30.0f);     // a finger's press at the desk (WCAG 2.5.8 asks 24)
    CHECK(b.textMin.x >= b.min.x - 0.5f);  // the label inside its button
    CHECK(b.textMax.x <= b.max.x + 0.5f);
  }
  for (size_t i = 0; i < buttons.size(); ++i)
    for (size_t j = i + 1; j < buttons.size(); ++j) {
      INFO("'" << buttons[i].label << "' and '" << buttons[j].label << "'");
      CHECK_FALSE(overlap(buttons[i].min, buttons[i].max, buttons[j].min, buttons[j].max));
    }
  for (const auto& t : texts) {
    INFO("text '" << t.label << "' " << t.min.x << "-" << t.max.x << " in " << t.roomMin.x << "-"
                  << t.roomMax.x);
    CHECK(t.min.x >= 0);
    CHECK(t.max.x <= w);
    if (t.roomMax.x > t.roomMin.x) {
      CHECK(t.min.x >= t.roomMin.x - 0.5f);
      CHECK(t.max.x <= t.roomMax.x + 0.5f);
    }
    for (const auto& b : buttons) {
      // Inside a field or button is its content; partly over one is a clash.
      const bool inside =
          t.min.x >= b.min.x && t.max.x <= b.max.x && t.min.y >= b.min.y && t.max.y <= b.max.y;
      INFO("over button '" << b.label << "'");
      CHECK((inside || !overlap(t.min, t.max, b.min, b.max)));
    }
  }
  for (size_t i = 0; i < texts.size(); ++i)
    for (size_t j = i + 1; j < texts.size(); ++j) {
      INFO("'" << texts[i].label << "' and '" << texts[j].label << "'");
      CHECK_FALSE(overlap(texts[i].min, texts[i].max, texts[j].min, texts[j].max));
    }
}

int visibleRows(const ui::WidgetLog& log) {
  int n = 0;
  for (const auto& r : log.widgets())
    if (r.clickable && r.visible && r.label.size() == 4 && r.label[0] >= 'A' && r.label[0] <= 'Z' &&
        r.label.substr(1).find_first_not_of("0123456789") == std::string::npos)
      ++n;
  return n;
}

void checkConsole(int w, int h, int minRows) {
  BusyDesk d;
  testing::Headless imgui(w, h);
  REQUIRE(imgui.fontsLoaded);
  auto draw = [&] { imgui.drawWith([&] { d.console->frame(); }); };
  const auto& queues = d.desk->site().queues;
  for (size_t q = 0; q < queues.size(); ++q) {
    d.apply(intent::ShowQueue{static_cast<int>(q)});
    draw();
    draw();
    checkFrame(imgui.log, w, h, "console, " + queues[q].name);
    if (queues[q].id == "gp") {
      // Thirty and more GP patients, and every doctor's "Call next" in view above them.
      int gpActive = 0;
      for (const auto& e : d.console->state().entries)
        if (e.queueId == "gp" && !core::isFinal(e.state)) ++gpActive;
      CHECK(gpActive >= 30);
      for (const char* doctor : {"Dr Patel", "Dr Okafor", "Dr Nguyen"}) {
        bool shown = false;
        for (const auto& r : imgui.log.widgets())
          if (r.clickable && r.visible &&
              r.label.rfind(std::string("Call next for ") + doctor + " \u2192 ", 0) == 0)
            shown = r.max.y <= h;
        INFO(doctor);
        CHECK(shown);
      }
      CHECK(visibleRows(imgui.log) >= minRows);
    }
  }
  // Search: empty when opened, then a ticket typed as it is printed.
  d.apply(intent::OpenSearch{});
  draw();
  checkFrame(imgui.log, w, h, "search, empty");
  for (const char* typed : {"A0", "N0", "W0"}) {
    d.apply(intent::OpenSearch{});
    d.console->onText(typed);
    draw();
    CHECK_FALSE(d.console->state().results.empty());
    checkFrame(imgui.log, w, h, std::string("search ") + typed);
  }
  d.apply(intent::Back{});
  // One called patient, and the add-patient list.
  std::string called;
  for (const auto& e : d.console->state().entries)
    if (e.state == core::CheckinState::kCalled) called = e.recordId;
  REQUIRE_FALSE(called.empty());
  d.apply(intent::Open{called});
  draw();
  checkFrame(imgui.log, w, h, "a called patient");
  d.apply(intent::Back{});
  d.apply(intent::OpenAdd{});
  draw();
  checkFrame(imgui.log, w, h, "add patient");
  CHECK(d.console->state().due.size() >= 30);
  d.apply(intent::Back{});
  d.apply(intent::PickRoom{"", "gp"});
  draw();
  checkFrame(imgui.log, w, h, "whose room");
  d.apply(intent::PickRoom{"Dr Okafor", ""});
  draw();
  checkFrame(imgui.log, w, h, "which room");
  d.apply(intent::Back{});
  // The idle warning, 20 s before the sign-out.
  d.clock.advanceMs(180'000 - 20'000);
  draw();
  checkFrame(imgui.log, w, h, "idle warning");
  CHECK(imgui.log.findClickable(ui::staff::kStaySignedIn));
}

}  // namespace

TEST_CASE("the console with a hundred patients at 1280x800: nothing cut off or overlapping") {
  checkConsole(1280, 800, 8);
}

TEST_CASE("the console with a hundred patients at 800x480: nothing cut off or overlapping") {
  checkConsole(800, 480, 3);
}

TEST_CASE("a member of staff is warned before the idle sign-out and stays signed in with one tap") {
  BusyDesk d;
  testing::Headless imgui(1280, 800);
  auto draw = [&] { imgui.drawWith([&] { d.console->frame(); }); };
  d.clock.advanceMs(180'000 - ui::staff::kIdleWarningMs - 1'000);
  d.console->tick();  // the lists' refresh, no warning yet
  CHECK(d.console->idleSecondsLeft() == -1);
  draw();
  CHECK_FALSE(imgui.log.findClickable(ui::staff::kStaySignedIn));
  d.clock.advanceMs(2'000);  // 29 s left: the warning shows and counts down
  CHECK(d.console->tick());
  CHECK(d.console->idleSecondsLeft() == 29);
  draw();
  REQUIRE(imgui.log.findClickable(ui::staff::kStaySignedIn));
  bool said = false;
  for (const auto& r : imgui.log.widgets()) said = said || r.label == ui::staff::idleWarning(29);
  CHECK(said);
  d.clock.advanceMs(1'000);
  CHECK(d.console->tick());  // a frame for the next second
  d.apply(intent::StaySignedIn{});
  CHECK(d.console->idleSecondsLeft() == -1);
  // Past the time the sign-out would have come, still signed in, on the same screen.
  d.clock.advanceMs(60'000);
  d.console->tick();
  CHECK(d.console->signedIn());
  CHECK(d.console->screen() == StaffScreen::kConsole);
  // And without the tap, the sign-out comes.
  d.clock.advanceMs(180'000);
  CHECK(d.console->tick());
  CHECK_FALSE(d.console->signedIn());
}

TEST_CASE("on a screen wide enough for them, the queues stand side by side with no tabs") {
  BusyDesk d;
  testing::Headless imgui(2560, 800);
  imgui.drawWith([&] { d.console->frame(); });
  imgui.drawWith([&] { d.console->frame(); });
  checkFrame(imgui.log, 2560, 800, "console, side by side");
  int headings = 0, tabs = 0;
  for (const auto& r : imgui.log.widgets()) {
    const bool named = r.label.find(" waiting") != std::string::npos;
    if (named && !r.clickable) ++headings;
    if (named && r.clickable) ++tabs;
  }
  CHECK(headings == 3);
  CHECK(tabs == 0);
  // Every clinician's call button and the walk-in queue's, all in view at once.
  int calls = 0;
  for (const auto& r : imgui.log.widgets())
    if (r.clickable && r.visible && r.label.rfind("Call next", 0) == 0) ++calls;
  CHECK(calls == 5);
}
