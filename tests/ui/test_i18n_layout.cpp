// Every patient screen in every shipped language, drawn with ImGui but no display at 1280x800 and
// 800x480, with normal and larger text, normal and high contrast: every button's label fits inside it
// (shrunk no further than kMinLabelScale), no text or button runs off the screen, every button stays
// finger-sized, and every character of every translation has a glyph in the fonts the kiosk loads
// (DejaVu Sans, or for other scripts the Noto face the shaper picks: no "?" boxes). Also: the catalogues were
// found and switching language changes the text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <imgui.h>

#include "support/fake_kiosk_services.h"
#include "support/layout_checks.h"
#include "support/patient_screens.h"
#include "ui/default_names.h"
#include "ui/i18n.h"
#include "ui/input.h"
#include "ui/patient_flow.h"
#include "ui/shaping/imgui_text.h"
#include "ui/shaping/text_cache.h"
#include "ui/theme.h"
#include "ui/widgets.h"

using namespace longstop;
using namespace longstop::ui;
using testing::FakeKioskServices;

namespace {
using testing::Headless;

std::vector<unsigned> codepoints(const std::string& s) {
  std::vector<unsigned> out;
  forEachCodePoint(s, [&](char32_t c) { out.push_back(static_cast<unsigned>(c)); });
  return out;
}

// What the atlas cannot draw is shaped (src/ui/shaping): then the fonts chosen for its scripts must
// have every glyph, regular and bold (a glyph id 0 would be drawn as an empty box).
std::string missingGlyphs(const std::string& s) {
  const Fonts& f = theme().fonts;
  std::string missing;
  if (!shaping::atlasDraws(f.body, s)) {
    for (bool bold : {false, true}) {
      shaping::Style style;
      style.bold = bold;
      style.lang = currentLanguage();
      if (shaping::cache().shaper().shape(s, style).missingGlyph) missing += bold ? " (bold)" : " (regular)";
    }
    return missing;
  }
  for (unsigned c : codepoints(s)) {
    if (c < 0x20) continue;
    for (ImFont* font : {f.body, f.bodyLarger, f.heading, f.headingLarger})
      if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
        missing += " U+" + std::to_string(c);
        break;
      }
  }
  return missing;
}
}  // namespace

TEST_CASE("every catalogue was built and is found, and switching language changes the text") {
  for (const auto& lang : languages()) {
    if (lang.code == "en") continue;
    INFO(lang.code << " looked for in " << catalogueDirs().front());
    CHECK(catalogueSize(lang.code) >= 50);
    CHECK(std::string(trIn(lang.code, "Check in")) != "Check in");
  }
  setLanguage("cy");
  CHECK(std::string(tr("Welcome")) == "Croeso");
  CHECK(currentLanguageName() == "Cymraeg");
  setLanguage("xx");
  CHECK(currentLanguage() == "en");
  CHECK(std::string(tr("Welcome")) == "Welcome");
}

TEST_CASE("the fonts have a glyph for every character of every translation and language name") {
  Headless imgui(1280, 800);
  REQUIRE(imgui.fontsLoaded);  // fonts-dejavu-core must be installed
  for (const auto& lang : languages()) {
    INFO(lang.code);
    CHECK(missingGlyphs(lang.name).empty());
    for (const auto& t : catalogueTexts(lang.code)) {
      INFO(t);
      CHECK(missingGlyphs(t).empty());
    }
  }
}

namespace {
// 15 mm at the 10.1" 1280x800 panel's 149.4 DPI; on the 800x480 panel, 60 px still takes a fingertip.
constexpr float kFifteenMmPx = 15.0f / 25.4f * 149.4f;
constexpr float kSmallScreenTargetPx = 60.0f;

bool inside(ImVec2 min, ImVec2 max, ImVec2 roomMin, ImVec2 roomMax) {
  constexpr float kSlack = 0.5f;
  return min.x >= roomMin.x - kSlack && min.y >= roomMin.y - kSlack && max.x <= roomMax.x + kSlack &&
         max.y <= roomMax.y + kSlack;
}

// Draws every screen in every language in one mode and checks every widget on it.
void checkEveryScreen(int w, int h, bool larger, bool highContrast) {
  Headless imgui(w, h);
  REQUIRE(imgui.fontsLoaded);  // fonts-dejavu-core must be installed
  const ImVec2 display{static_cast<float>(w), static_cast<float>(h)};
  const float minTarget = w >= 1280 ? kFifteenMmPx : kSmallScreenTargetPx;
  for (const auto& lang : languages()) {
    for (const auto& [name, steps, answer] : testing::patientScreens()) {
      FakeKioskServices services;
      services.answer = answer.value_or(FakeKioskServices::oneMatch());
      core::ManualClock clock(testing::nineOClock());
      PatientFlow f(services, clock);
      if (larger) f.apply(WelcomeIntent::kToggleLargerText);
      if (highContrast) f.apply(WelcomeIntent::kToggleHighContrast);
      f.apply(WelcomeIntent::kLanguage);
      f.apply(LanguageIntent(LanguageIntent::Kind::kChoose, lang.code));
      for (const auto& s : steps) s(f);
      imgui.draw(f);
      INFO(lang.code << ": " << name << " at " << w << "x" << h << (larger ? ", larger text" : "")
                     << (highContrast ? ", high contrast" : ""));
      REQUIRE(currentLanguage() == lang.code);
      for (const auto& wr : imgui.log.widgets()) {
        // Every control, even one whose centre is off the screen: none may be out of view.
        if (!wr.visible && !wr.clickable) continue;
        INFO("'" << wr.label << "' in " << wr.min.x << "," << wr.min.y << " to " << wr.max.x << ","
                 << wr.max.y << ", its text " << wr.textMin.x << "," << wr.textMin.y << " to " << wr.textMax.x
                 << "," << wr.textMax.y << " at " << wr.textScale << " size");
        CHECK(missingGlyphs(wr.label).empty());
        CHECK(inside(wr.textMin, wr.textMax, wr.roomMin, wr.roomMax));
        CHECK(inside(wr.textMin, wr.textMax, ImVec2(0, 0), display));
        CHECK(wr.textScale >= kMinLabelScale - 1e-4f);
        if (!wr.clickable) continue;
        CHECK(inside(wr.min, wr.max, ImVec2(0, 0), display));
        CHECK(wr.max.x - wr.min.x >= minTarget);
        CHECK(wr.max.y - wr.min.y >= minTarget);
      }
    }
  }
  setLanguage("en");
}
}  // namespace

TEST_CASE("every screen, every language: labels fit their buttons and everything stays on screen") {
  for (bool larger : {false, true})
    for (bool highContrast : {false, true}) {
      SECTION(std::string("1280x800") + (larger ? ", larger text" : "") +
              (highContrast ? ", high contrast" : "")) {
        checkEveryScreen(1280, 800, larger, highContrast);
      }
      SECTION(std::string("800x480") + (larger ? ", larger text" : "") +
              (highContrast ? ", high contrast" : "")) {
        checkEveryScreen(800, 480, larger, highContrast);
      }
    }
}

TEST_CASE(
    "every language, the longest strings too: larger text is at least 1.5x, every control on the screen") {
  for (const std::pair<int, int>& size : {std::pair{1280, 800}, std::pair{800, 480}})
    for (bool highContrast : {false, true}) {
      const int w = size.first, h = size.second;
      Headless imgui(w, h);
      REQUIRE(imgui.fontsLoaded);
      const float largerBody = theme().fonts.bodyLarger->FontSize;
      for (const auto& lang : languages())
        for (const auto& screen : testing::patientScreens()) {
          const WidgetLog normal = testing::drawnIn(imgui, lang.code, screen, false, highContrast);
          const WidgetLog larger = testing::drawnIn(imgui, lang.code, screen, true, highContrast);
          INFO(lang.code << ": " << screen.name << " at " << w << "x" << h
                         << (highContrast ? ", high contrast" : ""));
          auto small = testing::largerTextProblems(normal, larger, 1.5f, largerBody);
          // Not yet 1.5x in the longest translations (docs/decisions.md), each held where it is so it
          // cannot get worse: Welcome's high-contrast toggle at 800x480 (at least 1.15x),
          // and the way to the NHS number beside Next on a short date-of-birth screen (at least 1.4x).
          const auto startsWith = [](const std::string& problem, const char* key) {
            return problem.rfind("'" + std::string(tr(key)) + "'", 0) == 0;
          };
          const auto welcomeShort = [&](const std::string& p) {
            return startsWith(p, "High contrast: on") || startsWith(p, "High contrast: off");
          };
          const bool translated = std::string(lang.code) != "en";
          const bool shortDob = h < 800 && screen.name.rfind("date of birth", 0) == 0;
          std::erase_if(small, [&](const std::string& p) {
            return translated && ((screen.name == "welcome" && welcomeShort(p)) ||
                                  (shortDob && startsWith(p, "Use my NHS number instead")));
          });
          for (const auto& p : testing::largerTextProblems(normal, larger, 1.15f, largerBody)) FAIL_CHECK(p);
          for (const auto& p : testing::largerTextProblems(normal, larger, 1.4f, largerBody))
            if (!welcomeShort(p)) FAIL_CHECK(p);
          const auto out = testing::controlsOutOfView(larger, ImVec2(float(w), float(h)));
          for (const auto& p : small) FAIL_CHECK(p);
          for (const auto& p : out) FAIL_CHECK(p);
          CHECK(small.size() + out.size() == 0);
        }
      setLanguage("en");
    }
}

TEST_CASE("Longstop's own queue and room names are translated; a name the practice typed stays as typed") {
  setLanguage("pl");
  const std::string gp = trIn("pl", "GP appointments");
  REQUIRE(gp != "GP appointments");  // the catalogue has it
  CHECK(shownName("GP appointments") == gp);
  CHECK(shownName("Walk-in") == trIn("pl", "Walk-in"));
  CHECK(shownName("Dr Okafor's diabetes clinic") == "Dr Okafor's diabetes clinic");
  CHECK(shownRoom("Room 3") == std::string(trIn("pl", "Room 3")) + " (Room 3)");  // the door says "Room 3"
  CHECK(shownRoom("Room 12") == "Room 12");

  // On the ticket and the walk-in service choice, as drawn.
  Headless imgui(1280, 800);
  FakeKioskServices services;
  services.answer = FakeKioskServices::oneMatch();
  core::ManualClock clock(testing::nineOClock());
  for (const auto& [name, steps, answer] : testing::patientScreens()) {
    if (name != "ticket" && name != "walk-in service") continue;
    PatientFlow f(services, clock);
    f.apply(WelcomeIntent::kLanguage);
    f.apply(LanguageIntent(LanguageIntent::Kind::kChoose, "pl"));
    for (const auto& s : steps) s(f);
    imgui.draw(f);
    INFO(name);
    CHECK(imgui.log.showsText(gp));
    CHECK_FALSE(imgui.log.showsText("GP appointments"));
  }
  setLanguage("en");
}
