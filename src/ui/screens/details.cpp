#include "ui/screens/details.h"

#include <algorithm>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {
namespace {
using Kind = DetailsIntent::Kind;
using Step = DetailsState::Step;

DetailsOutcome back(DetailsState& s) {
  s.message.clear();
  if (s.step == Step::kDateOfBirth) return DetailsOutcome::kBack;
  s.step = s.step == Step::kSex ? Step::kInitial : Step::kDateOfBirth;
  return DetailsOutcome::kStay;
}

DetailsOutcome next(DetailsState& s, core::Date today) {
  if (s.step == Step::kDateOfBirth) {
    auto dob = dateOfBirth(s.dob, today);
    if (!dob.ok()) {
      s.message = dob.error().message;
      return DetailsOutcome::kStay;
    }
    s.message.clear();
    s.step = Step::kInitial;
  } else if (s.step == Step::kInitial) {
    if (!s.initial) {
      s.message = tr("Please choose the first letter of your surname.");
      return DetailsOutcome::kStay;
    }
    s.message.clear();
    s.step = Step::kSex;
  }
  return DetailsOutcome::kStay;
}
}  // namespace

DetailsOutcome applyDetails(DetailsState& s, const DetailsIntent& in, core::Date today, core::Date* dobOut,
                            std::optional<core::Sex>* sexOut) {
  switch (in.kind) {
    case Kind::kNone:
      return DetailsOutcome::kStay;
    case Kind::kBack:
      return back(s);
    case Kind::kStartAgain:
      return DetailsOutcome::kStartAgain;
    case Kind::kUseNhsNumber:
      return DetailsOutcome::kUseNhsNumber;
    case Kind::kKey:
      if (s.step == Step::kDateOfBirth) applyKey(s.dob, in.key);
      s.message.clear();
      return DetailsOutcome::kStay;
    case Kind::kFocus:
      s.dob.focus = std::clamp(in.focus, 0, 2);
      return DetailsOutcome::kStay;
    case Kind::kNext:
      return next(s, today);
    case Kind::kLetter:
      if (in.letter < 'A' || in.letter > 'Z') return DetailsOutcome::kStay;
      s.initial = in.letter;
      s.message.clear();
      s.step = Step::kSex;
      return DetailsOutcome::kStay;
    case Kind::kSex: {
      auto dob = dateOfBirth(s.dob, today);
      if (!dob.ok() || !s.initial) return DetailsOutcome::kStay;
      *dobOut = dob.value();
      *sexOut = in.sex;
      return DetailsOutcome::kSubmit;
    }
  }
  return DetailsOutcome::kStay;
}

DetailsIntent detailsIntentForKey(const DetailsState& s, Key k) {
  switch (k) {
    case Key::kEnter:
      return {Kind::kNext};
    case Key::kEscape:
      return {Kind::kBack};
    case Key::kBackspace:
    case Key::kDelete:
      return {Kind::kKey, {KeyPress::Kind::kDelete, 0}};
    case Key::kTab:
      return {Kind::kFocus, {}, (s.dob.focus + 1) % 3};
    default:
      return {};
  }
}

DetailsIntent detailsIntentForChar(const DetailsState& s, char32_t c) {
  if (s.step == Step::kDateOfBirth && c >= U'0' && c <= U'9') return {Kind::kKey, {KeyPress::Kind::kChar, c}};
  if (s.step == Step::kInitial && c < 128 && std::isalpha(static_cast<int>(c)))
    return {Kind::kLetter, {}, 0, static_cast<char>(std::toupper(static_cast<int>(c)))};
  return {};
}

void wipe(DetailsState& s) {
  wipe(s.dob);
  s.initial.reset();
  s.message.clear();
  s.step = Step::kDateOfBirth;
}

namespace {
const char* headingFor(Step step) {
  switch (step) {
    case Step::kDateOfBirth:
      return tr("What is your date of birth?");
    case Step::kInitial:
      return tr("What is the first letter of your surname?");
    case Step::kSex:
      return tr("What sex are you registered as at the practice?");
  }
  return "";
}

void drawMessage(const std::string& message, float y, float width) {
  if (message.empty()) return;
  ImGui::SetCursorScreenPos(ImVec2(theme().margin(), y));
  textWrapped(std::string("! ") + message, width, nullptr, colour::kRed);
}

void drawDobStep(const DetailsState& s, const Rect& area, DetailsIntent& intent) {
  DobStepPress p = drawDobStep(s.dob, s.message, tr("Use my NHS number instead"), area.min, area.max);
  if (p.key) intent = {Kind::kKey, p.key};
  if (p.focus >= 0) intent = {Kind::kFocus, {}, p.focus};
  if (p.next) intent = {Kind::kNext};
  if (p.other) intent = {Kind::kUseNhsNumber};
}
}  // namespace

DetailsIntent drawDetails(const DetailsState& s) {
  const Theme& t = theme();
  Rect area;
  DetailsIntent intent;
  // The keypad and the answers keep their room; a heading that would take it scrolls instead.
  const float width = displayRect().width() - 2 * t.margin();
  float keep = 0;
  if (s.step == Step::kDateOfBirth) keep = dobStepMinHeight(tr("Use my NHS number instead"), width);
  if (s.step == Step::kInitial) keep = letterGridHeight(std::min(width, (t.target() * 1.2f + t.gap()) * 9));
  if (s.step == Step::kSex) keep = 3 * std::max(kMinButtonPx, t.target() * 0.8f) + 4 * t.gap();
  Nav nav = drawChrome(headingFor(s.step), true, true, &area, keep);
  if (s.step == Step::kDateOfBirth) {
    drawDobStep(s, area, intent);
  } else if (s.step == Step::kInitial) {
    float gridW = std::min(area.width(), (t.target() * 1.2f + t.gap()) * 9);
    float x = area.min.x + (area.width() - gridW) / 2;
    if (auto c = drawLetterGrid(ImVec2(x, area.min.y), gridW, s.initial)) intent = {Kind::kLetter, {}, 0, *c};
    drawMessage(s.message, area.min.y + letterGridHeight(gridW) + t.gap(), area.width());
  } else {
    RowButton buttons[3] = {{tr("Female"), int(ButtonStyle::kPrimary)},
                            {tr("Male"), int(ButtonStyle::kPrimary)},
                            {tr("Prefer not to say"), int(ButtonStyle::kSecondary)}};
    float w = std::min(area.width(), t.basePx * 14);
    // A touch target each, less on a short screen (never below a fingertip) so all three stand in view.
    const float h = std::min(t.target(), std::max(kMinButtonPx, (area.height() - t.gap() * 4) / 3));
    int pressed = drawButtonColumn(buttons, 3, area.min.y, area, w, h);
    if (pressed == 0) intent = {Kind::kSex, {}, 0, 0, core::Sex::kFemale};
    if (pressed == 1) intent = {Kind::kSex, {}, 0, 0, core::Sex::kMale};
    if (pressed == 2) intent = {Kind::kSex, {}, 0, 0, std::nullopt};
  }
  if (nav == Nav::kBack) intent = {Kind::kBack};
  if (nav == Nav::kStartAgain) intent = {Kind::kStartAgain};
  return intent;
}

}  // namespace longstop::ui
