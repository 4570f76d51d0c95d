// Staff sign-in: the card (scanned, or typed on a keyboard of letters and digits), then the PIN on a
// digit keypad, shown masked. The service's refusals (wrong PIN, locked, revoked) show in red.
#pragma once

#include <string>

#include "ui/staff/staff_ui.h"

namespace longstop::ui::staff {

struct SignInView {
  const std::string& cardText;
  size_t pinDigits;
  const std::string& message;
};

StaffIntent drawCardEntry(const SignInView& v);
StaffIntent drawPinEntry(const SignInView& v);

/// The card as shown once typed (on the PIN screen): the staff ID, then four stars for the secret.
std::string maskedCard(const std::string& cardText);
/// The card as shown while typing, so a typo can be seen: every character, the secret in groups of four
/// as printed on the card ("S7K2QX : ABCD EFGH IJ").
std::string typedCardShown(const std::string& cardText);
/// What is wrong with the card typed so far, in words; empty while nothing is wrong.
std::string cardProblemText(const std::string& cardText);

}  // namespace longstop::ui::staff
