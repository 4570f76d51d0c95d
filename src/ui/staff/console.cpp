#include "ui/staff/console.h"

#include <algorithm>
#include <cmath>

#include "ui/staff/printer_line.h"
#include "ui/staff/queue_list.h"
#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {
namespace {
bool isActive(core::CheckinState s) {
  return s == core::CheckinState::kWaiting || s == core::CheckinState::kCalled ||
         s == core::CheckinState::kParked;
}

const service::ConsoleEntry* find(const std::vector<service::ConsoleEntry>& entries, const std::string& id) {
  for (const auto& e : entries)
    if (e.recordId == id) return &e;
  return nullptr;
}

int waitingIn(const std::vector<service::ConsoleEntry>& entries, const std::string& queueId) {
  int n = 0;
  for (const auto& e : entries)
    if (e.queueId == queueId && e.state == core::CheckinState::kWaiting) ++n;
  return n;
}

float callButtonHeight() {
  return std::round(listRowHeight() * 1.2f);
}

// The call buttons of one queue in rows across `width`; returns the height they took.
float drawCallButtons(const ConsoleView& v, const core::QueueDef& q, ImVec2 pos, float width,
                      StaffIntent& in) {
  const Theme& t = theme();
  std::vector<const service::CallPoint*> points;
  for (const auto& p : v.points)
    if (p.queueId == q.id) points.push_back(&p);
  if (points.empty()) return 0;
  const float h = callButtonHeight();
  // The last place in the rows is "Rooms": which room each clinician calls to.
  const bool rooms =
      std::any_of(points.begin(), points.end(), [](const auto* p) { return !p->clinician.empty(); });
  const float roomsW = rooms ? std::round(listPx() * 4.0f) : 0;
  const size_t n = points.size();
  const int perRow =
      std::max(1, std::min(static_cast<int>(n),
                           static_cast<int>((width - roomsW + t.gap()) / (t.basePx * 7.2f + t.gap()))));
  const float cellW = std::floor((width - roomsW - (rooms ? t.gap() : 0) - (perRow - 1) * t.gap()) / perRow);
  for (size_t i = 0; i < n; ++i) {
    const auto& p = *points[i];
    const int r = static_cast<int>(i) / perRow, c = static_cast<int>(i) % perRow;
    const float x = pos.x + c * (cellW + t.gap()), y = pos.y + r * (h + t.gap() * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    std::string id = "call-" + q.id + "-" + p.clinician;
    if (button(callLabel(p, v.queues), ImVec2(cellW, h), ButtonStyle::kPrimary, p.waiting > 0, id.c_str())) {
      in = intent::CallNext{q.id, p.clinician};  // this clinician's patients (none named: those without one)
    }
  }
  if (rooms) {
    ImGui::SetCursorScreenPos(ImVec2(pos.x + width - roomsW, pos.y));
    if (button("Rooms", ImVec2(roomsW, h), ButtonStyle::kSecondary, true, ("rooms-" + q.id).c_str())) {
      in = intent::PickRoom{"", q.id};
    }
  }
  const int rows = (static_cast<int>(points.size()) + perRow - 1) / perRow;
  return rows * h + (rows - 1) * t.gap() * 0.5f + t.gap() * 0.5f;
}

// One queue: its call buttons, the headings and the scrolling list, in [min, max].
void drawQueue(const ConsoleView& v, const core::QueueDef& q, ImVec2 min, ImVec2 max, bool heading,
               StaffIntent& in) {
  const Theme& t = theme();
  float y = min.y;
  const float width = max.x - min.x;
  if (heading) {
    const float hh = std::round(listPx() * 1.6f);
    textFitted(q.name + " - " + std::to_string(waitingIn(v.entries, q.id)) + " waiting", ImVec2(min.x, y),
               ImVec2(max.x, y + hh), t.fonts.heading, colour::kDarkBlue);
    y += hh + t.gap() * 0.5f;
  }
  y += drawCallButtons(v, q, ImVec2(min.x, y), width, in);
  const float listW = width - ImGui::GetStyle().ScrollbarSize;
  const ListColumns cols = listColumns(listW, false);
  y += drawListHeadings(cols, ImVec2(min.x, y));
  ImGui::SetCursorScreenPos(ImVec2(min.x, y));
  const float rowH = listRowHeight();
  // Whole rows: at rest the last one shown is not cut in half by the bottom of the list.
  const float listH = std::max(rowH, std::floor((max.y - y) / rowH) * rowH);
  beginDragList(("list-" + q.id).c_str(), ImVec2(width, listH));
  ImVec2 pos = ImGui::GetCursorScreenPos();
  int shown = 0;
  for (const auto& e : v.entries) {
    if (e.queueId != q.id || !isActive(e.state)) continue;
    StaffIntent r = drawListRow(e, cols, pos, rowH);
    if (pressed(r)) in = r;
    pos.y += rowH;
    ++shown;
  }
  if (shown == 0)
    listText("Nobody is waiting.", ImVec2(pos.x, pos.y + rowH * 0.2f), listPx(), colour::kGreyBorder);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + rowH * 0.5f));
  ImGui::Dummy(ImVec2(1, 1));
  endDragList();
}
}  // namespace

std::string nameText(const service::ConsoleEntry& e) {
  if (!e.patient && !e.detailsOn.empty()) return "details on " + e.detailsOn;
  if (!e.patient) return e.damaged ? "(details damaged)" : "(no details)";
  return e.patient->forenames.empty() ? e.patient->surname : e.patient->surname + ", " + e.patient->forenames;
}

int queuesSideBySide(float width, size_t queues) {
  const float columnW = minListWidth() + theme().gap() * 2 + ImGui::GetStyle().ScrollbarSize;
  return std::clamp(static_cast<int>(width / columnW), 1, std::max(1, static_cast<int>(queues)));
}

std::string callLabel(const service::CallPoint& p, const std::vector<core::QueueDef>& queues) {
  std::string who = p.clinician;
  if (who.empty()) {
    for (const auto& q : queues)
      if (q.id == p.queueId) who = q.name;
    return "Call next " + who + " \u2192 " + p.room + " (" + std::to_string(p.waiting) + ")";
  }
  return "Call next for " + who + " \u2192 " + p.room + " (" + std::to_string(p.waiting) + ")";
}

std::string idleWarning(int secondsLeft) {
  return "No one has touched the screen for a while: signing out in " + std::to_string(secondsLeft) + " s.";
}

StaffIntent drawConsole(const ConsoleView& v) {
  StaffIntent in;
  const Theme& t = theme();
  Rect area;
  std::vector<std::string_view> labels = {"Search", "Add patient", "Save list", "Summary", "Export"};
  std::vector<StaffIntent> tools = {intent::OpenSearch{}, intent::OpenAdd{}, intent::SaveList{},
                                    intent::OpenSummary{}, intent::OpenExport{}};
  if (v.admin) {
    labels.push_back("Admin");
    tools.push_back(intent::OpenAdmin{});
  }
  labels.push_back("Sign out");
  tools.push_back(intent::SignOut{});
  const int tool = drawStaffBar("Reception - " + v.staffName, labels, &area);
  if (tool >= 0) in = tools[static_cast<size_t>(tool)];

  float y = area.min.y;
  if (v.idleSecondsLeft >= 0) {
    const std::string stay = kStaySignedIn;
    const float bw = buttonWidth(stay);
    const float h = drawBanner(idleWarning(v.idleSecondsLeft), area.min.x, area.max.x - bw - t.gap(), y,
                               colour::kYellow, colour::kText);
    ImGui::SetCursorScreenPos(ImVec2(area.max.x - bw, y));
    if (button(stay, ImVec2(bw, h), ButtonStyle::kPrimary)) in = intent::StaySignedIn{};
    y += h + t.gap();
  }
  // Every urgent alert, oldest first: red, across the screen, until someone acknowledges it.
  for (const auto& id : v.alerts) {
    const auto* e = find(v.entries, id);
    std::string ticket = e ? e->ticket : id;
    std::string msg = "URGENT: " + ticket + (e ? " (" + nameText(*e) + ")" : "") + " said they need help now";
    std::string ack = acknowledgeLabel(ticket);
    float bw = buttonWidth(ack);
    float h = drawBanner(msg, area.min.x, area.max.x - bw - t.gap(), y, colour::kRed, colour::kTextOnDark);
    ImGui::SetCursorScreenPos(ImVec2(area.max.x - bw, y));
    if (button(ack, ImVec2(bw, h), ButtonStyle::kUrgent, true, ("ack-" + id).c_str())) {
      in = intent::Acknowledge{id};
    }
    y += h + t.gap();
    if (y > area.max.y - t.target() * 3) break;
  }
  y += drawPrinterLine(v.printerFault, area, y);
  if (!v.message.empty() || !v.notice.empty()) {
    const std::string& s = v.message.empty() ? v.notice : v.message;
    const float h = std::round(listPx() * 1.5f);
    textFitted(s, ImVec2(area.min.x, y), ImVec2(area.max.x, y + h), t.fonts.body,
               v.message.empty() ? colour::kDarkBlue : colour::kRed);
    y += h + t.gap() * 0.5f;
  }
  if (v.queues.empty()) return in;

  const int n = static_cast<int>(v.queues.size());
  const int side = queuesSideBySide(area.width(), v.queues.size());
  const int first = side >= n ? 0 : std::clamp(v.firstQueue, 0, n - side);
  if (side < n) {
    // One tab per queue with its waiting count: the list below shows the chosen one(s).
    const float h = callButtonHeight();
    const float w = std::floor((area.width() - (n - 1) * t.gap() * 0.5f) / n);
    for (int i = 0; i < n; ++i) {
      const auto& q = v.queues[static_cast<size_t>(i)];
      ImGui::SetCursorScreenPos(ImVec2(area.min.x + i * (w + t.gap() * 0.5f), y));
      const bool shown = i >= first && i < first + side;
      std::string label = q.name + " - " + std::to_string(waitingIn(v.entries, q.id)) + " waiting";
      if (button(label, ImVec2(w, h), shown ? ButtonStyle::kSelected : ButtonStyle::kSecondary, true,
                 ("tab-" + q.id).c_str())) {
        in = intent::ShowQueue{static_cast<int>(i)};
      }
    }
    y += h + t.gap();
  }
  const float colW = std::floor((area.width() - (side - 1) * t.gap() * 2) / side);
  for (int i = 0; i < side; ++i) {
    const float x = area.min.x + i * (colW + t.gap() * 2);
    drawQueue(v, v.queues[static_cast<size_t>(first + i)], ImVec2(x, y), ImVec2(x + colW, area.max.y),
              side >= n, in);
  }
  return in;
}

}  // namespace longstop::ui::staff
