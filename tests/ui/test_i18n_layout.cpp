// Every patient screen in every shipped language at 1280x800, drawn with ImGui but no display: no
// button's text is wider than the button, no text runs off the screen, and every character of every
// translation has a glyph in the fonts the kiosk loads (DejaVu Sans: no "?" boxes). Also: the catalogues
// were found and switching language changes the text.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "support/fake_kiosk_services.h"
#include "ui/i18n.h"
#include "ui/input.h"
#include "ui/patient_flow.h"
#include "ui/theme.h"
#include "ui/widgets.h"

using namespace longstop;
using namespace longstop::ui;
using testing::FakeKioskServices;

namespace {
core::Instant nineOClock() {
  return {(core::daysFromCivil({2026, 11, 29}) * 1440 + 9 * 60) * 60000, 0};
}

struct Headless {
  Headless(int w, int h) {
    ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(w), float(h));
    io.DeltaTime = 1.0f / 60;
    float px = baseFontPx(w, h);
    fontsLoaded = loadFonts(*io.Fonts, px).ok();
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
    applyStyle(px);
    setWidgetLog(&log);
  }
  ~Headless() {
    setWidgetLog(nullptr);
    ImGui::DestroyContext(ctx);
  }
  void draw(PatientFlow& f) {
    log.clear();
    ImGui::NewFrame();
    f.frame();
    ImGui::Render();
  }
  ImGuiContext* ctx;
  WidgetLog log;
  bool fontsLoaded = false;
};

using Step = std::function<void(PatientFlow&)>;

std::vector<std::pair<std::string, std::vector<Step>>> screens() {
  auto key = [](char c) { return KeyPress{KeyPress::Kind::kChar, char32_t(c)}; };
  Step checkIn = [](PatientFlow& f) { f.apply(WelcomeIntent::kCheckIn); };
  Step yes = [](PatientFlow& f) { f.apply(HasAppointmentIntent::kYes); };
  Step walkIn = [](PatientFlow& f) { f.apply(HasAppointmentIntent::kWalkIn); };
  Step dob = [key](PatientFlow& f) {
    for (char c : std::string("07031984")) f.apply(DetailsIntent(DetailsIntent::Kind::kKey, key(c)));
    f.apply(DetailsIntent(DetailsIntent::Kind::kNext));
  };
  Step letter = [](PatientFlow& f) { f.apply(DetailsIntent(DetailsIntent::Kind::kLetter, {}, 0, 'S')); };
  Step female = [](PatientFlow& f) {
    f.apply(DetailsIntent(DetailsIntent::Kind::kSex, {}, 0, 0, core::Sex::kFemale));
  };
  Step confirm = [](PatientFlow& f) { f.apply(ConfirmIntent::kConfirm); };
  Step no = [](PatientFlow& f) { f.apply(SafetyIntent::kNo); };
  Step urgent = [](PatientFlow& f) { f.apply(SafetyIntent::kNeedHelp); };
  Step text = [](PatientFlow& f) {
    f.onText("Quinn");
    f.apply(WalkInIntent(WalkInIntent::Kind::kNext));
  };
  Step walkDob = [](PatientFlow& f) {
    f.onText("30092001");
    f.apply(WalkInIntent(WalkInIntent::Kind::kNext));
  };
  Step walkSex = [](PatientFlow& f) {
    f.apply(WalkInIntent(WalkInIntent::Kind::kSex, {}, 0, core::Sex::kFemale));
  };
  Step skip = [](PatientFlow& f) { f.apply(WalkInIntent(WalkInIntent::Kind::kSkip)); };
  Step nhs = [](PatientFlow& f) { f.apply(DetailsIntent(DetailsIntent::Kind::kUseNhsNumber)); };
  Step badNhs = [](PatientFlow& f) {
    f.onText("9990000019");
    f.onKey(Key::kEnter);
  };
  Step scanBad = [](PatientFlow& f) { f.onScan("HELLO"); };
  return {
      {"welcome", {}},
      {"language", {[](PatientFlow& f) { f.apply(WelcomeIntent::kLanguage); }}},
      {"have appointment", {checkIn}},
      {"date of birth", {checkIn, yes}},
      {"initial", {checkIn, yes, dob}},
      {"sex", {checkIn, yes, dob, letter}},
      {"confirm", {checkIn, yes, dob, letter, female}},
      {"safety", {checkIn, yes, dob, letter, female, confirm}},
      {"ticket", {checkIn, yes, dob, letter, female, confirm, no}},
      {"ticket urgent", {checkIn, yes, dob, letter, female, confirm, urgent}},
      {"nhs number", {checkIn, yes, nhs}},
      {"nhs number wrong", {checkIn, yes, nhs, badNhs}},
      {"scan", {checkIn, [](PatientFlow& f) { f.apply(HasAppointmentIntent::kScan); }}},
      {"code not recognised", {checkIn, scanBad}},
      {"walk-in surname", {checkIn, walkIn}},
      {"walk-in first names", {checkIn, walkIn, text}},
      {"walk-in date of birth", {checkIn, walkIn, text, text}},
      {"walk-in sex", {checkIn, walkIn, text, text, walkDob}},
      {"walk-in nhs number", {checkIn, walkIn, text, text, walkDob, walkSex}},
      {"walk-in service", {checkIn, walkIn, text, text, walkDob, walkSex, skip}},
  };
}

std::vector<unsigned> codepoints(const std::string& s) {
  std::vector<unsigned> out;
  forEachCodePoint(s, [&](char32_t c) { out.push_back(static_cast<unsigned>(c)); });
  return out;
}

std::string missingGlyphs(const std::string& s) {
  const Fonts& f = theme().fonts;
  std::string missing;
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

TEST_CASE("DejaVu Sans has a glyph for every character of every translation and language name") {
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

TEST_CASE("1280x800: in every language, every button's text fits it and all text stays on screen") {
  Headless imgui(1280, 800);
  REQUIRE(imgui.fontsLoaded);
  // Larger text is checked too but only reported (WARN): the date-of-birth boxes and the keypads keep
  // their size when the text grows, so some labels spill over; see docs/languages.md.
  int largerOverflows = 0;
  std::string largerList;
  for (bool larger : {false, true}) {
    for (const auto& lang : languages()) {
      for (const auto& [name, steps] : screens()) {
        FakeKioskServices services;
        services.answer = FakeKioskServices::oneMatch();
        core::ManualClock clock(nineOClock());
        PatientFlow f(services, clock);
        if (larger) f.apply(WelcomeIntent::kToggleLargerText);
        f.apply(WelcomeIntent::kLanguage);
        f.apply(LanguageIntent(LanguageIntent::Kind::kChoose, lang.code));
        for (const auto& s : steps) s(f);
        imgui.draw(f);
        INFO(lang.code << ": " << name << (larger ? " (larger text)" : ""));
        REQUIRE(currentLanguage() == lang.code);
        for (const auto& w : imgui.log.widgets()) {
          INFO("'" << w.label << "' at " << w.min.x << "," << w.min.y << " to " << w.max.x << "," << w.max.y);
          CHECK(missingGlyphs(w.label).empty());
          // The label is drawn in the body font (larger with larger text), centred: it must fit.
          bool fits = w.max.x <= 1280.5f && (!w.clickable || measure(w.label, theme().body()).x <= w.max.x - w.min.x);
          if (larger) {
            if (!fits) {
              ++largerOverflows;
              largerList += "  " + lang.code + ": " + name + ": '" + w.label + "'\n";
            }
            continue;
          }
          CHECK(w.max.x <= 1280.5f);
          if (!w.clickable) continue;
          CHECK(measure(w.label, theme().body()).x <= w.max.x - w.min.x);
        }
        f.reset(false);
      }
    }
  }
  setLanguage("en");
  if (largerOverflows > 0)
    WARN(largerOverflows << " widgets overflow with larger text (not a failure; see docs/languages.md):\n"
                         << largerList);
}
