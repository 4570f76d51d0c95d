#include "ui/screens/walk_in.h"

#include <algorithm>

#include "ui/i18n.h"
#include "ui/wipe.h"

namespace longstop::ui {
namespace {
using Kind = WalkInIntent::Kind;
using Step = WalkInState::Step;

Step previous(Step s) {
  return static_cast<Step>(static_cast<int>(s) - 1);
}
Step following(Step s) {
  return static_cast<Step>(static_cast<int>(s) + 1);
}

void next(WalkInState& s, core::Date today) {
  switch (s.step) {
    case Step::kSurname:
    case Step::kForenames: {
      auto ok = core::validateNames(s.surname.empty() ? "?" : s.surname, s.forenames);
      if (s.step == Step::kSurname && s.surname.empty()) {
        s.message = tr("Please type your surname.");
      } else if (s.step == Step::kForenames && s.forenames.empty()) {
        s.message = tr("Please type your first name.");
      } else if (!ok.ok()) {
        s.message = ok.error().message;
      } else {
        s.message.clear();
        s.step = following(s.step);
      }
      return;
    }
    case Step::kDateOfBirth: {
      auto dob = dateOfBirth(s.dob, today);
      s.message = dob.ok() ? "" : dob.error().message;
      if (dob.ok()) s.step = Step::kSex;
      return;
    }
    case Step::kNhsNumber: {
      core::NhsNumber n;
      if (applyNhsNumber(s.nhs, {NhsNumberIntent::Kind::kNext}, &n) == NhsNumberOutcome::kSubmit) {
        s.nhsNumber = n;
        s.step = Step::kService;
      }
      return;
    }
    default:
      return;
  }
}

void key(WalkInState& s, const KeyPress& press) {
  s.message.clear();
  switch (s.step) {
    case Step::kSurname:
      applyToName(s.surname, press);
      break;
    case Step::kForenames:
      applyToName(s.forenames, press);
      break;
    case Step::kDateOfBirth:
      applyKey(s.dob, press);
      break;
    case Step::kNhsNumber: {
      core::NhsNumber unused;
      (void)applyNhsNumber(s.nhs, {NhsNumberIntent::Kind::kKey, press}, &unused);
      break;
    }
    default:
      break;
  }
}

WalkInOutcome submit(WalkInState& s, const std::string& queueId, core::Date today, WalkInAnswers* out) {
  auto dob = dateOfBirth(s.dob, today);
  if (!dob.ok() || s.surname.empty() || queueId.empty()) return WalkInOutcome::kStay;
  out->patient = {};
  out->patient.surname = s.surname;
  out->patient.forenames = s.forenames;
  out->patient.dateOfBirth = dob.value();
  out->patient.sex = s.sex.value_or(core::Sex::kUnknown);
  out->patient.nhsNumber = s.nhsNumber;
  out->patient.nhsNumberTraced = false;  // typed by the patient, not checked against the national index
  out->queueId = queueId;
  return WalkInOutcome::kSubmit;
}
}  // namespace

WalkInOutcome applyWalkIn(WalkInState& s, const WalkInIntent& in, core::Date today, WalkInAnswers* out) {
  switch (in.kind) {
    case Kind::kNone:
      return WalkInOutcome::kStay;
    case Kind::kStartAgain:
      return WalkInOutcome::kStartAgain;
    case Kind::kBack:
      s.message.clear();
      s.nhs.message.clear();
      if (s.step == Step::kSurname) return WalkInOutcome::kBack;
      s.step = previous(s.step);
      return WalkInOutcome::kStay;
    case Kind::kKey:
      key(s, in.key);
      return WalkInOutcome::kStay;
    case Kind::kFocus:
      s.dob.focus = std::clamp(in.focus, 0, 2);
      return WalkInOutcome::kStay;
    case Kind::kNext:
      next(s, today);
      return WalkInOutcome::kStay;
    case Kind::kSex:
      s.sex = in.sex;
      s.step = Step::kNhsNumber;
      return WalkInOutcome::kStay;
    case Kind::kSkip:
      wipe(s.nhs);
      s.nhsNumber.reset();
      s.step = Step::kService;
      return WalkInOutcome::kStay;
    case Kind::kQueue:
      return submit(s, in.queueId, today, out);
  }
  return WalkInOutcome::kStay;
}

WalkInIntent walkInIntentForKey(const WalkInState& s, Key k) {
  switch (k) {
    case Key::kEnter:
      return {Kind::kNext};
    case Key::kEscape:
      return {Kind::kBack};
    case Key::kBackspace:
    case Key::kDelete:
      return {Kind::kKey, {KeyPress::Kind::kDelete, 0}};
    case Key::kSpace:
      return {Kind::kKey, {KeyPress::Kind::kChar, U' '}};
    case Key::kTab:
      if (s.step == Step::kDateOfBirth) return {Kind::kFocus, {}, (s.dob.focus + 1) % 3};
      return {Kind::kNext};
    default:
      return {};
  }
}

void typeIntoWalkIn(WalkInState& s, std::string_view utf8) {
  s.message.clear();
  if (s.step == Step::kSurname) return appendTyped(s.surname, utf8);
  if (s.step == Step::kForenames) return appendTyped(s.forenames, utf8);
  forEachCodePoint(utf8, [&](char32_t c) {
    if (c >= U'0' && c <= U'9') key(s, {KeyPress::Kind::kChar, c});
  });
}

void wipe(WalkInState& s) {
  wipe(s.surname);
  wipe(s.forenames);
  wipe(s.dob);
  wipe(s.nhs);
  if (s.nhsNumber) wipe(s.nhsNumber->digits);
  s.nhsNumber.reset();
  s.sex.reset();
  wipe(s.message);
  s.step = Step::kSurname;
}

}  // namespace longstop::ui
