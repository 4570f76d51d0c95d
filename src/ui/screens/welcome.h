// Welcome: the site's name, one big "Check in", a language button, the larger-text and high-contrast
// toggles, and "Listen" (spoken guidance) with a loudspeaker on it, first in the keypad's order.
#pragma once

#include <string>

namespace longstop::ui {

struct WelcomeView {
  std::string siteName;
  std::string clock;  // "09:41"
  bool largerText = false;
  bool highContrast = false;
  bool listen = false;  // spoken guidance is on
};

enum class WelcomeIntent {
  kNone,
  kCheckIn,
  kLanguage,
  kToggleLargerText,
  kToggleHighContrast,
  kToggleListen
};

WelcomeIntent drawWelcome(const WelcomeView& v);

}  // namespace longstop::ui
