// One setting's editor: its label and description, the value on a keyboard, the service's refusal in
// red, and for the printer's settings "Print a test page" with the value before it is saved.
#include <cstdlib>

#include <string>
#include <vector>

#include <imgui.h>

#include "ui/admin/pages.h"
#include "ui/admin/setting_labels.h"
#include "ui/setup/form.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::admin {

AdminIntent drawEdit(const Rect& area, float y, const AdminState& s, TicketPrinting* printing) {
  const Theme& t = theme();
  AdminIntent in;
  auto pick = [&](AdminIntent i) {
    if (pressed(i)) in = std::move(i);
  };
  std::string description;
  for (const auto& r : s.rows)
    if (r.key == s.editKey) description = r.description;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(settingLabel(s.editKey), area.width(), t.heading()) + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(description + " (in a settings file: " + s.editKey + ")", area.width()) + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  setup::drawFormField("New value", s.editValue, true, false, area.width(), "admin-value");
  y = ImGui::GetCursorScreenPos().y + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += setup::drawMessage(s.message, area.width()) + t.gap();
  const bool printerKey = s.editKey == "printer.device" || s.editKey == "printer.paper";
  if (printerKey && !testPageStatus(printing, s.testPage).empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    y += setup::drawMessage(testPageStatus(printing, s.testPage), area.width(),
                            testPageFailed(printing, s.testPage)) +
         t.gap();
  }
  pick(keyboard(area, y, s.caps));
  switch (setup::drawNavRow(area, "Cancel", printerKey ? kTestPageLabel : "", "Save")) {
    case 2:
      in = intent::TestPage{};
      break;
    case 1:
      in = intent::Save{};
      break;
    case -1:
      in = intent::Home{};
      break;
    default:
      break;
  }
  return in;
}

void AdminScreen::on(const intent::Edit& in) {
  for (const auto& r : s_.rows)
    if (r.key == in.key) {
      s_.editKey = r.key;
      s_.editValue = r.value;
      s_.page = AdminPage::kEdit;
      s_.caps = true;
      s_.notice.clear();
      s_.testPage = {};
    }
}

void AdminScreen::on(const intent::TestPage&) {
  // The value being edited, before it is saved: a printer is tried before it is set.
  startTestPage(printing_, s_.testPage, s_.editKey == "printer.device" ? s_.editValue : "none",
                s_.editKey == "printer.paper" ? std::atoi(s_.editValue.c_str()) : 0);
}

void AdminScreen::on(const intent::Save&) {
  auto st = services_.setSetting(s_.editKey, s_.editValue);
  if (!st.ok()) {
    s_.message = st.error().message;  // the value stays, to be corrected
    return;
  }
  s_.notice = "Saved. " + settingRowText(s_.editKey, s_.editValue) + ".";
  s_.page = AdminPage::kHome;
  reload();
}

}  // namespace longstop::ui::admin
