// Layout of every patient screen, drawn with ImGui but no display (a context, a display size, a built
// font atlas): touch targets at least 15 mm on the 10.1" 1280x800 panel, and at both 1280x800 and
// 800x480 every button inside the screen and no two overlapping.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "support/fake_kiosk_services.h"
#include "ui/patient_flow.h"
#include "ui/theme.h"
#include "ui/widgets.h"

using namespace longstop;
using namespace longstop::ui;
using testing::FakeKioskServices;

namespace {
// 15 mm at the 10.1" 1280x800 panel's 149.4 DPI.
constexpr float kFifteenMmPx = 15.0f / 25.4f * 149.4f;

core::Instant nineOClock() {
  return {(core::daysFromCivil({2026, 11, 29}) * 1440 + 9 * 60) * 60000, 0};
}

struct Headless {
  explicit Headless(int w, int h) {
    ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(w), float(h));
    io.DeltaTime = 1.0f / 60;
    float px = baseFontPx(w, h);
    (void)loadFonts(*io.Fonts, px);
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
};

using Step = std::function<void(PatientFlow&)>;

// Each entry leads from Welcome to one screen.
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
      {"nhs number",
       {checkIn, yes, [](PatientFlow& f) { f.apply(DetailsIntent(DetailsIntent::Kind::kUseNhsNumber)); }}},
      {"scan", {checkIn, [](PatientFlow& f) { f.apply(HasAppointmentIntent::kScan); }}},
      {"walk-in surname", {checkIn, walkIn}},
      {"walk-in first names", {checkIn, walkIn, text}},
      {"walk-in date of birth", {checkIn, walkIn, text, text}},
      {"walk-in sex", {checkIn, walkIn, text, text, walkDob}},
      {"walk-in nhs number", {checkIn, walkIn, text, text, walkDob, walkSex}},
      {"walk-in service", {checkIn, walkIn, text, text, walkDob, walkSex, skip}},
  };
}

bool overlap(const WidgetRecord& a, const WidgetRecord& b) {
  return a.min.x < b.max.x - 0.5f && b.min.x < a.max.x - 0.5f && a.min.y < b.max.y - 0.5f &&
         b.min.y < a.max.y - 0.5f;
}

void checkScreens(int w, int h, float minTarget) {
  Headless imgui(w, h);
  for (const auto& [name, steps] : screens()) {
    FakeKioskServices services;
    services.answer = FakeKioskServices::oneMatch();
    core::ManualClock clock(nineOClock());
    PatientFlow f(services, clock);
    for (const auto& s : steps) s(f);
    imgui.draw(f);
    std::vector<WidgetRecord> buttons;
    for (const auto& wr : imgui.log.widgets())
      if (wr.clickable) buttons.push_back(wr);
    INFO(name << " at " << w << "x" << h);
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
  checkScreens(1280, 800, kFifteenMmPx);
}

TEST_CASE("800x480: every touch target fits the screen without overlapping, and stays finger-sized") {
  checkScreens(800, 480, 60.0f);
}
