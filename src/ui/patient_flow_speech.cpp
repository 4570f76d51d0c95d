// The flow's spoken guidance: what is said when a screen appears (its question, then its controls),
// when a control is touched once or reached by the keypad, and while digits of a personal detail are
// typed ("four digits entered", never the digits). Everything said goes through say(), so the speech
// log of a test run holds exactly what the loudspeaker was given.
#include <cctype>

#include "ui/i18n.h"
#include "ui/patient_flow.h"
#include "ui/widgets.h"

namespace longstop::ui {
namespace {

// "A042" as "A, 0 4 2": each character on its own, so a voice reads a ticket, not a word or a number.
std::string spelt(std::string_view ticket) {
  std::string out;
  bool letters = true;
  for (char c : ticket) {
    bool digit = std::isdigit(static_cast<unsigned char>(c));
    if (!out.empty()) out += letters && digit ? ", " : " ";
    letters = !digit;
    out += c;
  }
  return out;
}

// Appends `next` as a sentence of its own: a voice pauses between them.
void joinSentence(std::string& text, std::string_view next) {
  if (next.empty()) return;
  if (!text.empty()) {
    const char last = text.back();
    // A sentence that ends in its own script's full stop (Urdu ۔, Bengali ।, Chinese 。) ends in a
    // byte over 0x7f; only Latin punctuation is looked at.
    text += last == '.' || last == '?' || last == '!' || static_cast<unsigned char>(last) > 0x7f ? " " : ". ";
  }
  text += next;
}

}  // namespace

void PatientFlow::setListen(bool on) {
  if (s_.listen == on) return;
  s_.listen = on;
  guide_.resetScreen();
  announcedKey_.clear();
  if (!on && speech_) speech_->stop();
}

void PatientFlow::say(const std::string& text) {
  if (speech_ && !text.empty()) speech_->say(text, currentLanguage());
}

std::string PatientFlow::spokenKey() const {
  std::string k = std::to_string(static_cast<int>(s_.screen)) + "/" + currentLanguage();
  switch (s_.screen) {
    case Screen::kDetails:
      return k + "/" + std::to_string(static_cast<int>(s_.details.step));
    case Screen::kWalkIn:
      return k + "/" + std::to_string(static_cast<int>(s_.walkIn.step));
    case Screen::kMessage:
      return k + "/" + std::to_string(static_cast<int>(s_.message.kind));
    case Screen::kLanguage:
      return k + "/" + std::to_string(s_.languagePage);
    default:
      return k;
  }
}

int PatientFlow::secretDigits() const {
  auto dob = [](const DobEntry& e) {
    return static_cast<int>(e.day.size() + e.month.size() + e.year.size());
  };
  if (s_.screen == Screen::kDetails && s_.details.step == DetailsState::Step::kDateOfBirth)
    return dob(s_.details.dob);
  if (s_.screen == Screen::kNhsNumber) return static_cast<int>(s_.nhs.digits.size());
  if (s_.screen == Screen::kWalkIn && s_.walkIn.step == WalkInState::Step::kDateOfBirth)
    return dob(s_.walkIn.dob);
  if (s_.screen == Screen::kWalkIn && s_.walkIn.step == WalkInState::Step::kNhsNumber)
    return static_cast<int>(s_.walkIn.nhs.digits.size());
  return -1;
}

std::string PatientFlow::spokenQuestion() const {
  switch (s_.screen) {
    case Screen::kWelcome:
      return std::string(tr("Welcome")) + ". " + tr("Check in for your appointment, or join the queue.");
    case Screen::kLanguage:
      return tr("Choose your language");
    case Screen::kHasAppointment:
      return tr("Do you have an appointment today?");
    case Screen::kDetails:
      switch (s_.details.step) {
        case DetailsState::Step::kDateOfBirth:
          return tr("What is your date of birth?");
        case DetailsState::Step::kInitial:
          return tr("What is the first letter of your surname?");
        case DetailsState::Step::kSex:
          return tr("What sex are you registered as at the practice?");
      }
      break;
    case Screen::kNhsNumber:
      return tr("What is your NHS number?");
    case Screen::kScan:
      return tr("Scan your code with the scanner");
    case Screen::kConfirm: {
      std::string q = tr("Is this your appointment?");
      if (s_.matched)
        joinSentence(q, fill(tr("Your appointment at {time} with {clinician}"),
                             {{"time", s_.matched->time}, {"clinician", s_.matched->clinician}}));
      return q;
    }
    case Screen::kSafety:
      return tr("Do you have chest pain, severe difficulty breathing, heavy bleeding, or signs of a stroke?");
    case Screen::kTicket:
      if (s_.ticket)
        return std::string(tr("You are checked in")) + ". " + tr("Your number is") + " " +
               spelt(s_.ticket->ticketNumber) + ".";
      break;
    case Screen::kWalkIn:
      switch (s_.walkIn.step) {
        case WalkInState::Step::kSurname:
          return tr("Your surname");
        case WalkInState::Step::kForenames:
          return tr("Your first name(s)");
        case WalkInState::Step::kDateOfBirth:
          return tr("What is your date of birth?");
        case WalkInState::Step::kSex:
          return tr("What sex are you registered as at the practice?");
        case WalkInState::Step::kNhsNumber:
          return tr("Your NHS number, if you know it");
        case WalkInState::Step::kService:
          return tr("Which service do you need?");
      }
      break;
    case Screen::kMessage:
      // The message screens' titles say what happened; the first words drawn are the title.
      if (const WidgetLog* log = widgetLog())
        for (const auto& w : log->widgets())
          if (!w.clickable && w.visible && !w.label.empty()) return w.label;
      break;
  }
  return {};
}

void PatientFlow::speakAfterFrame(const std::string& drawnKey) {
  if (!s_.listen) return;
  // Only once a frame has drawn the screen do its controls' labels belong to it.
  if (drawnKey != spokenKey()) return;
  const int digits = secretDigits();
  if (drawnKey != announcedKey_) {
    announcedKey_ = drawnKey;
    spokenDigits_ = digits;
    std::string text = spokenQuestion();
    for (const auto& label : guide_.announcedLabels()) joinSentence(text, label);
    if (digits > 0) joinSentence(text, fill(tr("{n} digits entered"), {{"n", std::to_string(digits)}}));
    say(text);
    return;
  }
  if (auto label = guide_.takeSpoken()) {
    say(*label);
  } else if (digits != spokenDigits_ && digits >= 0) {
    spokenDigits_ = digits;
    say(digits == 1 ? tr("1 digit entered")
                    : fill(tr("{n} digits entered"), {{"n", std::to_string(digits)}}));
  }
}

bool PatientFlow::onKeypad(KeypadKey k, char digit) {
  noteActivity();
  if (!s_.listen) {
    setListen(true);
    return true;
  }
  const bool typing = secretDigits() >= 0;
  switch (k) {
    case KeypadKey::kDigit:
      if (typing) {
        onText(std::string(1, digit));
      } else if (digit == '8' || digit == '4') {
        guide_.move(Guide::Move::kPrevious);
      } else if (digit == '2' || digit == '6') {
        guide_.move(Guide::Move::kNext);
      } else if (digit == '5') {
        announcedKey_.clear();  // says the screen again
      } else {
        return false;
      }
      return true;
    case KeypadKey::kUp:
    case KeypadKey::kLeft:
      guide_.move(Guide::Move::kPrevious);
      return true;
    case KeypadKey::kDown:
    case KeypadKey::kRight:
      guide_.move(Guide::Move::kNext);
      return true;
    case KeypadKey::kEnter:
      // Where digits are typed, Enter is the screen's own Enter (Next) until a control is focused.
      if (typing && guide_.focus() < 0)
        onKey(Key::kEnter);
      else
        guide_.activate();
      return true;
    case KeypadKey::kDelete:
      if (typing || s_.screen == Screen::kWalkIn) {
        onKey(Key::kBackspace);
        return true;
      }
      [[fallthrough]];
    case KeypadKey::kBack:
      if (s_.screen == Screen::kWelcome || s_.screen == Screen::kTicket) return false;
      onKey(Key::kEscape);
      return true;
  }
  return false;
}

}  // namespace longstop::ui
