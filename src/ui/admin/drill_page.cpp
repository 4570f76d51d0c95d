// The continuity drill: what it is and Start a drill; while one runs, the practice card and PIN, the
// report saved to a folder, and End drill (the app then reopens the kiosk on the real site).
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/admin/pages.h"
#include "ui/setup/form.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::admin {

AdminIntent drawDrill(const Rect& area, float y, const AdminState& s,
                      const std::optional<service::DrillSession>& drill) {
  const Theme& t = theme();
  AdminIntent in;
  auto pick = [&](AdminIntent i) {
    if (pressed(i)) in = std::move(i);
  };
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  if (!drill) {
    y += textWrapped(
             "A drill rehearses the outage plan: the kiosk reopens on a separate practice database with "
             "made-up patients, marked PRACTICE on every screen, so staff can check patients in, call "
             "them and export a batch. Real data is not touched. Ending the drill returns to the real "
             "site.",
             area.width()) +
         t.gap();
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    if (button("Start a drill", ImVec2(buttonWidth("Start a drill"), t.target() * 0.8f),
               ButtonStyle::kPrimary))
      in = intent::StartDrill{};
    y += t.target() * 0.8f + t.gap();
  } else {
    y += textWrapped("Practice card for staff: " + drill->practiceCard + "   PIN: " + drill->practicePin,
                     area.width()) +
         t.gap();
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    if (setup::drawFormField("Save the report to this folder", s.drillFolder, true, false,
                             area.width() * 0.7f, "drill-folder"))
      in = intent::Focus{0};
    y = ImGui::GetCursorScreenPos().y + t.gap();
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    if (button("Export the drill report", ImVec2(buttonWidth("Export the drill report"), t.target() * 0.8f),
               ButtonStyle::kSecondary))
      in = intent::ExportReport{};
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + buttonWidth("Export the drill report") + t.gap() * 2, y));
    if (button("End drill", ImVec2(buttonWidth("End drill"), t.target() * 0.8f), ButtonStyle::kUrgent))
      in = intent::EndDrill{};
    y += t.target() * 0.8f + t.gap();
  }
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  if (!s.notice.empty()) y += setup::drawMessage(s.notice, area.width(), false) + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += setup::drawMessage(s.message, area.width()) + t.gap();
  if (drill) pick(keyboard(area, y, s.caps));
  if (setup::drawNavRow(area, "Back", "", "") == -1) in = intent::Home{};
  return in;
}

void AdminScreen::on(const intent::OpenDrill&) {
  s_.page = AdminPage::kDrill;
  s_.caps = false;
}

void AdminScreen::on(const intent::StartDrill&) {
  auto d = services_.startDrill();
  if (!d.ok()) {
    s_.message = d.error().message;
    return;
  }
  s_.notice = "Drill started. The kiosk now runs on practice data.";
  outcome_ = AdminOutcome::kDrillStarted;
}

void AdminScreen::on(const intent::ExportReport&) {
  auto report = services_.drillReport();
  if (report.ok()) s_.lastReport = report.value();
  auto path = services_.exportDrillReport(s_.drillFolder);
  if (!path.ok())
    s_.message = path.error().message;
  else
    s_.notice = "The drill report is saved as " + path.value().string() + ".";
}

void AdminScreen::on(const intent::EndDrill&) {
  auto st = services_.endDrill();
  if (!st.ok()) {
    s_.message = st.error().message;
    return;
  }
  s_.lastReport.clear();
  s_.notice = "Drill ended. The kiosk is back on the real site.";
  s_.page = AdminPage::kHome;
  outcome_ = AdminOutcome::kDrillEnded;
  reload();
}

}  // namespace longstop::ui::admin
