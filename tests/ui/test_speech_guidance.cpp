// Spoken guidance on every patient screen, drawn headless: the keypad's focus order is the order the
// controls are drawn (2 and 6 on, 8 and 4 back, wrapping), 5 says the screen again, Enter acts on the
// focused control, Minus goes back; and the touch-twice rule on the test's clock (a second touch within
// kSecondTouchMs acts, a later one speaks again, a touch on another control moves there).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/fake_kiosk_services.h"
#include "support/patient_screens.h"
#include "ui/guide.h"
#include "ui/patient_flow.h"
#include "ui/speech_out.h"

using namespace longstop;
using namespace longstop::ui;
using testing::FakeKioskServices;
using testing::Headless;

namespace {

// What the flow hands to the loudspeaker, in order.
struct SaidLines final : SpeechOut {
  void say(const std::string& text, const std::string&) override { lines.push_back(text); }
  void stop() override { ++stops; }
  std::string last() const { return lines.empty() ? std::string() : lines.back(); }
  std::vector<std::string> lines;
  int stops = 0;
};

// The labels of the clickable widgets the last frame drew, in drawing order.
std::vector<std::string> clickableLabels(const Headless& imgui) {
  std::vector<std::string> out;
  for (const auto& w : imgui.log.widgets())
    if (w.clickable && w.visible) out.push_back(w.label);
  return out;
}

// A finger down on the control labelled `label` for one frame, and lifted in the next.
void touch(Headless& imgui, PatientFlow& f, const std::string& label) {
  const WidgetRecord* w = imgui.log.findClickable(label);
  REQUIRE(w);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2((w->min.x + w->max.x) / 2, (w->min.y + w->max.y) / 2);
  io.MouseDown[0] = true;
  imgui.draw(f);
  io.MouseDown[0] = false;
  imgui.draw(f);
  io.MousePos = ImVec2(-1, -1);
  imgui.draw(f);
}

bool typesDigits(const PatientFlow& f) {
  return f.guidance().keysSecret();
}

}  // namespace

TEST_CASE("on every patient screen the keypad's focus goes through the controls in drawing order") {
  Headless imgui(1280, 800);
  for (const auto& [name, steps, answer] : testing::patientScreens()) {
    INFO("screen: " << name);
    FakeKioskServices services;
    services.answer = answer.value_or(FakeKioskServices::oneMatch());
    core::ManualClock clock(testing::nineOClock());
    PatientFlow f(services, clock);
    SaidLines said;
    f.setSpeech(&said);
    for (const auto& s : steps) s(f);
    REQUIRE(f.onKeypad(KeypadKey::kDigit, '5'));  // the first key turns guidance on
    imgui.draw(f);
    imgui.draw(f);
    REQUIRE(said.lines.size() == 1);
    const std::string announcement = said.last();
    CHECK(!announcement.empty());
    const std::vector<std::string> labels = f.guidance().labels();
    REQUIRE(!labels.empty());
    // Every control drawn is in the focus order, in the order drawn; only the keys of an on-screen
    // keypad are left out while it types a personal detail.
    std::vector<std::string> drawn = clickableLabels(imgui);
    if (!typesDigits(f)) CHECK(labels == drawn);
    for (const auto& label : labels) CHECK(std::find(drawn.begin(), drawn.end(), label) != drawn.end());
    for (const auto& label : f.guidance().announcedLabels())
      CHECK(announcement.find(label) != std::string::npos);

    // On: 2 and 6 (the arrows / and * while digits type), wrapping round to the first.
    const size_t n = labels.size();
    const bool typing = typesDigits(f);
    for (size_t k = 0; k <= n; ++k) {
      if (typing)
        f.onKeypad(KeypadKey::kRight);
      else
        f.onKeypad(KeypadKey::kDigit, k % 2 ? '6' : '2');
      imgui.draw(f);
      CHECK(said.last() == labels[k % n]);
      CHECK(f.guidance().focus() == static_cast<int>(k % n));
    }
    // Back: 8 and 4 (or /), from the first round to the last.
    for (size_t k = 0; k < 2; ++k) {
      if (typing)
        f.onKeypad(KeypadKey::kLeft);
      else
        f.onKeypad(KeypadKey::kDigit, k % 2 ? '4' : '8');
      imgui.draw(f);
      CHECK(said.last() == labels[(2 * n - 1 - k) % n]);
    }
    // 5 says the whole screen again (where digits type, 5 is a digit: it types).
    if (!typing) {
      f.onKeypad(KeypadKey::kDigit, '5');
      imgui.draw(f);
      CHECK(said.last() == announcement);
    }
    // Minus goes back from every screen but Welcome and the ticket, and the screen it reaches is said.
    const Screen before = f.screen();
    const size_t count = said.lines.size();
    const bool used = f.onKeypad(KeypadKey::kBack);
    imgui.draw(f);
    imgui.draw(f);
    if (before == Screen::kWelcome || before == Screen::kTicket) {
      CHECK_FALSE(used);
      CHECK(said.lines.size() == count);
    } else {
      CHECK(used);
      REQUIRE(said.lines.size() == count + 1);
      CHECK(said.last() != announcement);
    }
  }
}

TEST_CASE("Enter acts on the focused control, and only once one is focused") {
  Headless imgui(1280, 800);
  FakeKioskServices services;
  services.answer = FakeKioskServices::oneMatch();
  core::ManualClock clock(testing::nineOClock());
  PatientFlow f(services, clock);
  SaidLines said;
  f.setSpeech(&said);
  f.onKeypad(KeypadKey::kDigit, '5');
  imgui.draw(f);
  f.onKeypad(KeypadKey::kEnter);  // nothing focused yet
  imgui.draw(f);
  CHECK(f.screen() == Screen::kWelcome);
  const auto labels = f.guidance().labels();
  const auto checkIn = std::find(labels.begin(), labels.end(), std::string("Check in"));
  REQUIRE(checkIn != labels.end());
  for (auto it = labels.begin(); it <= checkIn; ++it) {
    f.onKeypad(KeypadKey::kDigit, '2');
    imgui.draw(f);
  }
  CHECK(said.last() == "Check in");
  f.onKeypad(KeypadKey::kEnter);
  imgui.draw(f);
  imgui.draw(f);
  CHECK(f.screen() == Screen::kHasAppointment);
  CHECK(said.last().rfind("Do you have an appointment today?", 0) == 0);
}

TEST_CASE("touch twice: a second touch within the window acts, a later one speaks again, another moves") {
  Headless imgui(1280, 800);
  FakeKioskServices services;
  services.answer = FakeKioskServices::oneMatch();
  core::ManualClock clock(testing::nineOClock());
  PatientFlow f(services, clock);
  SaidLines said;
  f.setSpeech(&said);
  imgui.draw(f);

  SECTION("with Listen off one touch acts") {
    touch(imgui, f, "Check in");
    CHECK(f.screen() == Screen::kHasAppointment);
    CHECK(said.lines.empty());
  }

  f.onKeypad(KeypadKey::kDigit, '5');
  imgui.draw(f);
  imgui.draw(f);
  REQUIRE(said.lines.size() == 1);

  SECTION("a second touch just inside the window acts") {
    touch(imgui, f, "Check in");
    CHECK(f.screen() == Screen::kWelcome);
    CHECK(said.last() == "Check in");
    clock.advanceMs(kSecondTouchMs);
    touch(imgui, f, "Check in");
    imgui.draw(f);
    CHECK(f.screen() == Screen::kHasAppointment);
  }

  SECTION("after the window a touch speaks again, and the one after it acts") {
    touch(imgui, f, "Check in");
    clock.advanceMs(kSecondTouchMs + 1);
    touch(imgui, f, "Check in");
    CHECK(f.screen() == Screen::kWelcome);
    CHECK(said.lines.size() == 3);
    CHECK(said.last() == "Check in");
    clock.advanceMs(200);
    touch(imgui, f, "Check in");
    CHECK(f.screen() == Screen::kHasAppointment);
  }

  SECTION("a touch on another control moves there, and the first touch is forgotten") {
    const auto labels = f.guidance().labels();
    std::string other;
    for (const auto& l : labels)
      if (l != "Check in" && l.rfind("Listen", 0) != 0) other = l;
    REQUIRE(!other.empty());
    touch(imgui, f, "Check in");
    clock.advanceMs(300);
    touch(imgui, f, other);
    CHECK(f.screen() == Screen::kWelcome);
    CHECK(said.last() == other);
    CHECK(labels[static_cast<size_t>(f.guidance().focus())] == other);
    clock.advanceMs(300);
    touch(imgui, f, "Check in");
    CHECK(f.screen() == Screen::kWelcome);
    CHECK(said.last() == "Check in");
  }
}
