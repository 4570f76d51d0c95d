// What the sign-in screens' intents do: the card entered, then the PIN tried with the service.
#include "ui/staff/staff_ui.h"
#include "ui/wipe.h"

namespace longstop::ui::staff {
namespace {
// New cards have 8 or more (service::kMinPinLength); cards made when 6 were enough still sign in.
constexpr size_t kMinSignInPinDigits = 6;
}  // namespace

void StaffConsole::on(const intent::Next&) {
  if (s_.cardText.empty()) {
    s_.message = "Scan your staff card, or type the code printed on it.";
    return;
  }
  s_.message.clear();
  s_.screen = StaffScreen::kPin;
}

void StaffConsole::on(const intent::SignIn&) {
  if (s_.pin.size() < kMinSignInPinDigits) {
    s_.message = "Your PIN has at least 6 digits.";
    return;
  }
  auto st = services_.signIn(s_.cardText, s_.pin);
  wipe(s_.pin);
  if (!st.ok()) {
    s_.message = st.error().message;
    // A card that is not a card, unknown or revoked will not start working: let them scan another.
    if (st.error().needsAnotherCard()) {
      wipe(s_.cardText);
      s_.screen = StaffScreen::kCard;
    }
    return;
  }
  wipe(s_.cardText);
  s_.message.clear();
  s_.notice.clear();
  s_.screen = StaffScreen::kConsole;
  refresh();
  showFirstWaiting();
}

}  // namespace longstop::ui::staff
