// Layout of every patient screen, drawn with ImGui but no display (a context, a display size, a built
// font atlas): touch targets at least 15 mm on the 10.1" 1280x800 panel, and at both 1280x800 and
// 800x480 every button inside the screen and no two overlapping.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include <imgui.h>

#include "support/fake_kiosk_services.h"
#include "support/layout_checks.h"
#include "support/patient_screens.h"
#include "ui/patient_flow.h"
#include "ui/theme.h"
#include "ui/widgets.h"

using namespace longstop;
using namespace longstop::ui;
using testing::FakeKioskServices;
using testing::Headless;

namespace {
// 15 mm at the 10.1" 1280x800 panel's 149.4 DPI.
constexpr float kFifteenMmPx = 15.0f / 25.4f * 149.4f;

bool overlap(const WidgetRecord& a, const WidgetRecord& b) {
  return a.min.x < b.max.x - 0.5f && b.min.x < a.max.x - 0.5f && a.min.y < b.max.y - 0.5f &&
         b.min.y < a.max.y - 0.5f;
}

void checkScreens(int w, int h, float minTarget, bool larger) {
  Headless imgui(w, h);
  for (const auto& [name, steps, answer] : testing::patientScreens()) {
    FakeKioskServices services;
    services.answer = answer.value_or(FakeKioskServices::oneMatch());
    core::ManualClock clock(testing::nineOClock());
    PatientFlow f(services, clock);
    if (larger) f.apply(WelcomeIntent::kToggleLargerText);
    for (const auto& s : steps) s(f);
    imgui.draw(f);
    std::vector<WidgetRecord> buttons;
    for (const auto& wr : imgui.log.widgets())
      if (wr.clickable) buttons.push_back(wr);
    INFO(name << " at " << w << "x" << h << (larger ? " with larger text" : ""));
    CHECK(buttons.size() >= 1);
    for (const auto& b : buttons) {
      INFO("'" << b.label << "' " << b.max.x - b.min.x << "x" << b.max.y - b.min.y << " at " << b.min.x << ","
               << b.min.y);
      CHECK(b.min.x >= 0);
      CHECK(b.min.y >= 0);
      CHECK(b.max.x <= w);
      CHECK(b.max.y <= h);
      CHECK(b.max.x - b.min.x >= minTarget);
      CHECK(b.max.y - b.min.y >= minTarget);
    }
    for (size_t i = 0; i < buttons.size(); ++i)
      for (size_t j = i + 1; j < buttons.size(); ++j) {
        INFO("'" << buttons[i].label << "' and '" << buttons[j].label << "'");
        CHECK_FALSE(overlap(buttons[i], buttons[j]));
      }
  }
}
}  // namespace

TEST_CASE("1280x800: every touch target is at least 15 mm, inside the screen, not overlapping") {
  checkScreens(1280, 800, kFifteenMmPx, false);
  checkScreens(1280, 800, kFifteenMmPx, true);
}

TEST_CASE("800x480: every touch target fits the screen without overlapping, and stays finger-sized") {
  checkScreens(800, 480, 60.0f, false);
  checkScreens(800, 480, 60.0f, true);
}

TEST_CASE("the scan screen tells patients the camera is not working only when a configured one is missing") {
  Headless imgui(1280, 800);
  auto sentence = [&](const CameraView& view) {
    FakeKioskServices services;
    core::ManualClock clock(testing::nineOClock());
    PatientFlow f(services, clock);
    for (const auto& [name, steps, answer] : testing::patientScreens())
      if (name == "scan")
        for (const auto& s : steps) s(f);
    f.setCamera(view);
    imgui.draw(f);
    bool shown = false, howTo = false;
    for (const auto& wr : imgui.log.widgets()) {
      shown = shown || wr.label.find("The camera is not working") != std::string::npos;
      howTo = howTo || wr.label.find("Use the code from your appointment letter") != std::string::npos;
    }
    CHECK(howTo);
    return shown;
  };
  CHECK(sentence(CameraView{.available = false, .faulty = true}));
  CHECK_FALSE(sentence(CameraView{}));  // a hand scanner only: nothing is broken
}

TEST_CASE(
    "every patient screen, with the idle countdown showing too: no text cut or covered, at both sizes") {
  for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{800, 480}})
    for (bool larger : {false, true})
      for (bool countdown : {false, true}) {
        Headless imgui(w, h);
        for (const auto& [name, steps, answer] : testing::patientScreens()) {
          FakeKioskServices services;
          services.answer = answer.value_or(FakeKioskServices::oneMatch());
          core::ManualClock clock(testing::nineOClock());
          PatientFlow f(services, clock);
          if (larger) f.apply(WelcomeIntent::kToggleLargerText);
          for (const auto& s : steps) s(f);
          if (countdown) {
            clock.advanceMs((services.site().idleTimeoutSeconds - 8) * 1000);
            (void)f.tick();
          }
          imgui.draw(f);
          INFO(name << " at " << w << "x" << h << (larger ? ", larger text" : "")
                    << (countdown ? ", with the countdown" : ""));
          if (countdown && name != "welcome" && name != "ticket" && name != "ticket urgent")
            CHECK(f.countdownSeconds().has_value());
          for (const auto& p : testing::layoutProblems(imgui.log, ImVec2(float(w), float(h)))) FAIL_CHECK(p);
        }
      }
}

TEST_CASE("the question is never smaller than the answers' text, larger text included, at 800x480") {
  for (bool larger : {false, true}) {
    Headless imgui(800, 480);
    for (const auto& [name, steps, answer] : testing::patientScreens()) {
      if (name != "date of birth" && name != "safety" && name != "have appointment") continue;
      FakeKioskServices services;
      services.answer = answer.value_or(FakeKioskServices::oneMatch());
      core::ManualClock clock(testing::nineOClock());
      PatientFlow f(services, clock);
      if (larger) f.apply(WelcomeIntent::kToggleLargerText);
      for (const auto& s : steps) s(f);
      imgui.draw(f);
      const Theme& t = theme();
      const char* question = name == "date of birth"      ? "What is your date of birth?"
                             : name == "have appointment" ? "Do you have an appointment today?"
                                                          : "Before we finish: one important question";
      bool found = false;
      for (const auto& wr : imgui.log.widgets())
        if (wr.label == question) {
          found = true;
          INFO(name << (larger ? ", larger text" : "") << ": heading drawn at "
                    << wr.textScale * t.heading()->FontSize << " px, buttons' text " << t.body()->FontSize
                    << " px");
          CHECK(wr.textScale * t.heading()->FontSize >= t.body()->FontSize - 0.01f);
        }
      INFO(name);
      CHECK(found);
    }
  }
}

namespace {
// Each patient screen drawn once as `setup` leaves it, in a fresh flow; `check` sees the log.
template <typename Setup, typename Check>
void eachScreen(Headless& imgui, Setup&& setup, Check&& check) {
  for (const auto& [name, steps, answer] : testing::patientScreens()) {
    FakeKioskServices services;
    services.answer = answer.value_or(FakeKioskServices::oneMatch());
    core::ManualClock clock(testing::nineOClock());
    PatientFlow f(services, clock);
    setup(f);
    for (const auto& s : steps) s(f);
    imgui.draw(f);
    check(name, f);
  }
}
}  // namespace

TEST_CASE(
    "larger text is at least 1.5x on every patient screen, at both sizes, and the question stays the "
    "biggest") {
  CHECK(kLargerTextFactor >= 1.5f);
  for (const std::pair<int, int>& size : {std::pair{1280, 800}, std::pair{800, 480}})
    for (bool highContrast : {false, true}) {
      const int w = size.first, h = size.second;
      const ImVec2 display{float(w), float(h)};
      Headless imgui(w, h);
      REQUIRE(imgui.fontsLoaded);
      CHECK(theme().fonts.bodyLarger->FontSize >= 1.5f * theme().fonts.body->FontSize - 0.01f);
      CHECK(theme().fonts.headingLarger->FontSize >= 1.5f * theme().fonts.heading->FontSize - 0.01f);
      std::map<std::string, WidgetLog> normal;
      eachScreen(
          imgui,
          [&](PatientFlow& f) {
            if (highContrast) f.apply(WelcomeIntent::kToggleHighContrast);
          },
          [&](const std::string& name, PatientFlow&) { normal[name] = imgui.log; });
      eachScreen(
          imgui,
          [&](PatientFlow& f) {
            f.apply(WelcomeIntent::kToggleLargerText);
            if (highContrast) f.apply(WelcomeIntent::kToggleHighContrast);
          },
          [&](const std::string& name, PatientFlow&) {
            INFO(name << " at " << w << "x" << h << (highContrast ? ", high contrast" : ""));
            const float largerBody = theme().fonts.bodyLarger->FontSize;
            for (const auto& p : testing::largerTextProblems(normal[name], imgui.log, 1.5f, largerBody))
              FAIL_CHECK(p);
            for (const auto& p : testing::layoutProblems(imgui.log, display)) FAIL_CHECK(p);
            for (const auto& p : testing::controlsOutOfView(imgui.log, display)) FAIL_CHECK(p);
            // The question (the first text under the bar) is never smaller than any button's text.
            if (name == "welcome" || name == "ticket" || name == "ticket urgent") return;
            const WidgetRecord* heading = nullptr;
            float buttonsPx = 0;
            for (const auto& wr : imgui.log.widgets()) {
              if (!heading && !wr.clickable && !wr.label.empty()) heading = &wr;
              if (wr.clickable) buttonsPx = std::max(buttonsPx, wr.textPx);
            }
            REQUIRE(heading);
            INFO("heading '" << heading->label << "' " << heading->textPx << " px, buttons' text up to "
                             << buttonsPx);
            CHECK(heading->textPx >= buttonsPx - 0.01f);
          });
    }
}

TEST_CASE(
    "every key, answer and way forward of every patient screen is on the visible screen, at both sizes") {
  for (const std::pair<int, int>& size : {std::pair{1280, 800}, std::pair{800, 480}})
    for (bool larger : {false, true})
      for (bool countdown : {false, true}) {
        const int w = size.first, h = size.second;
        Headless imgui(w, h);
        for (const auto& [name, steps, answer] : testing::patientScreens()) {
          FakeKioskServices services;
          services.answer = answer.value_or(FakeKioskServices::oneMatch());
          core::ManualClock clock(testing::nineOClock());
          PatientFlow f(services, clock);
          if (larger) f.apply(WelcomeIntent::kToggleLargerText);
          for (const auto& s : steps) s(f);
          if (countdown) {
            clock.advanceMs((services.site().idleTimeoutSeconds - 8) * 1000);
            (void)f.tick();
          }
          imgui.draw(f);
          INFO(name << " at " << w << "x" << h << (larger ? ", larger text" : "")
                    << (countdown ? ", with the countdown" : ""));
          const auto out = testing::controlsOutOfView(imgui.log, ImVec2(float(w), float(h)));
          for (const auto& p : out) FAIL_CHECK(p);
          CHECK(out.empty());
        }
      }
}

TEST_CASE("an urgent ticket's words about what to do now stand whole on the screen, never scrolled away") {
  for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{800, 480}})
    for (bool larger : {false, true})
      for (bool contrast : {false, true}) {
        Headless imgui(w, h);
        for (const auto& [name, steps, answer] : testing::patientScreens()) {
          if (name != "ticket urgent") continue;
          FakeKioskServices services;
          services.answer = answer.value_or(FakeKioskServices::oneMatch());
          core::ManualClock clock(testing::nineOClock());
          PatientFlow f(services, clock);
          if (larger) f.apply(WelcomeIntent::kToggleLargerText);
          if (contrast) f.apply(WelcomeIntent::kToggleHighContrast);
          for (const auto& s : steps) s(f);
          imgui.draw(f);
          INFO(w << "x" << h << (larger ? ", larger text" : "") << (contrast ? ", high contrast" : ""));
          bool found = false;
          for (const auto& r : imgui.log.widgets()) {
            if (r.label.find("call 999") == std::string::npos) continue;
            found = true;
            CHECK_FALSE(r.scrolls);
            CHECK(r.visible);
            CHECK(r.max.y <= float(h));
          }
          CHECK(found);
        }
      }
}
