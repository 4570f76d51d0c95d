// The new site's own steps of the setup wizard: the introduction, the practice, its queues, the
// matching window, the idle timeout, the screen and the clock.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/date.h"
#include "ui/setup/form.h"
#include "ui/setup/setup_steps.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::setup {
using K = SetupIntent::Kind;

namespace {

// "Sunday 29 November 2026": spelled out, so day and month cannot be mixed up.
std::string longDate(int64_t days) {
  static const char* const kDays[] = {"Thursday", "Friday",  "Saturday", "Sunday",
                                      "Monday",   "Tuesday", "Wednesday"};
  static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  core::Date d = core::civilFromDays(days);
  int64_t wd = ((days % 7) + 7) % 7;  // 1970-01-01 was a Thursday
  return std::string(kDays[wd]) + " " + std::to_string(d.day) + " " + kMonths[d.month - 1] + " " +
         std::to_string(d.year);
}

std::string minutes(int m) {
  return m % 60 == 0 && m >= 60 ? std::to_string(m / 60) + (m == 60 ? " hour" : " hours")
                                : std::to_string(m) + " min";
}

}  // namespace

StepView drawIntroStep(Cursor& c) {
  StepView v;
  c.para(
      "This kiosk has not been set up yet. Start a new site for the practice's first device: the "
      "next steps ask for the practice's details, its queues, and the first administrator, who gets "
      "a staff card and a recovery code.");
  c.para(
      "It takes about five minutes. Have ready: the practice's ODS code, a pen and paper for the "
      "recovery code, and a phone to photograph the administrator's card.");
  c.para(
      "Or join a site: if another device of the practice is already set up, an administrator there "
      "shows a join code, and this device becomes its kiosk, reception desk or calling board.");
  v.back.clear();
  v.skip = "Join a site";
  v.next = "Start a new site";
  return v;
}

StepView drawSiteStep(Cursor& c, const SetupState& s) {
  StepView v;
  c.para("The name patients see on the Welcome screen, and the practice's ODS code (for example B82005).");
  v.pick(drawFields(c, {{"Practice name", &s.siteName}, {"ODS code", &s.ods}}, {}, s, c.area.width() * 0.7f,
                    shortScreen()));
  v.pick(drawMessageAndKeyboard(c, s));
  return v;
}

StepView drawQueuesStep(Cursor& c, const SetupState& s) {
  const Theme& t = theme();
  StepView v;
  c.para(
      "Each queue has a ticket letter, a name patients see, and where the calling board sends them. "
      "Tap a queue to change it.");
  // One under another; on a short screen side by side, three to a row.
  const bool inRows = shortScreen();
  const float rowW = (c.area.width() - t.gap() * 4) / 3;
  for (size_t i = 0; i < s.queues.size(); ++i) {
    const auto& q = s.queues[i];
    // Three to a row has no room for the room's name: it is in the fields below.
    std::string label = (q.letter.empty() ? "?" : q.letter) + "  " +
                        (q.name.empty() ? "(new queue)" : q.name) +
                        (inRows ? "" : "  —  " + (q.room.empty() ? "(no room)" : q.room));
    const float x = inRows ? c.area.min.x + float(i % 3) * (rowW + t.gap() * 2) : c.area.min.x;
    ImGui::SetCursorScreenPos(ImVec2(x, c.y));
    std::string id = "queue-" + std::to_string(i);
    const float w = inRows ? rowW : std::min(c.area.width() * 0.75f, buttonWidth(label) + t.basePx * 4);
    if (button(label, ImVec2(w, t.target() * 0.7f),
               int(i) == s.queueSelected ? ButtonStyle::kSelected : ButtonStyle::kSecondary, true,
               id.c_str()))
      v.in = {K::kSelectQueue, int(i)};
    if (!inRows || i % 3 == 2 || i + 1 == s.queues.size()) c.y += t.target() * 0.7f + t.gap();
  }
  ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
  if (button("Add a queue", ImVec2(buttonWidth("Add a queue"), t.target() * 0.7f), ButtonStyle::kSecondary,
             s.queues.size() < 6))
    v.in = {K::kAddQueue};
  ImGui::SetCursorScreenPos(ImVec2(c.area.min.x + buttonWidth("Add a queue") + t.gap() * 2, c.y));
  if (button("Remove this queue", ImVec2(buttonWidth("Remove this queue"), t.target() * 0.7f),
             ButtonStyle::kSecondary, s.queues.size() > 1))
    v.in = {K::kRemoveQueue};
  c.y += t.target() * 0.7f + t.gap() * 2;
  if (!s.queues.empty()) {
    auto& q = s.queues[size_t(std::clamp(s.queueSelected, 0, int(s.queues.size()) - 1))];
    v.pick(drawFields(c, {{"Letter", &q.letter}, {"Name", &q.name}, {"Room or desk", &q.room}}, {}, s, 0,
                      true, true));
  }
  v.pick(drawMessageAndKeyboard(c, s));
  return v;
}

StepView drawMatchingStep(Cursor& c, const SetupState& s) {
  const Theme& t = theme();
  StepView v;
  c.para("How early before an appointment a patient can check in:");
  std::vector<std::string> labels;
  int chosen = -1;
  for (size_t i = 0; i < matchBeforeChoices().size(); ++i) {
    labels.push_back(minutes(matchBeforeChoices()[i]) + " before");
    if (matchBeforeChoices()[i] == s.matchBeforeMin) chosen = int(i);
  }
  float below = c.y;
  if (int p = drawChoiceRow(labels, chosen, c.y, c.area, "before", &below); p >= 0)
    v.in = {K::kChoose, 0, std::to_string(matchBeforeChoices()[size_t(p)])};
  c.y = below + t.gap() * (shortScreen() ? 1 : 3);
  c.para("How late after it they can still check in:");
  labels.clear();
  chosen = -1;
  for (size_t i = 0; i < matchAfterChoices().size(); ++i) {
    labels.push_back(minutes(matchAfterChoices()[i]) + " after");
    if (matchAfterChoices()[i] == s.matchAfterMin) chosen = int(i);
  }
  if (int p = drawChoiceRow(labels, chosen, c.y, c.area, "after"); p >= 0)
    v.in = {K::kChoose, 1, std::to_string(matchAfterChoices()[size_t(p)])};
  return v;
}

StepView drawIdleStep(Cursor& c, const SetupState& s) {
  StepView v;
  c.para("Seconds without a touch before the patient screens wipe what was typed and go back to Welcome:");
  std::vector<std::string> labels;
  int chosen = -1;
  for (size_t i = 0; i < idleChoices().size(); ++i) {
    labels.push_back(std::to_string(idleChoices()[i]) + " seconds");
    if (idleChoices()[i] == s.idleTimeoutSeconds) chosen = int(i);
  }
  if (int p = drawChoiceRow(labels, chosen, c.y, c.area, "idle"); p >= 0)
    v.in = {K::kChoose, 0, std::to_string(idleChoices()[size_t(p)])};
  return v;
}

StepView drawScreenStep(Cursor& c, const SetupState& s) {
  const Theme& t = theme();
  StepView v;
  c.para("The screen's size in pixels:");
  int chosen = -1;
  for (size_t i = 0; i < screenSizeChoices().size(); ++i)
    if (screenSizeChoices()[i] == s.screenSize) chosen = int(i);
  float below = c.y;
  if (int p = drawChoiceRow(screenSizeChoices(), chosen, c.y, c.area, "size", &below); p >= 0)
    v.in = {K::kChoose, 0, screenSizeChoices()[size_t(p)]};
  c.y = below + t.gap() * 3;
  c.para("Rotation (touch turns with the picture; it applies from the next start):");
  std::vector<std::string> labels = {"0°", "90°", "180°", "270°"};
  if (int p = drawChoiceRow(labels, s.rotation / 90, c.y, c.area, "rotation"); p >= 0)
    v.in = {K::kChoose, 1, std::to_string(p * 90)};
  return v;
}

StepView drawClockStep(Cursor& c, const SetupState& s, int64_t localMinutes) {
  const Theme& t = theme();
  StepView v;
  int64_t m = localMinutes;
  c.para("The kiosk's clock says:");
  c.para(longDate(core::Instant::floorDiv(m, 1440)) + ", " + core::formatClockTime(m), t.heading());
  c.para(
      "Check it against a phone or a watch. A board without a real-time clock can start with the "
      "wrong time, and every check-in is stamped with it.");
  if (s.clockWrong)
    c.para(
        "The kiosk cannot change the system clock itself. Carry on now and ask your IT contact to set "
        "it (timedatectl, or a network time source); staff can confirm it later from the admin screen. "
        "Check-ins made before then are marked \"clock not confirmed\".",
        nullptr, colour::kRed);
  ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
  if (!s.clockWrong && button("No, it is wrong", ImVec2(buttonWidth("No, it is wrong"), t.target() * 0.8f),
                              ButtonStyle::kSecondary))
    v.in = {K::kClockWrong};
  v.next = "Yes, the date and time are right";
  v.skip = s.clockWrong ? "Carry on without confirming" : "";
  return v;
}

}  // namespace longstop::ui::setup
