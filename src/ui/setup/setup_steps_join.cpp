// The setup wizard's steps for joining a site: the join code, this device's role and address, and what
// the device became.
#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/setup/form.h"
#include "ui/setup/setup_steps.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::setup {
using K = SetupIntent::Kind;

namespace {

// What each role does, in a line under the choice.
std::string roleExplanation(const std::string& role) {
  if (role == "desk")
    return "Reception desk: staff sign in and run the queue of every kiosk; never the patient screens.";
  if (role == "board")
    return "Calling board: the numbers called, for the waiting room; no staff cards, no names.";
  return "Kiosk: patients check themselves in here.";
}

std::string joinedExplanation(const service::JoinDone& j) {
  if (j.role == "board")
    return "Press Start: it becomes the calling board and shows the calls of every device of the site.";
  std::string cards = std::to_string(j.credentials) + (j.credentials == 1 ? " staff card" : " staff cards");
  if (j.role == "desk")
    return "Press Start: the reception desk opens on staff sign-in. " + cards +
           " of the site (and its recovery code) open it.";
  return "Press Start: the patient screens open. " + cards +
         " of the site (and its recovery code) open "
         "its staff screens.";
}

}  // namespace

StepView drawJoinCodeStep(Cursor& c, const SetupState& s) {
  StepView v;
  c.para(
      "Scan the QR code of the join code shown on a device already in the site, or type its text "
      "(LSJ1:...). An administrator makes it there (Add a device, or longstopctl site invite); it works "
      "once, for ten minutes.");
  v.pick(drawFields(c, {{"Join code", &s.joinCode}}, {}, s, c.area.width(), false));
  v.pick(drawMessageAndKeyboard(c, s));
  return v;
}

StepView drawJoinRoleStep(Cursor& c, const SetupState& s) {
  const Theme& t = theme();
  StepView v;
  if (s.joining) {
    c.para("Joining...");
    c.para("Waiting for the inviting device to answer. It takes a few seconds; Back stops waiting.");
    v.next.clear();
    return v;
  }
  c.para("What is this device for?");
  std::vector<std::string> labels;
  int chosen = -1;
  for (size_t i = 0; i < joinRoleChoices().size(); ++i) {
    labels.push_back(joinRoleChoices()[i].second);
    if (joinRoleChoices()[i].first == s.joinRole) chosen = int(i);
  }
  float below = c.y;
  if (int p = drawChoiceRow(labels, chosen, c.y, c.area, "role", &below); p >= 0)
    v.in = {K::kChoose, 0, joinRoleChoices()[size_t(p)].first};
  c.y = below + t.gap();
  c.para(roleExplanation(s.joinRole));
  v.pick(drawFields(c, {{"This device's address on the site's network", &s.joinListen}}, {}, s,
                    c.area.width() * 0.6f, false));
  v.pick(drawMessageAndKeyboard(c, s));
  v.next = "Join the site";
  return v;
}

StepView drawJoinDoneStep(Cursor& c, const SetupState& s) {
  StepView v;
  if (s.joined) {
    c.para("This device joined " + s.joined->siteName + " through device " + s.joined->inviter +
           ". It is device " + s.joined->deviceId + ".");
    c.para(joinedExplanation(*s.joined));
  }
  v.back.clear();
  v.next = "Start";
  return v;
}

}  // namespace longstop::ui::setup
