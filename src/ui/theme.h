// The kiosk's look: colours with WCAG AA contrast, fonts from Debian's fonts-dejavu-core loaded at the
// scaled size, and every size derived from the body font so touch targets follow the text.
#pragma once

#include <string>

#include <imgui.h>

#include "core/result.h"

namespace longstop::ui {

/// One touch target, in multiples of the body font size. At 1280x800 the body font is 36 px, so a
/// target is 90 px: 15.2 mm on a 10.1" panel (about 150 DPI), above the 15 mm the kiosk promises.
constexpr float kTouchTargetEm = 2.5f;
/// The body font size on the reference screen (1280x800); other screens scale from it.
constexpr float kReferenceFontPx = 36.0f;
/// Smaller screens never go below this, so 800x480 keeps finger-sized keys (75 px targets).
constexpr float kMinimumFontPx = 30.0f;
/// "Larger text" multiplies text (not the layout grid) by this.
constexpr float kLargerTextFactor = 1.5f;

constexpr const char* kDefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kDefaultBoldFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

namespace colour {
// Dark text on white is 15:1; white on NHS blue is 5.9:1; white on NHS dark blue 11:1; white on red 5:1.
constexpr ImU32 rgb(unsigned v) {
  return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 0xFF);
}
inline constexpr ImU32 kBackground = rgb(0xFFFFFF);
inline constexpr ImU32 kText = rgb(0x212B32);
inline constexpr ImU32 kTextOnDark = rgb(0xFFFFFF);
inline constexpr ImU32 kBlue = rgb(0x005EB8);
inline constexpr ImU32 kDarkBlue = rgb(0x003087);
inline constexpr ImU32 kPaleBlue = rgb(0xE8F1FA);
inline constexpr ImU32 kRed = rgb(0xD5281B);
inline constexpr ImU32 kDarkRed = rgb(0x8A1538);
inline constexpr ImU32 kGreyBorder = rgb(0x4C6272);  // 6.6:1 on white: a visible edge
inline constexpr ImU32 kDisabled = rgb(0xD8DDE0);
inline constexpr ImU32 kYellow = rgb(0xFFEB3B);  // focus ring; dark text on it is 13:1
// A QR code's modules and quiet zone: dark on light in every mode (high contrast keeps them as they are),
// because phone cameras and scanners read codes dark on light and most refuse them inverted.
inline constexpr ImU32 kQrDark = rgb(0x010101);
inline constexpr ImU32 kQrLight = rgb(0xFEFEFE);
}  // namespace colour

/// The fonts in the atlas, each loaded at the size it is drawn at (no scaling blur).
struct Fonts {
  ImFont* body = nullptr;
  ImFont* bodyLarger = nullptr;
  ImFont* heading = nullptr;
  ImFont* headingLarger = nullptr;
  ImFont* huge = nullptr;  // the ticket number
};

/// What every screen sizes itself from; set once per window size, read while drawing.
struct Theme {
  Fonts fonts;
  float basePx = kReferenceFontPx;  // body font size in pixels at normal text size
  bool largerText = false;
  bool highContrast = false;  // applied to the finished frame by applyHighContrast()

  float target() const { return basePx * kTouchTargetEm; }
  float gap() const { return basePx * 0.3f; }
  float margin() const { return basePx * 0.6f; }
  ImFont* body() const { return largerText && fonts.bodyLarger ? fonts.bodyLarger : fonts.body; }
  ImFont* heading() const { return largerText && fonts.headingLarger ? fonts.headingLarger : fonts.heading; }
};

/// The theme in force (ImGui is one global context; so is its theme).
Theme& theme();

/// The body font size for a window: 36 px at 1280x800, scaled down with the window, never below 30.
float baseFontPx(int width, int height);

/// Loads DejaVu Sans at every size the screens use into `atlas` and fills theme().fonts. When the font
/// file is missing it falls back to ImGui's built-in font and returns an error naming the file (the
/// caller reports it; the kiosk still works).
core::Status loadFonts(ImFontAtlas& atlas, float basePx, const std::string& fontPath = kDefaultFontPath);

/// High contrast: recolours everything already drawn in `list` to yellow and white on black (the
/// palette's colours map one to one, so every screen follows without knowing about it; anything else
/// has its lightness inverted). Images drawn with their own texture (the camera's picture) are left as
/// they are. Call after the screen is drawn, before ImGui::Render().
void applyHighContrast(ImDrawList* list);
/// The colour `c` becomes in high contrast.
ImU32 highContrastColour(ImU32 c);

/// Sets ImGui's style: colours, no window decorations, spacing from the base size.
void applyStyle(float basePx);

}  // namespace longstop::ui
