// Right to left, the patient screens are mirrored: what stands on the left in English stands on the
// right in Arabic, Urdu and Persian (Back, the answers' order, a keypad beside its boxes, the ticket's
// code beside its number). A keyboard's or keypad's own keys and the date boxes keep their order; only
// where the block stands is mirrored.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "support/fake_kiosk_services.h"
#include "support/layout_checks.h"
#include "support/patient_screens.h"
#include "ui/i18n.h"
#include "ui/patient_flow.h"
#include "ui/widgets.h"

using namespace longstop;
using namespace longstop::ui;
using testing::FakeKioskServices;
using testing::Headless;

namespace {
// What is drawn and labelled (controls and texts), in drawing order.
std::vector<WidgetRecord> controls(const WidgetLog& log) {
  std::vector<WidgetRecord> out;
  for (const auto& w : log.widgets())
    if (w.visible && !w.label.empty()) out.push_back(w);
  return out;
}

// The blocks that keep their own order right to left, as on any Arabic phone or cash machine: a
// keyboard's or keypad's keys (one character, Space, Delete), and the date boxes, which read
// day-month-year left to right as the example under them and the digits in them do. Only where a
// block stands is mirrored.
std::string blockOf(const std::string& english) {
  size_t n = 0;
  forEachCodePoint(english, [&](char32_t) { ++n; });
  if (n == 1 || english == "Space" || english == "Delete") return "keys";
  if (english == "Day" || english == "Month" || english == "Year") return "date";
  return "";
}

bool sameRow(const WidgetRecord& a, const WidgetRecord& b) {
  const float overlap = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
  return overlap > std::min(a.max.y - a.min.y, b.max.y - b.min.y) / 2;
}

// Each English control's counterpart: the one with its translation as label, else the one drawn in
// the same place in the order (a label the program composed).
std::vector<size_t> counterparts(const std::vector<WidgetRecord>& en, const std::vector<WidgetRecord>& rtl,
                                 const char* code) {
  std::vector<size_t> match(en.size(), rtl.size());
  std::vector<bool> used(rtl.size(), false);
  for (size_t i = 0; i < en.size(); ++i) {
    const std::string want = trIn(code, en[i].label.c_str());
    for (size_t j = 0; j < rtl.size() && match[i] == rtl.size(); ++j)
      if (!used[j] && rtl[j].label == want) match[i] = j, used[j] = true;
  }
  for (size_t i = 0; i < en.size(); ++i)
    if (match[i] == rtl.size() && i < rtl.size() && !used[i]) match[i] = i, used[i] = true;
  return match;
}
}  // namespace

TEST_CASE(
    "right to left, every patient screen is mirrored; keys and date boxes keep their order in their block") {
  int compared = 0;  // pairs side by side, compared
  for (const std::pair<int, int>& size : {std::pair{1280, 800}, std::pair{800, 480}}) {
    Headless imgui(size.first, size.second);
    REQUIRE(imgui.fontsLoaded);
    for (const char* rtl : {"ar", "ur", "fa"})
      for (const auto& screen : testing::patientScreens()) {
        const auto en = controls(testing::drawnIn(imgui, "en", screen));
        const auto mirrored = controls(testing::drawnIn(imgui, rtl, screen));
        INFO(rtl << ": " << screen.name << " at " << size.first << "x" << size.second);
        // (A translation may take another line and leave out a line of text, so the counts can differ:
        // what has no counterpart is not compared.)
        const auto match = counterparts(en, mirrored, rtl);
        // What is drawn inside a block's control (the digits typed into a date box) belongs to it.
        std::vector<std::string> blocks(en.size());
        for (size_t i = 0; i < en.size(); ++i) {
          blocks[i] = blockOf(en[i].label);
          const ImVec2 c = en[i].centre();
          for (size_t k = 0; k < en.size() && blocks[i].empty(); ++k)
            if (c.x >= en[k].min.x && c.x <= en[k].max.x && c.y >= en[k].min.y && c.y <= en[k].max.y)
              blocks[i] = blockOf(en[k].label);
        }
        // Two controls side by side in English stand the other way round right to left.
        for (size_t a = 0; a < en.size(); ++a)
          for (size_t b = 0; b < en.size(); ++b) {
            if (en[a].max.x > en[b].min.x + 0.5f || !sameRow(en[a], en[b])) continue;  // a left of b
            if (!blocks[a].empty() && blocks[a] == blocks[b]) continue;
            if (match[a] == mirrored.size() || match[b] == mirrored.size()) continue;
            ++compared;
            const WidgetRecord& ra = mirrored[match[a]];
            const WidgetRecord& rb = mirrored[match[b]];
            INFO("'" << en[a].label << "' left of '" << en[b].label << "' in English; right to left '"
                     << ra.label << "' at " << ra.min.x << "-" << ra.max.x << ", '" << rb.label << "' at "
                     << rb.min.x << "-" << rb.max.x);
            CHECK(rb.max.x <= ra.min.x + 0.5f);
          }
      }
    setLanguage("en");
  }
  CHECK(compared > 500);
}
