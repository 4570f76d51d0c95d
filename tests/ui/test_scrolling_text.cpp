// The window that words scroll in when they do not fit (larger text): a finger's drag moves them, a
// press that dragged presses nothing, the cue shows only when there is more, and a new text starts at
// its top. Real ImGui input (mouse position and button), no display.
#include <catch2/catch.hpp>

#include <string>

#include <imgui.h>

#include "support/patient_screens.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

using namespace longstop;
using namespace longstop::ui;
using testing::Headless;

namespace {
const std::string kLong =
    "We found no appointment today for those details. Please check them, or see reception. Please do not "
    "join the walk-in queue: reception will check you in.";

struct Frame {
  const WidgetRecord* words = nullptr;
  bool pressed = false;
};

// One frame: the words in a window 120 px tall at (20,20), a button under it; the pointer at `pointer`.
Frame draw(Headless& imgui, const std::string& words, ImVec2 pointer, bool down) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = pointer;
  io.MouseDown[0] = down;
  Frame f;
  imgui.drawWith([&] {
    beginScreenWindow("scroll-test", theme().body());
    ImGui::SetCursorScreenPos(ImVec2(20, 20));
    scrollingText(words, ImVec2(400, 120), "words");
    ImGui::SetCursorScreenPos(ImVec2(20, 160));
    f.pressed = button("Done", ImVec2(200, 75));
    endScreenWindow();
  });
  for (const auto& w : imgui.log.widgets())
    if (w.label == words) f.words = &w;
  return f;
}
}  // namespace

TEST_CASE("words that do not fit scroll under a finger, and the drag presses nothing") {
  Headless imgui(800, 480);
  theme().largerText = false;  // the theme is global: another test may have left it on
  REQUIRE(imgui.fontsLoaded);
  Frame f = draw(imgui, kLong, ImVec2(100, 100), false);
  REQUIRE(f.words);
  CHECK(f.words->scrolls);
  CHECK(f.words->scrolled == 0);
  CHECK(f.words->max.y - f.words->min.y <= 120.5f);  // only the window's height is taken
  // A finger down on the words, dragged up 60 px, onto the button, and lifted there.
  draw(imgui, kLong, ImVec2(100, 100), true);
  draw(imgui, kLong, ImVec2(100, 70), true);
  f = draw(imgui, kLong, ImVec2(100, 40), true);
  REQUIRE(f.words);
  CHECK(f.words->scrolled == Approx(60).margin(1));
  draw(imgui, kLong, ImVec2(100, 180), true);
  f = draw(imgui, kLong, ImVec2(100, 180), false);
  CHECK_FALSE(f.pressed);
  // Never past the end, and a tap that does not move scrolls nothing.
  for (int i = 0; i < 20; ++i) draw(imgui, kLong, ImVec2(100, 100 - 10.0f * i), i > 0);
  f = draw(imgui, kLong, ImVec2(100, 100), false);
  const float end = f.words->scrolled;
  CHECK(end >= 60);
  for (int i = 0; i < 5; ++i) draw(imgui, kLong, ImVec2(100, 100 - 10.0f * i), i > 0);
  f = draw(imgui, kLong, ImVec2(100, 100), false);
  CHECK(f.words->scrolled == end);  // at the end already: no further
  draw(imgui, kLong, ImVec2(100, 100), true);
  f = draw(imgui, kLong, ImVec2(100, 100), false);
  CHECK(f.words->scrolled == end);
  // Other words (the next screen's) start at their top.
  f = draw(imgui, kLong + " Thank you.", ImVec2(100, 100), false);
  REQUIRE(f.words);
  CHECK(f.words->scrolled == 0);
}

TEST_CASE("words that fit do not scroll and take only their own height") {
  Headless imgui(800, 480);
  theme().largerText = false;
  Frame f = draw(imgui, "Please see reception", ImVec2(600, 400), false);
  REQUIRE(f.words);
  CHECK_FALSE(f.words->scrolls);
  CHECK(f.words->max.y - f.words->min.y < 60);
  // A tap on the button still presses it.
  draw(imgui, "Please see reception", ImVec2(100, 190), true);
  f = draw(imgui, "Please see reception", ImVec2(100, 190), false);
  CHECK(f.pressed);
}

TEST_CASE("right to left, scrolling words end at the window's right edge and the cue is on the left") {
  Headless imgui(800, 480);
  theme().largerText = false;
  REQUIRE(imgui.fontsLoaded);
  setLanguage("ar");
  const std::string words = std::string(tr(kLong.c_str())) + " " +
                            tr("If you feel worse, tell the nearest member of staff or call 999.");
  REQUIRE(words.find("appointment") == std::string::npos);  // the catalogue has them
  const Frame f = draw(imgui, words, ImVec2(700, 400), false);
  setLanguage("en");
  REQUIRE(f.words);
  REQUIRE(f.words->scrolls);
  // The window is 20..420: reading starts at its right edge; the cue and the gap before it are left.
  CHECK(f.words->max.x >= 419.5f);
  CHECK(f.words->min.x >= 20 + std::max(4.0f, theme().basePx * 0.25f));
}
