// Drawing pieces shared by the reception screens: the dark bar with a title and buttons, denser text
// for lists (scaled from the body font, so still legible in a photo), and a keyboard of letters and digits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/chrome.h"
#include "ui/keypads.h"

namespace longstop::ui::staff {

/// The list text size: 0.7 of the body font (25 px at 1280x800, 21 px at 800x480).
float listPx();

/// The line along the bottom of every staff screen this frame: the site's health on the left, the
/// keyboard shortcuts on the right (either may be empty; both empty: no line). Set before drawing.
void setStaffFooter(std::string left, std::string right);

/// The bar across the top: `title` on the left, `buttons` on the right (pressed index or -1). Returns
/// the area below it (and above the footer line) in *content.
int drawStaffBar(std::string_view title, const std::vector<std::string_view>& buttons, Rect* content);

/// Text at `pos` in the body font scaled to `px`, recorded for scripts; returns its size.
ImVec2 listText(std::string_view s, ImVec2 pos, float px, ImU32 colour = 0, bool bold = false);

/// A red banner across [x0,x1] at y with a message; returns its height.
float drawBanner(std::string_view message, float x0, float x1, float y, ImU32 fill, ImU32 textColour);

/// A–Z then 0–9 (or only the characters in `keys`) and Delete, in rows that fit `width`.
KeyPress drawCharKeyboard(ImVec2 topLeft, float width, float keyHeight, std::string_view keys);
float charKeyboardHeight(float width, float keyHeight, std::string_view keys);

inline constexpr std::string_view kLettersAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

}  // namespace longstop::ui::staff
