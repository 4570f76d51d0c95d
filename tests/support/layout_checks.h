// What a person would call "cut off" or "on top of each other", checked over one frame's widget log:
// every text whole and inside the room it was given (and the screen), not shrunk below the floor; no two
// texts on top of each other; no text under a button it is not the label of; no two buttons overlapping;
// every control wholly on the screen; larger text at least so many times the normal size.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/widgets.h"

namespace longstop::testing {

namespace layout_detail {
inline bool apart(ImVec2 amin, ImVec2 amax, ImVec2 bmin, ImVec2 bmax) {
  constexpr float kSlack = 0.5f;
  return amax.x <= bmin.x + kSlack || bmax.x <= amin.x + kSlack || amax.y <= bmin.y + kSlack ||
         bmax.y <= amin.y + kSlack;
}
inline bool inside(ImVec2 min, ImVec2 max, ImVec2 rmin, ImVec2 rmax) {
  constexpr float kSlack = 0.5f;
  return min.x >= rmin.x - kSlack && min.y >= rmin.y - kSlack && max.x <= rmax.x + kSlack &&
         max.y <= rmax.y + kSlack;
}
inline std::string box(ImVec2 min, ImVec2 max) {
  return std::to_string(int(min.x)) + "," + std::to_string(int(min.y)) + "-" + std::to_string(int(max.x)) +
         "," + std::to_string(int(max.y));
}
// Where the text itself was drawn: a widget that does not say drew it over its whole rectangle.
inline void textBox(const ui::WidgetRecord& w, ImVec2* min, ImVec2* max) {
  const bool has = w.textMax.x > w.textMin.x || w.textMax.y > w.textMin.y;
  *min = has ? w.textMin : w.min;
  *max = has ? w.textMax : w.max;
}
}  // namespace layout_detail

/// Every problem found, one line each ("'Nurse appointmen…' runs out of its room ..."); empty when none.
inline std::vector<std::string> layoutProblems(const ui::WidgetLog& log, ImVec2 display) {
  using namespace layout_detail;
  std::vector<std::string> out;
  std::vector<const ui::WidgetRecord*> shown;
  for (const auto& w : log.widgets())
    if (w.visible && !w.label.empty()) shown.push_back(&w);
  for (const auto* w : shown) {
    ImVec2 tmin, tmax;
    textBox(*w, &tmin, &tmax);
    const bool hasRoom = w->roomMax.x > w->roomMin.x;
    if (!inside(tmin, tmax, ImVec2(0, 0), display))
      out.push_back("'" + w->label + "' runs off the screen at " + box(tmin, tmax));
    else if (hasRoom && !inside(tmin, tmax, w->roomMin, w->roomMax))
      out.push_back("'" + w->label + "' is cut: drawn " + box(tmin, tmax) + " in room " +
                    box(w->roomMin, w->roomMax));
    if (w->textScale < ui::kMinLabelScale - 1e-4f)
      out.push_back("'" + w->label + "' shrunk to " + std::to_string(w->textScale));
  }
  for (size_t i = 0; i < shown.size(); ++i)
    for (size_t j = i + 1; j < shown.size(); ++j) {
      const auto& a = *shown[i];
      const auto& b = *shown[j];
      ImVec2 amin, amax, bmin, bmax;
      if (a.clickable && b.clickable) {
        if (!apart(a.min, a.max, b.min, b.max))
          out.push_back("buttons '" + a.label + "' and '" + b.label + "' overlap");
        continue;
      }
      // A text against a button: the text must not be under the button's box.
      if (a.clickable != b.clickable) {
        const auto& button = a.clickable ? a : b;
        const auto& text = a.clickable ? b : a;
        textBox(text, &amin, &amax);
        // A text given the button's own box as its room is what the box shows (a field's value).
        const bool ownContent =
            text.roomMax.x > text.roomMin.x && inside(text.roomMin, text.roomMax, button.min, button.max);
        if (!ownContent && !apart(amin, amax, button.min, button.max))
          out.push_back("'" + text.label + "' is under the button '" + button.label + "'");
        continue;
      }
      textBox(a, &amin, &amax);
      textBox(b, &bmin, &bmax);
      if (!apart(amin, amax, bmin, bmax))
        out.push_back("'" + a.label + "' at " + box(amin, amax) + " and '" + b.label + "' at " +
                      box(bmin, bmax) + " overlap");
    }
  return out;
}

/// Every control a person may need on a patient screen (keys, answers, the way forward, Back) lies
/// wholly on the visible screen, where a finger can press it without scrolling anything: one line per
/// control that does not (partly or wholly below the bottom edge, say). Unlike layoutProblems this looks
/// at every control drawn, not only those whose centre is in view.
inline std::vector<std::string> controlsOutOfView(const ui::WidgetLog& log, ImVec2 display) {
  using namespace layout_detail;
  std::vector<std::string> out;
  for (const auto& w : log.widgets())
    if (w.clickable && !inside(w.min, w.max, ImVec2(0, 0), display))
      out.push_back("the control '" + w.label + "' at " + box(w.min, w.max) + " is not wholly on the " +
                    std::to_string(int(display.x)) + "x" + std::to_string(int(display.y)) + " screen");
  return out;
}

/// Larger text as a person sees it: every text of `normal` (one screen drawn with normal text) that
/// `larger` (the same screen with larger text) shows too is drawn at least `factor` times the size it
/// was, except that text that was bigger than body text (a heading, the
/// ticket's number) may give up its extra size down to `largerBodyPx`, the larger body text's own size.
/// One line per text that is not.
inline std::vector<std::string> largerTextProblems(const ui::WidgetLog& normal, const ui::WidgetLog& larger,
                                                   float factor, float largerBodyPx) {
  std::map<std::string, float> before;
  for (const auto& w : normal.widgets())
    if (w.visible && w.textPx > 0 && !w.label.empty()) {
      auto [it, added] = before.emplace(w.label, w.textPx);
      if (!added) it->second = std::min(it->second, w.textPx);
    }
  std::vector<std::string> out;
  for (const auto& w : larger.widgets()) {
    if (!w.visible || w.textPx <= 0) continue;
    auto it = before.find(w.label);
    if (it == before.end()) continue;
    // Text bigger than the larger body text already (a heading, the ticket's number) may give up its
    // extra size to make room, down to the larger body text.
    const float least =
        it->second >= largerBodyPx ? largerBodyPx : std::min(it->second * factor, largerBodyPx);
    if (w.textPx < least - 0.5f)
      out.push_back("'" + w.label + "' is " + std::to_string(w.textPx) + " px with larger text, " +
                    std::to_string(it->second) + " px without: less than " + std::to_string(factor) + "x");
  }
  return out;
}

}  // namespace longstop::testing
