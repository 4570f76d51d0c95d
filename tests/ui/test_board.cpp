// The calling board's screen at both panel sizes: the newest call readable across a waiting room (its
// ticket at least 15% of the screen's height, inside the screen), a recalled ticket shown once, and the
// waiting counts beneath the call, not under it.
#include <catch2/catch.hpp>

#include <string>

#include "support/layout_checks.h"
#include "support/patient_screens.h"
#include "ui/board/board_screen.h"

using namespace longstop;
using namespace longstop::ui;

namespace {

const WidgetRecord* find(const WidgetLog& log, const std::string& label) {
  for (const auto& w : log.widgets())
    if (w.label == label) return &w;
  return nullptr;
}

int count(const WidgetLog& log, const std::string& prefix) {
  int n = 0;
  for (const auto& w : log.widgets()) n += w.label.rfind(prefix, 0) == 0 ? 1 : 0;
  return n;
}

board::BoardView view(const std::string& room) {
  board::BoardView v;
  v.siteName = "Riverside Medical Practice";
  v.clock = "09:41";
  // A042 was called, then B007, then A042 again (a recall): newest first.
  v.calls = {{"A042", room}, {"B007", "Nurse room"}, {"A042", room}, {"W003", "Reception desk"}};
  v.waitingPerQueue = {{"GP appointments", 12}, {"Nurse appointments", 4}, {"Walk-in", 3}};
  return v;
}

void checkBoard(int w, int h, const std::string& room, bool urgent) {
  testing::Headless imgui(w, h);
  board::BoardView v = view(room);
  if (urgent) v.urgentTickets = {"W009"};
  imgui.drawWith([&] { board::drawBoard(v); });
  INFO(w << "x" << h << ", room " << room << (urgent ? ", urgent band" : ""));
  // The ticket alone, or ticket and room on one line.
  const WidgetRecord* newest = find(imgui.log, "A042");
  if (!newest) newest = find(imgui.log, "A042  \xE2\x86\x92  " + room);
  REQUIRE(newest);
  CHECK(newest->max.y - newest->min.y >= 0.15f * static_cast<float>(h));
  CHECK(newest->max.x <= static_cast<float>(w));
  CHECK(newest->max.y <= static_cast<float>(h));
  CHECK(count(imgui.log, "A042") == 1);  // the recall is not a second line
  for (const auto& wr : imgui.log.widgets()) {
    INFO("'" << wr.label << "' ends at " << wr.max.y);
    CHECK(wr.max.y <= static_cast<float>(h) + 0.5f);  // nothing runs off the bottom
  }
  // Beneath the call: the calls before it and the waiting counts. On the small panel with an urgent
  // alert showing there is room for the alert and the call only, which matter more.
  const bool roomBeneath = !(urgent && h < 600);
  const WidgetRecord* earlier = find(imgui.log, "B007  \xE2\x86\x92  Nurse room");
  const WidgetRecord* waiting = find(imgui.log, "Waiting");
  const WidgetRecord* gp = find(imgui.log, "12");
  if (roomBeneath) {
    REQUIRE(earlier);
    REQUIRE(waiting);
    REQUIRE(gp);
  }
  for (const WidgetRecord* below : {earlier, waiting, gp})
    if (below) CHECK(below->min.y > newest->max.y);
  if (urgent) CHECK(find(imgui.log, "Urgent: see reception  W009"));
  // Every name whole ("Nurse appointments", not "Nurse appointmen"), nothing on top of anything else.
  for (const auto& p : testing::layoutProblems(imgui.log, ImVec2(float(w), float(h)))) FAIL_CHECK(p);
}

}  // namespace

TEST_CASE("board: the newest call fills its share of the screen at both sizes, with short and long rooms") {
  for (bool urgent : {false, true})
    for (const std::string room : {"Room 3", "Reception desk"}) {
      checkBoard(1280, 800, room, urgent);
      checkBoard(800, 480, room, urgent);
    }
}

TEST_CASE("board: with no call yet it says so") {
  testing::Headless imgui(1280, 800);
  board::BoardView v = view("Room 3");
  v.calls.clear();
  imgui.drawWith([&] { board::drawBoard(v); });
  CHECK(find(imgui.log, "No one called yet"));
  CHECK(find(imgui.log, "Walk-in"));
}
