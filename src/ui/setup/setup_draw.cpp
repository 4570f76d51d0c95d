// The wizard's drawing: one full-screen window, the step's title bar, its explanation, its fields or
// choices, the on-screen keyboard when a field takes typing, and Back / Skip / Next along the bottom.
#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "core/date.h"
#include "ui/setup/form.h"
#include "ui/setup/setup_wizard.h"
#include "ui/setup/test_page_button.h"
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

// A short (800x480) screen: the words are set smaller (as the staff console's are) and fields go side
// by side, so that each step fits above its Back and Next.
bool shortScreen() {
  return ImGui::GetIO().DisplaySize.y < 600;
}

struct Cursor {
  Rect area;
  float y;
  void para(const std::string& s, ImFont* font = nullptr, ImU32 col = 0) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    if (!font) font = theme().body();
    const float size = shortScreen() ? std::ceil(font->FontSize * 0.75f) : font->FontSize;
    y += textWrapped(s, area.width(), font, col, size) + theme().gap();
  }
};

// Draws the fields, then the keyboard in what is left above the nav row; returns an intent.
SetupIntent drawFields(Cursor& c, const std::vector<std::pair<std::string, const std::string*>>& fields,
                       const std::vector<bool>& secret, const SetupState& s, float fieldWidth,
                       bool sideBySide, bool narrowFirst = false) {
  const Theme& t = theme();
  SetupIntent out;
  float x = c.area.min.x;
  float rowBottom = c.y;
  for (size_t i = 0; i < fields.size(); ++i) {
    float w = sideBySide ? std::floor((c.area.width() - t.gap() * 2 * (fields.size() - 1)) / fields.size())
                         : fieldWidth;
    if (narrowFirst && i == 0) w = std::max(t.target(), c.area.width() * 0.12f);
    if (narrowFirst && i > 0)
      w = std::floor((c.area.width() - std::max(t.target(), c.area.width() * 0.12f)) / 2 - t.gap() * 2);
    ImGui::SetCursorScreenPos(ImVec2(x, c.y));
    std::string id = "setup-field-" + std::to_string(i);
    if (drawFormField(fields[i].first, *fields[i].second, s.focus == int(i), i < secret.size() && secret[i],
                      w, id.c_str()))
      out = {K::kFocus, int(i)};
    rowBottom = std::max(rowBottom, ImGui::GetCursorScreenPos().y);
    if (sideBySide) {
      x += w + t.gap() * 2;
    } else {
      c.y = ImGui::GetCursorScreenPos().y + t.gap();
    }
  }
  if (sideBySide) c.y = rowBottom + t.gap();
  return out;
}

SetupIntent drawKeyboardBelow(Cursor& c, const SetupState& s) {
  float bottom = c.area.max.y - navRowHeight() - theme().gap();
  float room = bottom - c.y;
  // Keys a finger can press, or none (a USB keyboard or a scanner still types).
  if ((room - 4 * theme().gap()) / 5 < theme().target() * 0.5f) return {};
  float h = formKeyboardHeight(c.area.width(), room);
  KeyPress k = drawFormKeyboard(ImVec2(c.area.min.x, bottom - h), c.area.width(), room, s.caps);
  if (!k) return {};
  SetupIntent in{K::kKey};
  in.key = k;
  return in;
}

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

// The join step's words: where the code comes from, and what a scanner does with it.
void drawJoinCode(const Rect& area, float& y, const SetupState&) {
  Cursor c{area, y};
  c.para(
      "Scan the QR code of the join code shown on a device already in the site, or type its text "
      "(LSJ1:...). An administrator makes it there (Add a device, or longstopctl site invite); it works "
      "once, for ten minutes.");
  y = c.y;
}

std::string minutes(int m) {
  return m % 60 == 0 && m >= 60 ? std::to_string(m / 60) + (m == 60 ? " hour" : " hours")
                                : std::to_string(m) + " min";
}
}  // namespace

void SetupWizard::frame() {
  pollJoin();
  theme().largerText = false;
  theme().highContrast = false;
  const Theme& t = theme();
  beginScreenWindow("setup", t.fonts.body);
  std::string stepText = s_.step == SetupStep::kIntro ? ""
                                                      : "Step " + std::to_string(stepNumber(s_.step)) +
                                                            " of " + std::to_string(kStepCount);
  if (s_.step == SetupStep::kJoinCode || s_.step == SetupStep::kJoinRole)
    stepText = s_.step == SetupStep::kJoinCode ? "Step 1 of 2" : "Step 2 of 2";
  if (s_.step == SetupStep::kJoinDone) stepText.clear();
  Cursor c{drawFormBar(titleOf(s_.step), stepText), 0};
  c.y = c.area.min.y;
  SetupIntent in;
  std::string back = "Back", skip, next = "Next";
  auto pick = [&](SetupIntent i) {
    if (i.kind != K::kNone) in = i;
  };

  switch (s_.step) {
    case SetupStep::kIntro:
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
      back.clear();
      skip = "Join a site";
      next = "Start a new site";
      break;
    case SetupStep::kJoinCode:
      drawJoinCode(c.area, c.y, s_);
      pick(drawFields(c, {{"Join code", &s_.joinCode}}, {}, s_, c.area.width(), false));
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
      c.y += drawMessage(s_.message, c.area.width());
      pick(drawKeyboardBelow(c, s_));
      break;
    case SetupStep::kJoinRole: {
      if (s_.joining) {
        c.para("Joining...");
        c.para("Waiting for the inviting device to answer. It takes a few seconds; Back stops waiting.");
        next.clear();
        break;
      }
      c.para("What is this device for?");
      std::vector<std::string> labels;
      int chosen = -1;
      for (size_t i = 0; i < joinRoleChoices().size(); ++i) {
        labels.push_back(joinRoleChoices()[i].second);
        if (joinRoleChoices()[i].first == s_.joinRole) chosen = int(i);
      }
      float below = c.y;
      if (int p = drawChoiceRow(labels, chosen, c.y, c.area, "role", &below); p >= 0)
        in = {K::kChoose, 0, joinRoleChoices()[size_t(p)].first};
      c.y = below + t.gap();
      c.para(roleExplanation(s_.joinRole));
      pick(drawFields(c, {{"This device's address on the site's network", &s_.joinListen}}, {}, s_,
                      c.area.width() * 0.6f, false));
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
      c.y += drawMessage(s_.message, c.area.width());
      pick(drawKeyboardBelow(c, s_));
      next = "Join the site";
      break;
    }
    case SetupStep::kJoinDone:
      if (s_.joined) {
        c.para("This device joined " + s_.joined->siteName + " through device " + s_.joined->inviter +
               ". It is device " + s_.joined->deviceId + ".");
        c.para(joinedExplanation(*s_.joined));
      }
      back.clear();
      next = "Start";
      break;
    case SetupStep::kSite:
      c.para(
          "The name patients see on the Welcome screen, and the practice's ODS code (for example B82005).");
      pick(drawFields(c, {{"Practice name", &s_.siteName}, {"ODS code", &s_.ods}}, {}, s_,
                      c.area.width() * 0.7f, shortScreen()));
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
      c.y += drawMessage(s_.message, c.area.width());
      pick(drawKeyboardBelow(c, s_));
      break;
    case SetupStep::kQueues: {
      c.para(
          "Each queue has a ticket letter, a name patients see, and where the calling board sends them. "
          "Tap a queue to change it.");
      // One under another; on a short screen side by side, three to a row.
      const bool inRows = shortScreen();
      const float rowW = (c.area.width() - t.gap() * 4) / 3;
      for (size_t i = 0; i < s_.queues.size(); ++i) {
        const auto& q = s_.queues[i];
        // Three to a row has no room for the room's name: it is in the fields below.
        std::string label = (q.letter.empty() ? "?" : q.letter) + "  " +
                            (q.name.empty() ? "(new queue)" : q.name) +
                            (inRows ? "" : "  —  " + (q.room.empty() ? "(no room)" : q.room));
        const float x = inRows ? c.area.min.x + float(i % 3) * (rowW + t.gap() * 2) : c.area.min.x;
        ImGui::SetCursorScreenPos(ImVec2(x, c.y));
        std::string id = "queue-" + std::to_string(i);
        const float w = inRows ? rowW : std::min(c.area.width() * 0.75f, buttonWidth(label) + t.basePx * 4);
        if (button(label, ImVec2(w, t.target() * 0.7f),
                   int(i) == s_.queueSelected ? ButtonStyle::kSelected : ButtonStyle::kSecondary, true,
                   id.c_str()))
          in = {K::kSelectQueue, int(i)};
        if (!inRows || i % 3 == 2 || i + 1 == s_.queues.size()) c.y += t.target() * 0.7f + t.gap();
      }
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
      if (button("Add a queue", ImVec2(buttonWidth("Add a queue"), t.target() * 0.7f),
                 ButtonStyle::kSecondary, s_.queues.size() < 6))
        in = {K::kAddQueue};
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x + buttonWidth("Add a queue") + t.gap() * 2, c.y));
      if (button("Remove this queue", ImVec2(buttonWidth("Remove this queue"), t.target() * 0.7f),
                 ButtonStyle::kSecondary, s_.queues.size() > 1))
        in = {K::kRemoveQueue};
      c.y += t.target() * 0.7f + t.gap() * 2;
      if (!s_.queues.empty()) {
        auto& q = s_.queues[size_t(std::clamp(s_.queueSelected, 0, int(s_.queues.size()) - 1))];
        pick(drawFields(c, {{"Letter", &q.letter}, {"Name", &q.name}, {"Room or desk", &q.room}}, {}, s_, 0,
                        true, true));
      }
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
      c.y += drawMessage(s_.message, c.area.width());
      pick(drawKeyboardBelow(c, s_));
      break;
    }
    case SetupStep::kMatching: {
      c.para("How early before an appointment a patient can check in:");
      std::vector<std::string> labels;
      int chosen = -1;
      for (size_t i = 0; i < matchBeforeChoices().size(); ++i) {
        labels.push_back(minutes(matchBeforeChoices()[i]) + " before");
        if (matchBeforeChoices()[i] == s_.matchBeforeMin) chosen = int(i);
      }
      float below = c.y;
      if (int p = drawChoiceRow(labels, chosen, c.y, c.area, "before", &below); p >= 0)
        in = {K::kChoose, 0, std::to_string(matchBeforeChoices()[size_t(p)])};
      c.y = below + t.gap() * (shortScreen() ? 1 : 3);
      c.para("How late after it they can still check in:");
      labels.clear();
      chosen = -1;
      for (size_t i = 0; i < matchAfterChoices().size(); ++i) {
        labels.push_back(minutes(matchAfterChoices()[i]) + " after");
        if (matchAfterChoices()[i] == s_.matchAfterMin) chosen = int(i);
      }
      if (int p = drawChoiceRow(labels, chosen, c.y, c.area, "after"); p >= 0)
        in = {K::kChoose, 1, std::to_string(matchAfterChoices()[size_t(p)])};
      break;
    }
    case SetupStep::kIdle: {
      c.para(
          "Seconds without a touch before the patient screens wipe what was typed and go back to Welcome:");
      std::vector<std::string> labels;
      int chosen = -1;
      for (size_t i = 0; i < idleChoices().size(); ++i) {
        labels.push_back(std::to_string(idleChoices()[i]) + " seconds");
        if (idleChoices()[i] == s_.idleTimeoutSeconds) chosen = int(i);
      }
      if (int p = drawChoiceRow(labels, chosen, c.y, c.area, "idle"); p >= 0)
        in = {K::kChoose, 0, std::to_string(idleChoices()[size_t(p)])};
      break;
    }
    case SetupStep::kScreen: {
      c.para("The screen's size in pixels:");
      int chosen = -1;
      for (size_t i = 0; i < screenSizeChoices().size(); ++i)
        if (screenSizeChoices()[i] == s_.screenSize) chosen = int(i);
      float below = c.y;
      if (int p = drawChoiceRow(screenSizeChoices(), chosen, c.y, c.area, "size", &below); p >= 0)
        in = {K::kChoose, 0, screenSizeChoices()[size_t(p)]};
      c.y = below + t.gap() * 3;
      c.para("Rotation (touch turns with the picture; it applies from the next start):");
      std::vector<std::string> labels = {"0°", "90°", "180°", "270°"};
      if (int p = drawChoiceRow(labels, s_.rotation / 90, c.y, c.area, "rotation"); p >= 0)
        in = {K::kChoose, 1, std::to_string(p * 90)};
      break;
    }
    case SetupStep::kClock: {
      int64_t m = clock_.now().localMinutes();
      c.para("The kiosk's clock says:");
      c.para(longDate(core::Instant::floorDiv(m, 1440)) + ", " + core::formatClockTime(m), t.heading());
      c.para(
          "Check it against a phone or a watch. A board without a real-time clock can start with the "
          "wrong time, and every check-in is stamped with it.");
      if (s_.clockWrong)
        c.para(
            "The kiosk cannot change the system clock itself. Carry on now and ask your IT contact to set "
            "it (timedatectl, or a network time source); staff can confirm it later from the admin screen. "
            "Check-ins made before then are marked \"clock not confirmed\".",
            nullptr, colour::kRed);
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
      if (!s_.clockWrong &&
          button("No, it is wrong", ImVec2(buttonWidth("No, it is wrong"), t.target() * 0.8f),
                 ButtonStyle::kSecondary))
        in = {K::kClockWrong};
      next = "Yes, the date and time are right";
      skip = s_.clockWrong ? "Carry on without confirming" : "";
      break;
    }
    case SetupStep::kAdmin:
      c.para(
          "The first administrator signs in with a staff card and a PIN of at least eight digits. Their "
          "card is shown next, to photograph.");
      pick(drawFields(c, {{"Name", &s_.adminName}, {"PIN", &s_.pin}, {"PIN again", &s_.pinAgain}},
                      {false, true, true}, s_, c.area.width() * 0.6f, shortScreen()));
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
      c.y += drawMessage(s_.message, c.area.width());
      pick(drawKeyboardBelow(c, s_));
      next = "Create the site";
      break;
    case SetupStep::kCard: {
      float qrMax = std::min(c.area.height() - navRowHeight() - t.gap() * 2, c.area.width() * 0.4f);
      if (s_.cardQr) drawQr(*s_.cardQr, ImVec2(c.area.max.x - qrMax, c.y), qrMax);
      Cursor left{{c.area.min, ImVec2(c.area.max.x - qrMax - t.margin(), c.area.max.y)}, c.y};
      left.para("Photograph this code now: it is " + s_.adminName +
                "'s staff card. Print it or keep the "
                "photo on a phone; it is scanned (or typed) to sign in, with the PIN.");
      if (s_.done) {
        left.para("Staff ID: " + s_.done->adminStaffId);
        left.para("Typed, the card is: " + s_.done->adminCardText);
      }
      left.para("Keep it as safe as a door key: with the PIN it opens patients' details.");
      back.clear();
      next = "I have photographed the card";
      break;
    }
    case SetupStep::kRecovery:
      c.para("WRITE THIS DOWN ON PAPER NOW. It is shown only this once and is never stored.", t.heading(),
             colour::kRed);
      if (s_.done && !s_.recoveryHidden) c.para(s_.done->recoveryCode, t.heading());
      c.para(
          "The recovery code opens the site's keys if every administrator card is lost. Keep the paper "
          "locked away, not with the kiosk. Do not photograph it with a phone that leaves the building.");
      next = "I have written it down";
      break;
    case SetupStep::kRecoveryConfirm:
      c.para(
          "To check it was copied, type the last two groups of the recovery code (8 characters) from "
          "your paper.");
      pick(drawFields(c, {{"Last two groups", &s_.recoveryTyped}}, {}, s_, c.area.width() * 0.5f, false));
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
      c.y += drawMessage(s_.message, c.area.width());
      pick(drawKeyboardBelow(c, s_));
      back = s_.recoveryHidden ? "" : "Show the code again";
      next = "Check";
      break;
    case SetupStep::kRecipient:
      c.para(
          "Batches for re-entry are sealed to the receiving organisation's public key. Scan its QR code "
          "now, paste its text (LSR1:...), or give the path of its .pub file on a USB stick. You can skip "
          "this and set it later on the admin screen.");
      pick(drawFields(
          c, {{"Key text (scanned or pasted)", &s_.recipientText}, {"or a file path", &s_.recipientPath}}, {},
          s_, c.area.width(), shortScreen()));
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
      c.y += drawMessage(s_.message, c.area.width());
      pick(drawKeyboardBelow(c, s_));
      back.clear();
      skip = "Skip for now";
      next = "Use this key";
      break;
    case SetupStep::kDevices: {
      c.para(
          "Each is looked for at the path in its setting; anything not found can be skipped now and set "
          "on the admin screen later.");
      const char* names[] = {"Camera", "Barcode scanner", "Ticket printer"};
      for (size_t i = 0; i < s_.devices.size() && i < 3; ++i) {
        std::string line =
            std::string(names[i]) + ": " + (s_.deviceSkipped[i] ? "skipped" : s_.devices[i].message);
        // The words wrap in the room left of the Skip button, never under it.
        const bool canSkip = !s_.devices[i].found && !s_.deviceSkipped[i];
        std::string label = std::string("Skip ") + names[i];
        const float textW = c.area.width() - (canSkip ? buttonWidth(label) + t.gap() * 2 : 0);
        Cursor words{{c.area.min, ImVec2(c.area.min.x + textW, c.area.max.y)}, c.y};
        words.para(line, nullptr, s_.devices[i].found || s_.deviceSkipped[i] ? colour::kText : colour::kRed);
        if (canSkip) {
          ImGui::SetCursorScreenPos(ImVec2(c.area.max.x - buttonWidth(label), c.y));
          if (button(label, ImVec2(buttonWidth(label), t.target() * 0.7f), ButtonStyle::kSecondary))
            in = {K::kSkipDevice, int(i)};
        }
        c.y = std::max(words.y, c.y + t.target() * 0.7f + t.gap());
      }
      ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
      if (button("Check again", ImVec2(buttonWidth("Check again"), t.target() * 0.7f),
                 ButtonStyle::kSecondary))
        in = {K::kCheckDevices};
      if (s_.devices.size() >= 3 && s_.devices[2].found)
        drawDevicesTestPage(c.area, c.y, s_.devices[2].path, printing_, testPage_);
      back.clear();
      break;
    }
    case SetupStep::kDone:
      c.para("This kiosk is ready.");
      if (s_.done) c.para("Site: " + s_.siteName + " (" + s_.ods + "), device " + s_.done->deviceId + ".");
      c.para(s_.recipientKeyId.empty()
                 ? "No receiving organisation's key yet: set it on the admin screen before "
                   "the first export."
                 : "Batches will be sealed to key " + s_.recipientKeyId + ".");
      c.para(s_.clockConfirmed ? "The clock was confirmed today." : "The clock is not yet confirmed.");
      back.clear();
      next = "Start the kiosk";
      break;
  }
  switch (drawNavRow(c.area, back, skip, next)) {
    case 1:
      in = {K::kNext};
      break;
    case 2:
      in = {K::kSkip};
      break;
    case -1:
      in = {K::kBack};
      break;
    default:
      break;
  }
  endScreenWindow();
  apply(in);
}

}  // namespace longstop::ui::setup
