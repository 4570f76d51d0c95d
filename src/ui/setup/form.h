// The staff-facing form pieces the first-boot wizard and the admin screen share: a title bar, a text
// field with an on-screen keyboard that has digits and capitals (ODS codes, paths, key text), rows of
// choices, and the Back / Skip / Next row. English only: these screens are for practice staff.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/chrome.h"
#include "ui/keypads.h"

namespace longstop::ui::setup {

/// The title bar (white on dark blue) with `step` ("Step 2 of 11") on the right; returns the content area.
Rect drawFormBar(std::string_view title, std::string_view step);

/// A one-line field: label above, value in a box; `secret` shows dots. Returns true when tapped.
bool drawFormField(std::string_view label, const std::string& value, bool focused, bool secret, float width,
                   const char* id);

/// Keys for typing into staff fields: digits, letters, Caps, Space, - . / : | and Delete. A KeyPress
/// with ch == kCapsKey toggles capitals.
inline constexpr char32_t kCapsKey = 0x1;
float formKeyboardHeight(float width, float maxHeight);
KeyPress drawFormKeyboard(ImVec2 topLeft, float width, float maxHeight, bool caps);

/// A row of choices with `chosen` drawn selected; returns the index pressed or -1. Labels are also
/// the widgets' names for scripts, so they must be unique on a screen (prefix them if not). The row wraps
/// when it must; `bottom`, when given, is set to the bottom of its last line.
int drawChoiceRow(const std::vector<std::string>& labels, int chosen, float y, const Rect& area,
                  const char* id, float* bottom = nullptr);

/// Back (left), Skip (middle, when given) and Next (right) along the bottom of `area`; returns 1 for
/// Next, 2 for Skip, -1 for Back, 0 for nothing. An empty label leaves that button out.
int drawNavRow(const Rect& area, std::string_view back, std::string_view skip, std::string_view next,
               bool nextEnabled = true);
/// The height drawNavRow takes.
float navRowHeight();

/// A red message (a refusal) or a green notice, wrapped to `width`; returns the height used.
float drawMessage(const std::string& message, float width, bool problem = true);

/// Applies an on-screen key to a field's text (no automatic capitals: codes and paths are typed as is).
void applyFormKey(std::string& value, const KeyPress& k, bool caps, size_t maxBytes = 200);

}  // namespace longstop::ui::setup
