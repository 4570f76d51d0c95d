#include "ui/staff/tools.h"

#include <algorithm>
#include <cmath>

#include "ui/staff/console.h"
#include "ui/staff/queue_list.h"
#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {
StaffIntent drawSearch(const std::string& text, const std::vector<service::ConsoleEntry>& results) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar("Search: ticket, surname or NHS number", {"Back to list"}, &area) == 0)
    in = intent::Back{};
  const Theme& t = theme();
  ImGui::SetCursorScreenPos(area.min);
  (void)field("Search", text, ImVec2(std::min(area.width(), t.basePx * 16), t.target() * 0.7f), true,
              "search");
  float y = ImGui::GetCursorScreenPos().y + t.gap() * 0.5f;
  float keyH = std::min(t.target() * 0.6f, area.height() / 10);
  float kbH = charKeyboardHeight(area.width(), keyH, kLettersAndDigits);
  KeyPress p = drawCharKeyboard(ImVec2(area.min.x, area.max.y - kbH), area.width(), keyH, kLettersAndDigits);
  if (p) in = intent::TypeKey{p};
  float bottom = area.max.y - kbH - t.gap();
  if (!text.empty() && results.empty()) {
    listText("Nobody found.", ImVec2(area.min.x, y), listPx());
    return in;
  }
  if (results.empty()) return in;
  const float listW = area.width() - ImGui::GetStyle().ScrollbarSize;
  const ListColumns cols = listColumns(listW, true);
  y += drawListHeadings(cols, ImVec2(area.min.x, y));
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  beginDragList("results", ImVec2(area.width(), std::max(listRowHeight(), bottom - y)));
  ImVec2 pos = ImGui::GetCursorScreenPos();
  for (const auto& e : results) {
    StaffIntent r = drawListRow(e, cols, pos, listRowHeight());
    if (pressed(r)) in = r;
    pos.y += listRowHeight();
  }
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(ImVec2(1, 1));
  endDragList();
  return in;
}

StaffIntent drawAdd(const std::string& appointmentId, const std::vector<service::DueAppointment>& due,
                    const std::string& message) {
  StaffIntent in;
  Rect area;
  const int pressed = drawStaffBar("Add a patient at the desk", {"New walk-in", "Back to list"}, &area);
  if (pressed == 0) in = intent::AddWalkIn{};
  if (pressed == 1) in = intent::Back{};
  const Theme& t = theme();
  const float h = std::round(listRowHeight() * 1.2f);
  // The appointment chosen (a row below, or its ID typed on a keyboard) and what to do with it.
  const float w1 = buttonWidth("Check in"), w2 = buttonWidth("Urgent");
  const float fw = std::min(area.width() - w1 - w2 - 2 * t.gap(), t.basePx * 12);
  ImGui::SetCursorScreenPos(area.min);
  (void)field("Appointment", appointmentId, ImVec2(fw, h), true, "appointment-id");
  const float fy = ImGui::GetCursorScreenPos().y;
  float x = area.min.x + fw + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(x, fy - h));
  if (button("Check in", ImVec2(w1, h), ButtonStyle::kPrimary, !appointmentId.empty()))
    in = intent::AddAppointment{false};
  ImGui::SetCursorScreenPos(ImVec2(x + w1 + t.gap(), fy - h));
  if (button("Urgent", ImVec2(w2, h), ButtonStyle::kUrgent, !appointmentId.empty())) {
    in = intent::AddAppointment{true};
  }
  float y = fy + t.gap() * 0.5f;
  const float lineH = std::round(listPx() * 1.5f);
  textFitted(!message.empty() ? message
             : due.empty()    ? std::string("Everyone in today's list has arrived.")
                           : std::to_string(due.size()) + " appointments today not yet arrived: choose one.",
             ImVec2(area.min.x, y), ImVec2(area.max.x, y + lineH), t.fonts.body,
             message.empty() ? colour::kText : colour::kRed);
  y += lineH + t.gap() * 0.5f;
  if (due.empty()) return in;
  // Time, clinician, the surname's initial, the queue: enough to find the person at the desk without
  // showing the whole list's names to whoever stands there.
  const float px = listPx(), rowH = listRowHeight();
  const float listW = area.width() - ImGui::GetStyle().ScrollbarSize;
  const float cw[] = {px * 4.2f, px * 3.2f, listW * 0.36f, px * 3.0f, 0};
  const char* heads[] = {"ID", "Time", "Clinician", "Initial", "Queue"};
  float cx[5];
  cx[0] = 0;
  for (int i = 1; i < 5; ++i) cx[i] = cx[i - 1] + cw[i - 1];
  const float gap = t.gap() * 0.5f;
  for (int i = 0; i < 5; ++i)
    listText(heads[i], ImVec2(area.min.x + cx[i], y), px * 0.85f, colour::kGreyBorder, true);
  y += std::round(px * 1.5f);
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  beginDragList("due", ImVec2(area.width(), std::max(rowH, area.max.y - y)));
  ImVec2 pos = ImGui::GetCursorScreenPos();
  for (const auto& a : due) {
    const bool chosen = a.id == appointmentId;
    if (chosen)
      ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + listW, pos.y + rowH), colour::kPaleBlue);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + 2));
    if (button(a.id, ImVec2(cw[0] - gap, rowH - 5), chosen ? ButtonStyle::kSelected : ButtonStyle::kSecondary,
               true, ("due-" + a.id).c_str()) &&
        !listDragged()) {
      in = intent::PickAppointment{a.id};
    }
    const float ty = pos.y + (rowH - px) / 2;
    const std::string cells[] = {a.time, a.clinician, a.initial.empty() ? "-" : a.initial + ".", a.queueName};
    for (int i = 1; i < 5; ++i) {
      const float right = i == 4 ? pos.x + listW : pos.x + cx[i] + cw[i] - gap;
      ImGui::PushClipRect(ImVec2(pos.x + cx[i], pos.y), ImVec2(right, pos.y + rowH), true);
      listText(cells[i - 1], ImVec2(pos.x + cx[i], ty), px, colour::kText, i == 1);
      ImGui::PopClipRect();
    }
    ImGui::GetWindowDrawList()->AddLine(ImVec2(pos.x, pos.y + rowH - 1),
                                        ImVec2(pos.x + listW, pos.y + rowH - 1), colour::kDisabled);
    pos.y += rowH;
  }
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(ImVec2(1, 1));
  endDragList();
  return in;
}

std::vector<std::string> roomChoices(const std::vector<core::QueueDef>& queues,
                                     const std::vector<service::CallPoint>& points) {
  std::vector<std::string> out;
  auto add = [&](const std::string& r) {
    if (!r.empty() && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  };
  for (const auto& q : queues) add(q.room);
  for (const auto& p : points) add(p.room);
  for (int i = 1; i <= 9; ++i) add("Room " + std::to_string(i));
  return out;
}

StaffIntent drawRoomPick(const std::string& clinician, const std::string& queueId,
                         const std::vector<service::CallPoint>& points,
                         const std::vector<std::string>& rooms) {
  StaffIntent in;
  Rect area;
  const std::string title = clinician.empty() ? "Whose room?" : "Which room is " + clinician + " in today?";
  if (drawStaffBar(title, {"Back to list"}, &area) == 0) in = intent::Back{};
  const Theme& t = theme();
  if (clinician.empty()) {
    float y = area.min.y;
    for (const auto& p : points) {
      if (p.queueId != queueId || p.clinician.empty()) continue;
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      const std::string label = p.clinician + ": " + p.room;
      if (button(label, ImVec2(std::min(area.width(), t.basePx * 14), std::round(listRowHeight() * 1.4f)),
                 ButtonStyle::kSecondary)) {
        in = intent::PickRoom{p.clinician, ""};
      }
      y += std::round(listRowHeight() * 1.4f) + t.gap();
    }
    return in;
  }
  const float h = std::round(listRowHeight() * 1.4f);
  const int perRow = std::max(1, static_cast<int>((area.width() + t.gap()) / (t.basePx * 7 + t.gap())));
  const float w = std::floor((area.width() - (perRow - 1) * t.gap()) / perRow);
  for (size_t i = 0; i < rooms.size(); ++i) {
    const int r = static_cast<int>(i) / perRow, c = static_cast<int>(i) % perRow;
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + c * (w + t.gap()), area.min.y + r * (h + t.gap())));
    if (button(rooms[i], ImVec2(w, h), ButtonStyle::kSecondary)) {
      in = intent::SetRoom{rooms[i]};
    }
  }
  return in;
}

StaffIntent drawSummary(const service::DaySummaryView& s, const std::string& siteName) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar("End of day - " + siteName, {"Back to list"}, &area) == 0) in = intent::Back{};
  const Theme& t = theme();
  const float px = listPx() * 1.1f;
  using S = core::CheckinState;
  const S states[] = {S::kWaiting, S::kCalled, S::kParked, S::kSeen, S::kNoShow, S::kLeft, S::kCancelled};
  float y = area.min.y;
  std::string head =
      std::to_string(s.total) + " check-ins,  median wait " +
      (s.medianWaitMinutes ? std::to_string(*s.medianWaitMinutes) + " min" : std::string("not known")) +
      ",  " + std::to_string(s.urgentFlags) + " urgent flags";
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(head, area.width(), t.fonts.heading) + t.gap() * 2;
  float nameW = area.width() * 0.28f;
  float colW = (area.width() - nameW) / 7;
  listText("Queue", ImVec2(area.min.x, y), px, colour::kDarkBlue, true);
  for (int i = 0; i < 7; ++i)
    listText(std::string(core::toString(states[i])), ImVec2(area.min.x + nameW + i * colW, y), px,
             colour::kDarkBlue, true);
  y += px * 1.6f;
  for (const auto& [queue, counts] : s.countsByQueueAndState) {
    ImGui::GetWindowDrawList()->AddLine(ImVec2(area.min.x, y - px * 0.2f), ImVec2(area.max.x, y - px * 0.2f),
                                        colour::kDisabled);
    listText(queue, ImVec2(area.min.x, y), px, colour::kText, true);
    for (int i = 0; i < 7; ++i) {
      auto it = counts.find(states[i]);
      listText(std::to_string(it == counts.end() ? 0 : it->second), ImVec2(area.min.x + nameW + i * colW, y),
               px);
    }
    y += px * 1.6f;
  }
  return in;
}

}  // namespace longstop::ui::staff
