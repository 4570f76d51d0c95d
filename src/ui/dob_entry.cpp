#include "ui/dob_entry.h"

#include <algorithm>
#include <charconv>

#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wipe.h"

namespace longstop::ui {
namespace {
constexpr size_t kMaxDigits[3] = {2, 2, 4};

int toInt(const std::string& s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}
}  // namespace

void applyKey(DobEntry& e, const KeyPress& press) {
  e.focus = std::clamp(e.focus, 0, 2);
  if (press.kind == KeyPress::Kind::kDelete) {
    if (e.part(e.focus).empty() && e.focus > 0) --e.focus;
    if (!e.part(e.focus).empty()) e.part(e.focus).pop_back();
    return;
  }
  if (press.kind != KeyPress::Kind::kChar || press.ch < U'0' || press.ch > U'9') return;
  if (e.part(e.focus).size() >= kMaxDigits[e.focus]) {
    if (e.focus == 2) return;
    ++e.focus;
  }
  e.part(e.focus) += static_cast<char>(press.ch);
  if (e.part(e.focus).size() == kMaxDigits[e.focus] && e.focus < 2) ++e.focus;
}

core::Result<core::Date> dateOfBirth(const DobEntry& e, core::Date today) {
  if (!e.complete())
    return core::invalidInput(tr("Please enter the day, the month and all four digits of the year."));
  return core::checkDateOfBirth(toInt(e.year), toInt(e.month), toInt(e.day), today);
}

void setDate(DobEntry& e, core::Date d) {
  auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  e.day = two(d.day);
  e.month = two(d.month);
  e.year = std::to_string(d.year);
  e.focus = 2;
}

void wipe(DobEntry& e) {
  wipe(e.day);
  wipe(e.month);
  wipe(e.year);
  e.focus = 0;
}

namespace {
// A full touch target when the screen has room for the boxes, Next and one more button under them.
float boxHeight(ImVec2 min, ImVec2 max) {
  const Theme& t = theme();
  bool roomy = max.y - min.y >= measure("W").y + 3 * t.target() + 6 * t.gap();
  return roomy ? t.target() : t.target() * 0.9f;
}

// The example line only when there is room for it, Next and another button under the boxes.
bool showExample(ImVec2 min, ImVec2 max) {
  const Theme& t = theme();
  float boxes = measure("W").y + boxHeight(min, max);
  return max.y - min.y >= boxes + measure("W").y + 2 * t.target() + 6 * t.gap();
}
}  // namespace

float dobEntryBottom(ImVec2 min, ImVec2 max) {
  const Theme& t = theme();
  float y = min.y + measure("W").y + boxHeight(min, max);
  if (showExample(min, max)) y += measure("W").y + t.gap() * 2;
  return y;
}

KeyPress drawDobEntry(const DobEntry& e, ImVec2 min, ImVec2 max, int* focusTapped) {
  const Theme& t = theme();
  ImVec2 pad = digitKeypadSize(max.y - min.y);
  float keypadX = max.x - pad.x;
  float boxH = boxHeight(min, max);
  float boxW[3] = {t.basePx * 3.2f, t.basePx * 3.2f, t.basePx * 4.6f};
  const char* labels[3] = {tr("Day"), tr("Month"), tr("Year")};
  const char* ids[3] = {"dob-day", "dob-month", "dob-year"};
  float x = min.x;
  for (int i = 0; i < 3; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(x, min.y));
    if (field(labels[i], e.part(i), ImVec2(boxW[i], boxH), e.focus == i, ids[i]) && focusTapped)
      *focusTapped = i;
    x += boxW[i] + t.gap() * 2;
  }
  if (showExample(min, max)) {
    ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + boxH + measure("W").y + t.gap() * 2));
    textWrapped(tr("For example 07 03 1984"), std::max(t.basePx * 6, keypadX - min.x - t.gap() * 2));
  }
  return drawDigitKeypad(ImVec2(keypadX, min.y), max.y - min.y);
}

}  // namespace longstop::ui
