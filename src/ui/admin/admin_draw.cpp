// The admin screen's frame: the bar, then the page showing (each page's drawing is in its own file,
// pages.h), then what was pressed applied; and what the pages share.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/admin/pages.h"
#include "ui/setup/form.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::admin {

// Room for a setting's words on two lines at the labels' smallest size on a short (800x480) screen.
float rowHeight() {
  const bool shortScreen = ImGui::GetIO().DisplaySize.y < 600;
  return std::floor(theme().target() * (shortScreen ? 0.8f : 0.6f));
}

AdminIntent keyboard(const Rect& area, float top, bool caps) {
  float bottom = area.max.y - setup::navRowHeight() - theme().gap();
  float room = bottom - top;
  // Keys a finger can press, or none (a USB keyboard or a scanner still types).
  if ((room - 4 * theme().gap()) / 5 < theme().target() * 0.5f) return {};
  float h = setup::formKeyboardHeight(area.width(), room);
  KeyPress k = setup::drawFormKeyboard(ImVec2(area.min.x, bottom - h), area.width(), room, caps);
  if (!k) return {};
  return intent::TypeKey{k};
}

int cardsPerPage() {
  const Theme& t = theme();
  // Below the bar, the explanation and a message, above the nav row.
  float h =
      ImGui::GetIO().DisplaySize.y - t.target() * 0.8f - setup::navRowHeight() - t.gap() * 6 - t.basePx * 5;
  return std::max(2, static_cast<int>(h / (rowHeight() + t.gap())));
}

int settingsPerPage() {
  const Theme& t = theme();
  float h = ImGui::GetIO().DisplaySize.y - t.target() * 0.8f - t.gap() * 3 - t.basePx * 3;
  return std::max(3, static_cast<int>(h / (rowHeight() + t.gap())));
}

void AdminScreen::frame() {
  if (!active()) return;
  // A patient's larger text or high contrast is theirs, not the administrator's.
  theme().largerText = false;
  theme().highContrast = false;
  const Theme& t = theme();
  beginScreenWindow("admin", t.fonts.body);
  AdminIntent in;
  std::optional<service::DrillSession> drill = services_.drill();
  std::string who = s_.staffName.empty() ? "" : "Signed in: " + s_.staffName;
  // "Admin" alone: the drill's PRACTICE badge sits in the middle of the bar, and the pages say a drill runs.
  Rect area = setup::drawFormBar("Admin", who);
  const float y = area.min.y;
  switch (s_.page) {
    case AdminPage::kClosed:
      break;
    case AdminPage::kHome:
      in = drawHome(area, y, s_, drill.has_value());
      break;
    case AdminPage::kEdit:
      in = drawEdit(area, y, s_, printing_);
      break;
    case AdminPage::kRecipient:
      in = drawRecipient(area, y, s_);
      break;
    case AdminPage::kTrustCode:
      in = drawTrustCode(area, s_);
      break;
    case AdminPage::kStaff:
      in = drawStaffCards(area, y, s_);
      break;
    case AdminPage::kRevoke:
      in = drawRevoke(area, y, s_);
      break;
    case AdminPage::kDrill:
      in = drawDrill(area, y, s_, drill);
      break;
  }
  endScreenWindow();
  apply(in);
}

}  // namespace longstop::ui::admin
