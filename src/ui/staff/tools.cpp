#include "ui/staff/tools.h"

#include <algorithm>

#include "ui/staff/console.h"
#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {
namespace {
using K = StaffIntent::Kind;
}  // namespace

StaffIntent drawSearch(const std::string& text, const std::vector<service::ConsoleEntry>& results) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar("Search: ticket, surname or NHS number", {"Back to list"}, &area) == 0) in.kind = K::kBack;
  const Theme& t = theme();
  ImGui::SetCursorScreenPos(area.min);
  (void)field("Search", text, ImVec2(std::min(area.width(), t.basePx * 16), t.target() * 0.8f), true, "search");
  float y = ImGui::GetCursorScreenPos().y + t.gap();
  float keyH = std::min(t.target() * 0.7f, area.height() / 9);
  float kbH = charKeyboardHeight(area.width(), keyH, kLettersAndDigits);
  KeyPress p = drawCharKeyboard(ImVec2(area.min.x, area.max.y - kbH), area.width(), keyH, kLettersAndDigits);
  if (p) {
    in.kind = K::kKey;
    in.key = p;
  }
  const float rowH = std::max(t.target() * 0.7f, listPx() * 2.2f);
  float bottom = area.max.y - kbH - t.gap();
  if (!text.empty() && results.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    ui::text("Nobody found.");
  }
  for (const auto& e : results) {
    if (y + rowH > bottom) break;
    if (drawEntryRow(e, ImVec2(area.min.x, y), area.width(), rowH, true)) {
      in.kind = K::kOpen;
      in.arg = e.recordId;
    }
    y += rowH;
  }
  return in;
}

StaffIntent drawAdd(const std::string& appointmentId, const std::string& message) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar("Add a patient at the desk", {"Back to list"}, &area) == 0) in.kind = K::kBack;
  const Theme& t = theme();
  float h = t.target() * 0.8f;
  ImGui::SetCursorScreenPos(area.min);
  float fw = std::min(area.width() * 0.45f, t.basePx * 12);
  (void)field("Appointment ID", appointmentId, ImVec2(fw, h), true, "appointment-id");
  float fy = ImGui::GetCursorScreenPos().y;
  float x = area.min.x + fw + t.gap();
  float w1 = buttonWidth("Check in");
  ImGui::SetCursorScreenPos(ImVec2(x, fy - h));
  if (button("Check in", ImVec2(w1, h), ButtonStyle::kPrimary, !appointmentId.empty())) in.kind = K::kAddAppointment;
  x += w1 + t.gap();
  float w2 = buttonWidth("Urgent");
  ImGui::SetCursorScreenPos(ImVec2(x, fy - h));
  if (button("Urgent", ImVec2(w2, h), ButtonStyle::kUrgent, !appointmentId.empty())) {
    in.kind = K::kAddAppointment;
    in.flag = true;
  }
  x += w2 + t.gap();
  float w3 = buttonWidth("New walk-in");
  ImGui::SetCursorScreenPos(ImVec2(std::min(x, area.max.x - w3), fy - h));
  if (button("New walk-in", ImVec2(w3, h), ButtonStyle::kSecondary)) in.kind = K::kAddWalkIn;
  float y = fy + t.gap();
  if (!message.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    y += textWrapped(message, area.width(), t.fonts.body, colour::kRed) + t.gap();
  }
  float keyH = std::min(t.target() * 0.7f, (area.max.y - y) / 4.4f);
  KeyPress p = drawCharKeyboard(ImVec2(area.min.x, y), area.width(), keyH, kLettersAndDigits);
  if (p) {
    in.kind = K::kKey;
    in.key = p;
  }
  return in;
}

StaffIntent drawSummary(const service::DaySummaryView& s, const std::string& siteName) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar("End of day - " + siteName, {"Back to list"}, &area) == 0) in.kind = K::kBack;
  const Theme& t = theme();
  const float px = listPx() * 1.1f;
  const char* states[] = {"waiting", "called", "parked", "seen", "no-show", "left", "cancelled"};
  float y = area.min.y;
  std::string head = std::to_string(s.total) + " check-ins,  median wait " +
                     (s.medianWaitMinutes ? std::to_string(*s.medianWaitMinutes) + " min" : std::string("not known")) +
                     ",  " + std::to_string(s.urgentFlags) + " urgent flags";
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(head, area.width(), t.fonts.heading) + t.gap() * 2;
  float nameW = area.width() * 0.28f;
  float colW = (area.width() - nameW) / 7;
  listText("Queue", ImVec2(area.min.x, y), px, colour::kDarkBlue, true);
  for (int i = 0; i < 7; ++i) listText(states[i], ImVec2(area.min.x + nameW + i * colW, y), px, colour::kDarkBlue, true);
  y += px * 1.6f;
  for (const auto& [queue, counts] : s.countsByQueueAndState) {
    ImGui::GetWindowDrawList()->AddLine(ImVec2(area.min.x, y - px * 0.2f), ImVec2(area.max.x, y - px * 0.2f),
                                        colour::kDisabled);
    listText(queue, ImVec2(area.min.x, y), px, colour::kText, true);
    for (int i = 0; i < 7; ++i) {
      auto it = counts.find(states[i]);
      listText(std::to_string(it == counts.end() ? 0 : it->second), ImVec2(area.min.x + nameW + i * colW, y), px);
    }
    y += px * 1.6f;
  }
  return in;
}

}  // namespace longstop::ui::staff
