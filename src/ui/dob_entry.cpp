#include "ui/dob_entry.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "ui/chrome.h"
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
  const int year = toInt(e.year), month = toInt(e.month), day = toInt(e.day);
  // Said in the patient's language (core's own sentences are English, for the command line).
  switch (core::birthDateProblem(year, month, day, today)) {
    case core::BirthDateProblem::kNotADate:
      return core::invalidInput(tr("That date does not exist. Please check the day and the month."));
    case core::BirthDateProblem::kInFuture:
      return core::invalidInput(tr("That date is in the future. Please check the year."));
    case core::BirthDateProblem::kTooOld:
      return core::invalidInput(tr("Please check the year: that date would make you over 120 years old."));
    case core::BirthDateProblem::kNone:
      break;
  }
  return core::Date{year, month, day};
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
// The cursor at (x, y) for something `w` wide, mirrored across the screen right to left (the keypad
// on the other side of the boxes; the keys and digits keep their order).
void place(float x, float y, float w) {
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(x, w), y));
}

// A full touch target when the screen has room for the boxes, Next and one more button under them.
float boxHeight(ImVec2 min, ImVec2 max) {
  const Theme& t = theme();
  const float room = max.y - min.y;
  if (room >= fieldLabelHeight() + 3 * t.target() + 6 * t.gap()) return t.target();
  if (room >= fieldLabelHeight() + 2.9f * t.target() + 6 * t.gap()) return t.target() * 0.9f;
  return std::max(kMinButtonPx, t.target() * 0.8f);  // larger text on a short screen
}

// The example line only when there is room for it, Next and another button under the boxes.
bool showExample(ImVec2 min, ImVec2 max) {
  const Theme& t = theme();
  float boxes = fieldLabelHeight() + boxHeight(min, max);
  return max.y - min.y >= boxes + measure("W").y + 2 * t.target() + 6 * t.gap();
}

// The boxes' widths: wide enough for their digits, and for their labels while they all fit `room`;
// when they do not, the labels shrink (see field()).
// Returns the spacing between the boxes.
float boxWidths(const char* const labels[3], float room, float widths[3]) {
  const Theme& t = theme();
  const float digits[3] = {t.basePx * 3.2f, t.basePx * 3.2f, t.basePx * 4.6f};
  float total = 0;
  for (int i = 0; i < 3; ++i) {
    widths[i] = std::max(digits[i], std::ceil(measure(labels[i]).x));
    total += widths[i];
  }
  float spare = room - t.gap() * 4 - total;
  if (spare >= 0) return t.gap() * 2;
  // Short of room: the spacing between the boxes closes to one gap before any label shrinks.
  spare += t.gap() * 2;
  if (spare >= 0) return t.gap();
  // Take the shortfall from what the labels added, in proportion.
  float extra = total - (digits[0] + digits[1] + digits[2]);
  float keep = extra > 0 ? std::max(0.0f, (extra + spare) / extra) : 0.0f;
  for (int i = 0; i < 3; ++i) widths[i] = std::floor(digits[i] + (widths[i] - digits[i]) * keep);
  return t.gap();
}
}  // namespace

float dobStepMinHeight(const char* otherLabel, float width) {
  const Theme& t = theme();
  // The label, the boxes (with the spacing field() leaves under them), Next and the other way in one
  // above the other with the spacing closed up, as drawDobStep lays them out on a short screen.
  const float boxes =
      fieldLabelHeight() + ImGui::GetStyle().ItemSpacing.y * 2 + std::max(kMinButtonPx, t.target() * 0.8f);
  float column = boxes + t.gap() + kMinButtonPx;
  if (otherLabel) {
    const float leftW = width - digitKeypadSize(digitKeypadMinHeight()).x - t.gap() * 2;
    const float otherW = std::min(leftW, std::max(buttonWidth(otherLabel), t.basePx * 8));
    column += t.gap() + std::max(kMinButtonPx, buttonHeightFor(otherLabel, otherW, kMinButtonPx));
  }
  return std::max(digitKeypadMinHeight(), column);
}

DobStepPress drawDobStep(const DobEntry& e, const std::string& message, const char* otherLabel, ImVec2 min,
                         ImVec2 max) {
  const Theme& t = theme();
  DobStepPress press;
  ImVec2 pad = digitKeypadSize(max.y - min.y);
  float keypadX = max.x - pad.x;
  float leftW = keypadX - min.x - t.gap() * 2;
  float boxH = boxHeight(min, max);
  const char* labels[3] = {tr("Day"), tr("Month"), tr("Year")};
  const char* ids[3] = {"dob-day", "dob-month", "dob-year"};
  float boxW[3];
  const float between = boxWidths(labels, leftW, boxW);
  // The three boxes are one block that reads day, month, year left to right (as the example under them
  // and a date in a right-to-left sentence do); right to left the block stands on the right.
  const float blockW = boxW[0] + boxW[1] + boxW[2] + between * 2;
  float x = mirrorX(min.x, blockW);
  for (int i = 0; i < 3; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(x, min.y));
    if (field(labels[i], e.part(i), ImVec2(boxW[i], boxH), e.focus == i, ids[i])) press.focus = i;
    x += boxW[i] + between;
  }
  float y = ImGui::GetCursorScreenPos().y;
  if (showExample(min, max)) {
    const float exampleW = std::max(t.basePx * 6, leftW);
    place(min.x, y + t.gap(), exampleW);
    y += t.gap() + textWrapped(tr("For example 07 03 1984"), exampleW);
  }
  press.key = drawDigitKeypad(ImVec2(mirrorX(keypadX, pad.x), min.y), max.y - min.y);

  // The message goes under Next when there is room for it; on a short screen it takes Next's place
  // while it stands (Next would only repeat it, and any key clears it).
  y += t.gap() * 2;
  // No room for Next above the other way in at a touch target each (a short screen with larger text, a
  // heading on two lines): the two one above the other a fingertip tall, the other way on two lines at
  // full size when it needs them; only when even that does not fit, side by side, half the column each.
  if (otherLabel && message.empty() && y + t.target() * 2 + t.gap() * 2 > max.y) {
    const float otherW = std::min(leftW, std::max(buttonWidth(otherLabel), t.basePx * 8));
    const float otherLines = buttonHeightFor(otherLabel, otherW, kMinButtonPx);  // one line or two
    const float top = y - t.gap();                                               // the spacing closes up too
    const float h = std::clamp(std::floor(max.y - top - t.gap() - otherLines), kMinButtonPx, t.target());
    const float otherH = std::max(h, otherLines);
    if (top + h + t.gap() + otherH <= max.y + 0.5f) {
      place(min.x, top, std::min(leftW, t.basePx * 8));
      if (button(tr("Next"), ImVec2(std::min(leftW, t.basePx * 8), h), ButtonStyle::kPrimary, true))
        press.next = true;
      place(min.x, max.y - otherH, otherW);
      if (button(otherLabel, ImVec2(otherW, otherH), ButtonStyle::kSecondary)) press.other = true;
      return press;
    }
    // Next as wide as its word needs (up to half), the other way in the rest, and as tall as the column
    // leaves it when its words need two lines.
    const float nextW = std::min(buttonWidth(tr("Next")), (leftW - t.gap() * 2) / 2);
    const float w = leftW - t.gap() * 2 - nextW;
    const float rowY = std::min(y, max.y - t.target());
    const float twoLines = std::ceil(t.body()->FontSize * 2 + t.basePx * 0.15f);
    const bool fullSize =
        fitLabel(otherLabel, ImVec2(w - t.basePx * 0.4f, t.target())).size >= t.body()->FontSize - 0.01f;
    const float sideH =
        fullSize ? t.target() : std::clamp(max.y - rowY, t.target(), std::max(t.target(), twoLines));
    place(min.x, rowY, nextW);
    if (button(tr("Next"), ImVec2(nextW, t.target()), ButtonStyle::kPrimary, true)) press.next = true;
    place(min.x + nextW + t.gap() * 2, rowY, w);
    if (button(otherLabel, ImVec2(w, sideH), ButtonStyle::kSecondary)) press.other = true;
    return press;
  }
  // The other way in never runs off the bottom.
  float otherY =
      otherLabel ? std::min(std::max(y + t.target() + t.gap() * 2, max.y - t.target()), max.y - t.target())
                 : max.y;
  float msgW = leftW;
  float msgH = message.empty() ? 0 : measureWrapped(std::string("! ") + message, msgW).y;
  // While a message stands on a short screen it may take the other way in's place too (any key clears
  // it, and the button comes back).
  if (otherLabel && !message.empty() &&
      y + msgH * 0.75f > otherY - t.gap()) {  // 0.75: the fitting's last step
    otherLabel = nullptr;
    otherY = max.y;
  }
  bool msgBelow = message.empty() || y + t.target() + t.gap() + msgH <= otherY - t.gap();
  if (msgBelow) {
    place(min.x, y, std::min(leftW, t.basePx * 8));
    // Next always answers: with a two-digit year it says what is missing rather than sit greyed out.
    if (button(tr("Next"), ImVec2(std::min(leftW, t.basePx * 8), t.target()), ButtonStyle::kPrimary, true))
      press.next = true;
    y += t.target() + t.gap();
  }
  if (!message.empty()) {
    place(min.x, y, msgW);
    // At full size; what does not fit scrolls under a finger (larger text, a long translation).
    float h = scrollingText(std::string("! ") + message,
                            ImVec2(msgW, std::max(t.body()->FontSize, otherY - t.gap() - y)), "dob-message",
                            nullptr, colour::kRed);
    otherY = std::max(otherY, y + h + t.gap());
  }
  if (otherLabel) {
    place(min.x, otherY, std::min(leftW, buttonWidth(otherLabel)));
    if (button(otherLabel, ImVec2(std::min(leftW, buttonWidth(otherLabel)), t.target()),
               ButtonStyle::kSecondary))
      press.other = true;
  }
  return press;
}

}  // namespace longstop::ui
