// The wizard's frame: one full-screen window, the step's title bar, the step (setup_steps.h), and
// Back / Skip / Next along the bottom; then what was pressed is applied.
#include <string>

#include <imgui.h>

#include "ui/setup/form.h"
#include "ui/setup/setup_steps.h"
#include "ui/setup/setup_wizard.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::setup {
namespace {
using K = SetupIntent::Kind;

const char* titleOf(SetupStep s) {
  switch (s) {
    case SetupStep::kIntro:
      return "Set up this kiosk";
    case SetupStep::kSite:
      return "The practice";
    case SetupStep::kQueues:
      return "Queues";
    case SetupStep::kMatching:
      return "Matching window";
    case SetupStep::kIdle:
      return "Idle timeout";
    case SetupStep::kScreen:
      return "Screen";
    case SetupStep::kClock:
      return "Date and time";
    case SetupStep::kAdmin:
      return "First administrator";
    case SetupStep::kCard:
      return "Administrator's card";
    case SetupStep::kRecovery:
      return "Recovery code";
    case SetupStep::kRecoveryConfirm:
      return "Check the recovery code";
    case SetupStep::kRecipient:
      return "Receiving organisation's key";
    case SetupStep::kDevices:
      return "Camera, scanner and printer";
    case SetupStep::kDone:
      return "Setup complete";
    case SetupStep::kJoinCode:
      return "Join a site";
    case SetupStep::kJoinRole:
      return "This device's role";
    case SetupStep::kJoinDone:
      return "Joined";
  }
  return "";
}

// "Step 2 of 11" on the title bar; the join has its own two steps; the first and last have none.
std::string stepCounter(SetupStep s) {
  if (s == SetupStep::kIntro || s == SetupStep::kJoinDone) return "";
  if (s == SetupStep::kJoinCode) return "Step 1 of 2";
  if (s == SetupStep::kJoinRole) return "Step 2 of 2";
  return "Step " + std::to_string(stepNumber(s)) + " of " + std::to_string(kStepCount);
}

StepView drawStep(Cursor& c, const SetupState& s, int64_t localMinutes, TicketPrinting* printing,
                  TestPageState& testPage) {
  switch (s.step) {
    case SetupStep::kIntro:
      return drawIntroStep(c);
    case SetupStep::kSite:
      return drawSiteStep(c, s);
    case SetupStep::kQueues:
      return drawQueuesStep(c, s);
    case SetupStep::kMatching:
      return drawMatchingStep(c, s);
    case SetupStep::kIdle:
      return drawIdleStep(c, s);
    case SetupStep::kScreen:
      return drawScreenStep(c, s);
    case SetupStep::kAdmin:
      return drawAdminStep(c, s);
    case SetupStep::kCard:
      return drawCardStep(c, s);
    case SetupStep::kRecovery:
      return drawRecoveryStep(c, s);
    case SetupStep::kRecoveryConfirm:
      return drawRecoveryConfirmStep(c, s);
    case SetupStep::kRecipient:
      return drawRecipientStep(c, s);
    case SetupStep::kDone:
      return drawDoneStep(c, s);
    case SetupStep::kJoinCode:
      return drawJoinCodeStep(c, s);
    case SetupStep::kJoinRole:
      return drawJoinRoleStep(c, s);
    case SetupStep::kJoinDone:
      return drawJoinDoneStep(c, s);
    case SetupStep::kClock:
      return drawClockStep(c, s, localMinutes);
    case SetupStep::kDevices:
      return drawDevicesStep(c, s, printing, testPage);
  }
  return {};
}
}  // namespace

void SetupWizard::frame() {
  pollJoin();
  theme().largerText = false;
  theme().highContrast = false;
  beginScreenWindow("setup", theme().fonts.body);
  Cursor c{drawFormBar(titleOf(s_.step), stepCounter(s_.step)), 0};
  c.y = c.area.min.y;
  StepView v = drawStep(c, s_, clock_.now().localMinutes(), printing_, testPage_);
  switch (drawNavRow(c.area, v.back, v.skip, v.next)) {
    case 1:
      v.in = {K::kNext};
      break;
    case 2:
      v.in = {K::kSkip};
      break;
    case -1:
      v.in = {K::kBack};
      break;
    default:
      break;
  }
  endScreenWindow();
  apply(v.in);
}

}  // namespace longstop::ui::setup
