#include "ui/setup/test_page_button.h"

#include <imgui.h>

#include "ui/setup/form.h"
#include "ui/theme.h"

namespace longstop::ui::setup {

void drawDevicesTestPage(const Rect& area, float y, const std::string& device, TicketPrinting* printing,
                         TestPageState& state) {
  const Theme& t = theme();
  const float h = t.target() * 0.7f;
  const float w = buttonWidth(kTestPageLabel);
  ImGui::SetCursorScreenPos(ImVec2(area.max.x - w, y));
  if (button(kTestPageLabel, ImVec2(w, h), ButtonStyle::kSecondary))
    startTestPage(printing, state, device, 58);
  const std::string status = testPageStatus(printing, state);
  if (status.empty()) return;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y + h + t.gap()));
  (void)drawMessage(status, area.width(), testPageFailed(printing, state));
}

}  // namespace longstop::ui::setup
