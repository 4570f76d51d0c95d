// The setup wizard's steps from the first administrator on: their PIN, their card, the recovery code
// and its check, the receiving organisation's key, the devices, and the summary.
#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/setup/form.h"
#include "ui/setup/setup_steps.h"
#include "ui/setup/test_page_button.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::setup {
using K = SetupIntent::Kind;

StepView drawAdminStep(Cursor& c, const SetupState& s) {
  StepView v;
  c.para(
      "The first administrator signs in with a staff card and a PIN of at least eight digits. Their "
      "card is shown next, to photograph.");
  v.pick(drawFields(c, {{"Name", &s.adminName}, {"PIN", &s.pin}, {"PIN again", &s.pinAgain}},
                    {false, true, true}, s, c.area.width() * 0.6f, shortScreen()));
  v.pick(drawMessageAndKeyboard(c, s));
  v.next = "Create the site";
  return v;
}

StepView drawCardStep(Cursor& c, const SetupState& s) {
  const Theme& t = theme();
  StepView v;
  float qrMax = std::min(c.area.height() - navRowHeight() - t.gap() * 2, c.area.width() * 0.4f);
  if (s.cardQr) drawQr(*s.cardQr, ImVec2(c.area.max.x - qrMax, c.y), qrMax);
  Cursor left{{c.area.min, ImVec2(c.area.max.x - qrMax - t.margin(), c.area.max.y)}, c.y};
  left.para("Photograph this code now: it is " + s.adminName +
            "'s staff card. Print it or keep the "
            "photo on a phone; it is scanned (or typed) to sign in, with the PIN.");
  if (s.done) {
    left.para("Staff ID: " + s.done->adminStaffId);
    left.para("Typed, the card is: " + s.done->adminCardText);
  }
  left.para("Keep it as safe as a door key: with the PIN it opens patients' details.");
  v.back.clear();
  v.next = "I have photographed the card";
  return v;
}

StepView drawRecoveryStep(Cursor& c, const SetupState& s) {
  const Theme& t = theme();
  StepView v;
  c.para("WRITE THIS DOWN ON PAPER NOW. It is shown only this once and is never stored.", t.heading(),
         colour::kRed);
  if (s.done && !s.recoveryHidden) c.para(s.done->recoveryCode, t.heading());
  c.para(
      "The recovery code opens the site's keys if every administrator card is lost. Keep the paper "
      "locked away, not with the kiosk. Do not photograph it with a phone that leaves the building.");
  v.next = "I have written it down";
  return v;
}

StepView drawRecoveryConfirmStep(Cursor& c, const SetupState& s) {
  StepView v;
  c.para(
      "To check it was copied, type the last two groups of the recovery code (8 characters) from "
      "your paper.");
  v.pick(drawFields(c, {{"Last two groups", &s.recoveryTyped}}, {}, s, c.area.width() * 0.5f, false));
  v.pick(drawMessageAndKeyboard(c, s));
  v.back = s.recoveryHidden ? "" : "Show the code again";
  v.next = "Check";
  return v;
}

StepView drawRecipientStep(Cursor& c, const SetupState& s) {
  StepView v;
  c.para(
      "Batches for re-entry are sealed to the receiving organisation's public key. Scan its QR code "
      "now, paste its text (LSR1:...), or give the path of its .pub file on a USB stick. You can skip "
      "this and set it later on the admin screen.");
  v.pick(drawFields(
      c, {{"Key text (scanned or pasted)", &s.recipientText}, {"or a file path", &s.recipientPath}}, {}, s,
      c.area.width(), shortScreen()));
  v.pick(drawMessageAndKeyboard(c, s));
  v.back.clear();
  v.skip = "Skip for now";
  v.next = "Use this key";
  return v;
}

StepView drawDevicesStep(Cursor& c, const SetupState& s, TicketPrinting* printing, TestPageState& testPage) {
  const Theme& t = theme();
  StepView v;
  c.para(
      "Each is looked for at the path in its setting; anything not found can be skipped now and set "
      "on the admin screen later.");
  const char* names[] = {"Camera", "Barcode scanner", "Ticket printer"};
  for (size_t i = 0; i < s.devices.size() && i < 3; ++i) {
    std::string line = std::string(names[i]) + ": " + (s.deviceSkipped[i] ? "skipped" : s.devices[i].message);
    // The words wrap in the room left of the Skip button, never under it.
    const bool canSkip = !s.devices[i].found && !s.deviceSkipped[i];
    std::string label = std::string("Skip ") + names[i];
    const float textW = c.area.width() - (canSkip ? buttonWidth(label) + t.gap() * 2 : 0);
    Cursor words{{c.area.min, ImVec2(c.area.min.x + textW, c.area.max.y)}, c.y};
    words.para(line, nullptr, s.devices[i].found || s.deviceSkipped[i] ? colour::kText : colour::kRed);
    if (canSkip) {
      ImGui::SetCursorScreenPos(ImVec2(c.area.max.x - buttonWidth(label), c.y));
      if (button(label, ImVec2(buttonWidth(label), t.target() * 0.7f), ButtonStyle::kSecondary))
        v.in = {K::kSkipDevice, int(i)};
    }
    c.y = std::max(words.y, c.y + t.target() * 0.7f + t.gap());
  }
  ImGui::SetCursorScreenPos(ImVec2(c.area.min.x, c.y));
  if (button("Check again", ImVec2(buttonWidth("Check again"), t.target() * 0.7f), ButtonStyle::kSecondary))
    v.in = {K::kCheckDevices};
  if (s.devices.size() >= 3 && s.devices[2].found)
    drawDevicesTestPage(c.area, c.y, s.devices[2].path, printing, testPage);
  v.back.clear();
  return v;
}

StepView drawDoneStep(Cursor& c, const SetupState& s) {
  StepView v;
  c.para("This kiosk is ready.");
  if (s.done) c.para("Site: " + s.siteName + " (" + s.ods + "), device " + s.done->deviceId + ".");
  c.para(s.recipientKeyId.empty() ? "No receiving organisation's key yet: set it on the admin screen before "
                                    "the first export."
                                  : "Batches will be sealed to key " + s.recipientKeyId + ".");
  c.para(s.clockConfirmed ? "The clock was confirmed today." : "The clock is not yet confirmed.");
  v.back.clear();
  v.next = "Start the kiosk";
  return v;
}

}  // namespace longstop::ui::setup
