// Welcome: the site's name, one big "Check in", a language button, and the larger-text and
// high-contrast toggles.
#pragma once

#include <string>

namespace longstop::ui {

struct WelcomeView {
  std::string siteName;
  std::string clock;  // "09:41"
  bool largerText = false;
  bool highContrast = false;
};

enum class WelcomeIntent { kNone, kCheckIn, kLanguage, kToggleLargerText, kToggleHighContrast };

WelcomeIntent drawWelcome(const WelcomeView& v);

}  // namespace longstop::ui
