// The receiving organisation's key: the key in force, then its QR code scanned, its LSR1 text pasted,
// or the path of its .pub file on a USB stick; "Use this key" hands it to the service, which checks it.
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/admin/pages.h"
#include "ui/setup/form.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::admin {

AdminIntent drawRecipient(const Rect& area, float y, const AdminState& s) {
  const Theme& t = theme();
  AdminIntent in;
  auto pick = [&](AdminIntent i) {
    if (pressed(i)) in = std::move(i);
  };
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(s.recipientKeyId.empty()
                       ? "No receiving organisation's key is set: batches cannot be exported yet."
                       : "Batches are sealed to key " + s.recipientKeyId + ".",
                   area.width()) +
       t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(
           "Scan the organisation's QR code, paste its text (LSR1:...), or give the path of its .pub "
           "file on a USB stick.",
           area.width()) +
       t.gap();
  // The two ways in one above the other, or side by side on a short screen.
  const bool sideBySide = ImGui::GetIO().DisplaySize.y < 600;
  const float fieldW = sideBySide ? (area.width() - t.gap() * 2) / 2 : area.width();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  if (setup::drawFormField("Key text (scanned or pasted)", s.recipientText, s.focus == 0, false, fieldW,
                           "admin-key-text"))
    in = intent::Focus{0};
  if (!sideBySide) y = ImGui::GetCursorScreenPos().y + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(sideBySide ? area.max.x - fieldW : area.min.x, y));
  if (setup::drawFormField("or a file path", s.recipientPath, s.focus == 1, false, fieldW, "admin-key-path"))
    in = intent::Focus{1};
  y = ImGui::GetCursorScreenPos().y + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += setup::drawMessage(s.message, area.width()) + t.gap();
  pick(keyboard(area, y, s.caps));
  switch (setup::drawNavRow(area, "Cancel", "", "Use this key")) {
    case 1:
      in = intent::SetRecipient{};
      break;
    case -1:
      in = intent::Home{};
      break;
    default:
      break;
  }
  return in;
}

void AdminScreen::on(const intent::OpenRecipient&) {
  s_.page = AdminPage::kRecipient;
  s_.focus = 0;
  s_.caps = false;
}

void AdminScreen::on(const intent::SetRecipient&) {
  auto id = s_.recipientText.empty() ? services_.setRecipientFile(s_.recipientPath)
                                     : services_.setRecipientText(s_.recipientText);
  if (!id.ok()) {
    s_.message = id.error().message;
    return;
  }
  s_.recipientText.clear();
  s_.recipientPath.clear();
  s_.notice = "Batches will now be sealed to key " + id.value() + ".";
  s_.page = AdminPage::kHome;
  reload();
}

}  // namespace longstop::ui::admin
