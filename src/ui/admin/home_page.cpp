// The admin home page: every catalogue setting as a paged list on the left (none while a drill runs:
// they belong to the real site), the other tasks in a column on the right; and what Confirm the clock
// and More settings do.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/admin/pages.h"
#include "ui/admin/setting_labels.h"
#include "ui/setup/form.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::admin {
namespace {
// A right-hand column of task buttons down to `bottom`, each as tall as 0.8 of a touch target where
// they fit, else shorter (seven tasks on an 800x480 screen); returns the index pressed or -1.
int taskColumn(const std::vector<std::string>& labels, float x, float y, float w, float bottom) {
  int pressed = -1;
  const float n = static_cast<float>(labels.size());
  const float h = std::min(theme().target() * 0.8f, std::floor((bottom - y - theme().gap() * (n - 1)) / n));
  for (size_t i = 0; i < labels.size(); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(labels[i], ImVec2(w, h), ButtonStyle::kSecondary)) pressed = int(i);
    y += h + theme().gap();
  }
  return pressed;
}

}  // namespace

AdminIntent drawHome(const Rect& area, float y, const AdminState& s, bool drillRunning) {
  const Theme& t = theme();
  AdminIntent in;
  float rightW = std::min(area.width() * 0.34f, t.basePx * 12);
  float leftW = area.width() - rightW - t.margin();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  if (!s.notice.empty()) y += setup::drawMessage(s.notice, leftW, false);
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  if (!s.message.empty()) y += setup::drawMessage(s.message, leftW);
  if (drillRunning) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    textWrapped(
        "A drill is running on practice data. Settings belong to the real site and cannot be changed "
        "until the drill ends.",
        leftW);
  } else {
    int n = settingsPerPage();
    int end = std::min(int(s.rows.size()), s.firstRow + n);
    for (int i = s.firstRow; i < end; ++i) {
      const auto& r = s.rows[size_t(i)];
      std::string label = settingRowText(r.key, r.value);
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      ImGui::PushClipRect(ImVec2(area.min.x, y), ImVec2(area.min.x + leftW, y + rowHeight()), true);
      if (button(label, ImVec2(leftW, rowHeight()), ButtonStyle::kSecondary, true, r.key.c_str()))
        in = intent::Edit{r.key};
      ImGui::PopClipRect();
      y += rowHeight() + t.gap();
    }
  }
  std::vector<std::string> tasks;
  if (!drillRunning) {
    tasks = {s.clockConfirmed ? "Clock confirmed today" : "Confirm the clock",
             "Receiving organisation's key",
             "Code for the receiving PC",
             "Staff cards",
             "Continuity drill",
             "More settings",
             "Close"};
  } else {
    tasks = {"Continuity drill", "Close"};
  }
  int p = taskColumn(tasks, area.max.x - rightW, area.min.y, rightW, area.max.y);
  if (p >= 0) {
    const std::string& l = tasks[size_t(p)];
    if (l == "Confirm the clock" || l == "Clock confirmed today") in = intent::ConfirmClock{};
    if (l == "Receiving organisation's key") in = intent::OpenRecipient{};
    if (l == "Code for the receiving PC") in = intent::OpenTrustCode{};
    if (l == "Continuity drill") in = intent::OpenDrill{};
    if (l == "Staff cards") in = intent::OpenStaff{};
    if (l == "More settings") in = intent::MoreSettings{};
    if (l == "Close") in = intent::Close{};
  }
  return in;
}

void AdminScreen::on(const intent::MoreSettings&) {
  int n = settingsPerPage();
  s_.firstRow = s_.firstRow + n >= int(s_.rows.size()) ? 0 : s_.firstRow + n;
}

void AdminScreen::on(const intent::ConfirmClock&) {
  auto st = services_.confirmClock();
  if (!st.ok())
    s_.message = st.error().message;
  else
    s_.notice = "The clock is confirmed for today.";
  reload();
}

}  // namespace longstop::ui::admin
