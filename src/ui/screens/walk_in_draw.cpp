// Drawing the walk-in steps; the logic is in walk_in.cpp.
#include <algorithm>
#include <cmath>

#include "ui/chrome.h"
#include "ui/default_names.h"
#include "ui/i18n.h"
#include "ui/screens/walk_in.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {
namespace {
using Kind = WalkInIntent::Kind;
using Step = WalkInState::Step;

void drawError(const std::string& message, float x, float y, float width) {
  if (message.empty()) return;
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  textWrapped(std::string("! ") + message, width, nullptr, colour::kRed);
}

// A name step: the question, the typed name and Next in one row, the keyboard under it. The question
// is the row's label (not a heading) so the keyboard keeps finger-sized keys on an 800x480 screen.
void drawNameStep(const WalkInState& s, const Rect& area, WalkInIntent& intent) {
  const Theme& t = theme();
  bool surname = s.step == Step::kSurname;
  const char* question = surname ? tr("Your surname") : tr("Your first name(s)");
  const std::string& value = surname ? s.surname : s.forenames;
  // A full touch target when there is room for it and four full rows of keys below.
  float rowH = area.height() >= 5 * t.target() + 5 * t.gap() ? t.target() : t.target() * 0.8f;
  float qW = measure(question).x;
  const char* nextLabel = tr("Next");
  float nextW = buttonWidth(nextLabel);
  // Right to left, the row reads from the right: the question, the name, then Next on the left; the
  // keyboard's keys keep their order.
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(area.min.x, qW), area.min.y + (rowH - measure(question).y) / 2));
  text(question);
  float boxX = area.min.x + qW + t.gap() * 2;
  float boxW = area.max.x - boxX - nextW - t.gap() * 2;
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(boxX, boxW), area.min.y));
  ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRect(min, ImVec2(min.x + boxW, min.y + rowH), colour::kText, 0, 0, t.basePx * 0.12f);
  std::string shown = value + "|";
  ImGui::SetCursorScreenPos(ImVec2(min.x + t.gap(), min.y + (rowH - measure(shown).y) / 2));
  dl->PushClipRect(min, ImVec2(min.x + boxW, min.y + rowH), true);
  text(value);
  dl->PopClipRect();
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(area.max.x - nextW, nextW), area.min.y));
  if (button(nextLabel, ImVec2(nextW, rowH), ButtonStyle::kPrimary, !value.empty())) intent = {Kind::kNext};
  float kbY = area.min.y + rowH + t.gap() * 2;
  float msgH = s.message.empty() ? 0 : measure("W").y + t.gap();
  drawError(s.message, area.min.x, kbY, area.width());
  KeyPress p = drawKeyboard(ImVec2(area.min.x, kbY + msgH), area.width(), area.max.y - kbY - msgH);
  if (p) intent = {Kind::kKey, p};
}

void drawDobStep(const WalkInState& s, const Rect& area, WalkInIntent& intent) {
  DobStepPress p = drawDobStep(s.dob, s.message, nullptr, area.min, area.max);
  if (p.key) intent = {Kind::kKey, p.key};
  if (p.focus >= 0) intent = {Kind::kFocus, {}, p.focus};
  if (p.next) intent = {Kind::kNext};
}

void drawSexStep(const Rect& area, WalkInIntent& intent) {
  const Theme& t = theme();
  RowButton buttons[3] = {{tr("Female"), int(ButtonStyle::kPrimary)},
                          {tr("Male"), int(ButtonStyle::kPrimary)},
                          {tr("Prefer not to say"), int(ButtonStyle::kSecondary)}};
  int pressed =
      drawButtonColumn(buttons, 3, area.min.y, area, std::min(area.width(), t.basePx * 14),
                       std::min(t.target(), std::max(kMinButtonPx, (area.height() - t.gap() * 4) / 3)));
  const core::Sex sexes[3] = {core::Sex::kFemale, core::Sex::kMale, core::Sex::kUnknown};
  if (pressed >= 0) intent = {Kind::kSex, {}, 0, sexes[pressed]};
}

void drawServiceStep(const WalkInView& v, const Rect& area, WalkInIntent& intent) {
  const Theme& t = theme();
  int n = static_cast<int>(v.queues.size());
  float h = t.target();
  int rowsFit = std::max(1, static_cast<int>((area.height() + t.gap() * 2) / (h + t.gap() * 2)));
  int cols = std::max(1, (n + rowsFit - 1) / rowsFit);
  float w = std::min(t.basePx * 14, (area.width() - t.gap() * 2 * (cols - 1)) / cols);
  if (t.largerText) {
    // Larger text: the names keep their size, on two lines when they need them, in buttons as wide as
    // the columns allow.
    w = (area.width() - t.gap() * 2 * (cols - 1)) / cols;
    for (const auto& q : v.queues) h = std::max(h, buttonHeightFor(shownName(q.name), w, t.target()));
    rowsFit = std::max(1, static_cast<int>((area.height() + t.gap() * 2) / (h + t.gap() * 2)));
    cols = std::max(1, (n + rowsFit - 1) / rowsFit);
    w = (area.width() - t.gap() * 2 * (cols - 1)) / cols;
  }
  float x0 = area.min.x + (area.width() - (w * cols + t.gap() * 2 * (cols - 1))) / 2;
  for (int i = 0; i < n; ++i) {
    int c = i / rowsFit, r = i % rowsFit;
    // Right to left, the first column is on the right.
    ImGui::SetCursorScreenPos(
        ImVec2(mirrorX(x0 + c * (w + t.gap() * 2), w), area.min.y + r * (h + t.gap() * 2)));
    const auto& q = v.queues[i];
    if (button(shownName(q.name), ImVec2(w, h), ButtonStyle::kPrimary, true, q.id.c_str()))
      intent = {Kind::kQueue, {}, 0, core::Sex::kUnknown, q.id};
  }
}

const char* headingFor(Step step) {
  switch (step) {
    case Step::kDateOfBirth:
      return tr("What is your date of birth?");
    case Step::kSex:
      return tr("What sex are you registered as at the practice?");
    case Step::kService:
      return tr("Which service do you need?");
    default:
      return "";
  }
}
}  // namespace

WalkInIntent drawWalkIn(const WalkInView& v) {
  const WalkInState& s = v.state;
  WalkInIntent intent;
  if (s.step == Step::kNhsNumber) {
    NhsNumberIntent n =
        drawNhsNumber({s.nhs, tr("Your NHS number, if you know it"), tr("Next"), tr("I don't know it")});
    switch (n.kind) {
      case NhsNumberIntent::Kind::kKey:
        return {Kind::kKey, n.key};
      case NhsNumberIntent::Kind::kNext:
        return {Kind::kNext};
      case NhsNumberIntent::Kind::kSkip:
        return {Kind::kSkip};
      case NhsNumberIntent::Kind::kBack:
        return {Kind::kBack};
      case NhsNumberIntent::Kind::kStartAgain:
        return {Kind::kStartAgain};
      default:
        return {};
    }
  }
  Rect area;
  const Theme& t = theme();
  // The keys and answers keep their room; a heading that would take it scrolls instead.
  const float width = displayRect().width() - 2 * t.margin();
  float keep = 0;
  if (s.step == Step::kDateOfBirth) keep = dobStepMinHeight(nullptr, width);
  if (s.step == Step::kSex) keep = 3 * std::max(kMinButtonPx, t.target() * 0.8f) + 4 * t.gap();
  if (s.step == Step::kService) keep = std::max(kMinButtonPx, t.target() * 0.8f);
  Nav nav = drawChrome(headingFor(s.step), true, true, &area, keep);
  switch (s.step) {
    case Step::kSurname:
    case Step::kForenames:
      drawNameStep(s, area, intent);
      break;
    case Step::kDateOfBirth:
      drawDobStep(s, area, intent);
      break;
    case Step::kSex:
      drawSexStep(area, intent);
      break;
    case Step::kService:
      drawServiceStep(v, area, intent);
      break;
    default:
      break;
  }
  if (nav == Nav::kBack) intent = {Kind::kBack};
  if (nav == Nav::kStartAgain) intent = {Kind::kStartAgain};
  return intent;
}

}  // namespace longstop::ui
