// The patient screens for the layout tests: an ImGui context with no display (a display size and a
// built font atlas), and the steps that lead from Welcome to each screen.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "core/clock.h"
#include "service/kiosk_services.h"
#include "support/fake_kiosk_services.h"
#include "ui/i18n.h"
#include "ui/patient_flow.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::testing {

/// 09:00 on the day the screens are drawn.
inline core::Instant nineOClock() {
  return {(core::daysFromCivil({2026, 11, 29}) * 1440 + 9 * 60) * 60000, 0};
}

/// ImGui with the kiosk's fonts and style at w x h, recording every widget drawn into `log`.
struct Headless {
  Headless(int w, int h) {
    ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(w), float(h));
    io.DeltaTime = 1.0f / 60;
    float px = ui::baseFontPx(w, h);
    fontsLoaded = ui::loadFonts(*io.Fonts, px).ok();
    unsigned char* pixels = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
    ui::applyStyle(px);
    ui::setWidgetLog(&log);
  }
  ~Headless() {
    ui::setWidgetLog(nullptr);
    ImGui::DestroyContext(ctx);
  }
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  void draw(ui::PatientFlow& f) {
    drawWith([&] { f.frame(); });
  }
  /// One frame of whatever `drawScreen` draws (the board, a single screen).
  template <typename F>
  void drawWith(F&& drawScreen) {
    log.clear();
    ImGui::NewFrame();
    drawScreen();
    ImGui::Render();
  }

  ImGuiContext* ctx;
  ui::WidgetLog log;
  bool fontsLoaded = false;
};

using Step = std::function<void(ui::PatientFlow&)>;

/// A patient screen: its name, the steps that lead to it from Welcome, and what the lookup answers on
/// the way (empty: one match).
struct PatientScreen {
  PatientScreen(std::string n, std::vector<Step> s, std::optional<service::MatchAnswer> a = std::nullopt)
      : name(std::move(n)), steps(std::move(s)), answer(std::move(a)) {}
  std::string name;
  std::vector<Step> steps;
  std::optional<service::MatchAnswer> answer;
};

/// Every patient screen and how to reach it.
inline std::vector<PatientScreen> patientScreens() {
  using namespace ui;
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
  Step badDob = [key](PatientFlow& f) {
    for (char c : std::string("31022099")) f.apply(DetailsIntent(DetailsIntent::Kind::kKey, key(c)));
    f.apply(DetailsIntent(DetailsIntent::Kind::kNext));
  };
  Step scanBad = [](PatientFlow& f) { f.onScan("HELLO"); };
  Step withReader = [](PatientFlow& f) { f.setCamera(CameraView{.available = true, .reader = true}); };
  Step nhsTyped = [](PatientFlow& f) {
    f.onText("9990000026");
    f.onKey(Key::kEnter);
  };
  Step notMe = [](PatientFlow& f) { f.apply(ConfirmIntent::kNotMe); };
  using core::MatchOutcome;
  const service::AppointmentView later{"D009", "11:30", "Dr Okafor", "GP appointments"};
  const service::MatchAnswer none{MatchOutcome::kNone, std::nullopt, {}};
  const service::MatchAnswer several{MatchOutcome::kSeveral, std::nullopt, {}};
  const service::MatchAnswer early{MatchOutcome::kTooEarly, later, "09:30"};
  const service::MatchAnswer late{MatchOutcome::kTooLate, later, {}};
  const service::MatchAnswer otherDay{MatchOutcome::kOtherDay, std::nullopt, {}};
  const std::vector<Step> details = {checkIn, yes, dob, letter, female};
  auto then = [](std::vector<Step> steps, Step last) {
    steps.push_back(std::move(last));
    return steps;
  };
  return {
      {"welcome", {}},
      {"language", {[](PatientFlow& f) { f.apply(WelcomeIntent::kLanguage); }}},
      {"have appointment", {checkIn}},
      {"have appointment, with a scanner", {withReader, checkIn}},
      {"date of birth", {checkIn, yes}},
      {"date of birth wrong", {checkIn, yes, badDob}},
      {"initial", {checkIn, yes, dob}},
      {"sex", {checkIn, yes, dob, letter}},
      {"confirm", {checkIn, yes, dob, letter, female}},
      {"safety", {checkIn, yes, dob, letter, female, confirm}},
      {"ticket", {checkIn, yes, dob, letter, female, confirm, no}},
      {"ticket urgent", {checkIn, yes, dob, letter, female, confirm, urgent}},
      {"nhs number", {checkIn, yes, nhs}},
      {"nhs number wrong", {checkIn, yes, nhs, badNhs}},
      {"scan", {checkIn, [](PatientFlow& f) { f.apply(HasAppointmentIntent::kScan); }}},
      {"scan, hand scanner only",
       {[](PatientFlow& f) { f.setCamera(CameraView{.reader = true}); }, checkIn,
        [](PatientFlow& f) { f.apply(HasAppointmentIntent::kScan); }}},
      {"code not recognised", {checkIn, scanBad}},
      {"walk-in surname", {checkIn, walkIn}},
      {"walk-in first names", {checkIn, walkIn, text}},
      {"walk-in date of birth", {checkIn, walkIn, text, text}},
      {"walk-in sex", {checkIn, walkIn, text, text, walkDob}},
      {"walk-in nhs number", {checkIn, walkIn, text, text, walkDob, walkSex}},
      {"walk-in service", {checkIn, walkIn, text, text, walkDob, walkSex, skip}},
      {"not found", details, none},
      {"not found by NHS number", {checkIn, yes, nhs, nhsTyped}, none},
      {"two people", details, several},
      {"too early", details, early},
      {"too late", {checkIn, yes, nhs, nhsTyped}, late},
      {"another day", details, otherDay},
      {"not me", then(details, notMe)},
  };
}

/// `screen` drawn in the language `code`, with larger text and high contrast as asked; its widget log
/// copied out.
inline ui::WidgetLog drawnIn(Headless& imgui, const std::string& code, const PatientScreen& screen,
                             bool larger = false, bool highContrast = false) {
  FakeKioskServices services;
  services.answer = screen.answer.value_or(FakeKioskServices::oneMatch());
  core::ManualClock clock(nineOClock());
  ui::PatientFlow f(services, clock);
  if (larger) f.apply(ui::WelcomeIntent::kToggleLargerText);
  if (highContrast) f.apply(ui::WelcomeIntent::kToggleHighContrast);
  f.apply(ui::WelcomeIntent::kLanguage);
  f.apply(ui::LanguageIntent(ui::LanguageIntent::Kind::kChoose, code));
  for (const auto& step : screen.steps) step(f);
  imgui.draw(f);
  return imgui.log;
}

}  // namespace longstop::testing
