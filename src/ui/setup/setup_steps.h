// The setup wizard's steps, drawn: one function per step, each returning what was pressed and the
// labels of Back / Skip / Next under it (an empty label leaves that button out). SetupWizard::frame
// (setup_draw.cpp) draws the title bar, the step and the nav row, then applies the intent. By file: the
// new site's practice settings (setup_steps_site.cpp), its first administrator, keys and devices
// (setup_steps_keys.cpp), joining a site (setup_steps_join.cpp); what they share is in setup_steps.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "ui/chrome.h"
#include "ui/setup/setup_wizard.h"
#include "ui/test_page.h"

namespace longstop::ui::setup {

/// A short (800x480) screen: the words are set smaller (as the staff console's are) and fields go side
/// by side, so that each step fits above its Back and Next.
bool shortScreen();

/// Down the content area: each paragraph wraps to its width and moves `y` below it.
struct Cursor {
  Rect area;
  float y;
  void para(const std::string& s, ImFont* font = nullptr, ImU32 col = 0);
};

/// What a step's drawing gives back: the intent of what was pressed (none if nothing) and its nav row.
struct StepView {
  SetupIntent in;
  std::string back = "Back", skip, next = "Next";
  /// Keeps `i` unless it is none (a later control's press does not undo an earlier one's).
  void pick(const SetupIntent& i) {
    if (i.kind != SetupIntent::Kind::kNone) in = i;
  }
};

/// Draws the fields, one under another at `fieldWidth` or side by side (`narrowFirst`: the first one
/// narrow, as a queue's letter); a tap on one gives kFocus with its index.
SetupIntent drawFields(Cursor& c, const std::vector<std::pair<std::string, const std::string*>>& fields,
                       const std::vector<bool>& secret, const SetupState& s, float fieldWidth,
                       bool sideBySide, bool narrowFirst = false);
/// The step's message (a refusal in red) under its fields, then the keyboard in what is left above the
/// nav row, or no keyboard if keys a finger can press do not fit.
SetupIntent drawMessageAndKeyboard(Cursor& c, const SetupState& s);

StepView drawIntroStep(Cursor& c);
StepView drawSiteStep(Cursor& c, const SetupState& s);
StepView drawQueuesStep(Cursor& c, const SetupState& s);
StepView drawMatchingStep(Cursor& c, const SetupState& s);
StepView drawIdleStep(Cursor& c, const SetupState& s);
StepView drawScreenStep(Cursor& c, const SetupState& s);
/// `localMinutes`: the kiosk's clock, for the staff member to check.
StepView drawClockStep(Cursor& c, const SetupState& s, int64_t localMinutes);
StepView drawAdminStep(Cursor& c, const SetupState& s);
StepView drawCardStep(Cursor& c, const SetupState& s);
StepView drawRecoveryStep(Cursor& c, const SetupState& s);
StepView drawRecoveryConfirmStep(Cursor& c, const SetupState& s);
StepView drawRecipientStep(Cursor& c, const SetupState& s);
/// With "Print a test page" once the printer is found (`printing` may be null).
StepView drawDevicesStep(Cursor& c, const SetupState& s, TicketPrinting* printing, TestPageState& testPage);
StepView drawDoneStep(Cursor& c, const SetupState& s);
StepView drawJoinCodeStep(Cursor& c, const SetupState& s);
StepView drawJoinRoleStep(Cursor& c, const SetupState& s);
StepView drawJoinDoneStep(Cursor& c, const SetupState& s);

}  // namespace longstop::ui::setup
