#include "ui/staff/queue_list.h"

#include <algorithm>
#include <cmath>

#include "ui/staff/console.h"
#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {
namespace {
// Cell widths in list text heights (listPx): ticket, name, appointment, waited, status.
constexpr float kCellEm[ListColumns::kCount] = {3.4f, 7.6f, 6.4f, 3.9f, 8.5f};
// A called row's three buttons need this much more room than the status text.
constexpr float kRowActionsEm = 11.5f;
// Text shrinks this far to fit its cell before it would be clipped (which the layout test refuses).
constexpr float kSmallestText = 0.72f;

float dragThreshold() {
  return std::max(6.0f, theme().basePx * 0.35f);
}

// Text fitted into a cell: full size when it fits, else smaller down to kSmallestText; recorded with
// its cell as its room, so the layout test sees a cut.
void cellText(std::string_view s, ImVec2 min, ImVec2 max, float px, ImU32 col, bool bold) {
  if (s.empty()) return;
  ImFont* font = bold && theme().fonts.heading ? theme().fonts.heading : theme().fonts.body;
  const float room = max.x - min.x;
  float size = px;
  ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size());
  if (ts.x > room && ts.x > 0) {
    size = std::max(px * kSmallestText, std::floor(px * room / ts.x));
    ts = font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size());
  }
  const ImVec2 at(min.x, std::floor(min.y + (max.y - min.y - ts.y) / 2));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::PushClipRect(min, max, true);
  dl->AddText(font, size, at, col ? col : colour::kText, s.data(), s.data() + s.size());
  ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
  ImGui::PopClipRect();
  if (WidgetLog* log = widgetLog()) {
    WidgetRecord r;
    r.label = std::string(s);
    r.min = at;
    r.max = ImVec2(at.x + ts.x, at.y + ts.y);
    const ImVec2 c = r.centre();
    r.visible = c.x >= cmin.x && c.y >= cmin.y && c.x <= cmax.x && c.y <= cmax.y;
    r.roomMin = min;
    r.roomMax = max;
    r.textMin = r.min;
    r.textMax = r.max;
    r.textScale = size / font->FontSize;
    log->add(std::move(r));
  }
}
}  // namespace

float listRowHeight() {
  return std::round(std::max(listPx() * 1.9f, 36.0f));
}

float minListWidth() {
  float em = 0;
  for (float e : kCellEm) em += e;
  return em * listPx();
}

ListColumns listColumns(float width, bool showQueue) {
  ListColumns c;
  c.showQueue = showQueue;
  const float px = listPx();
  float fixed = 0;
  for (float e : kCellEm) fixed += e * px;
  // What is left over goes to the name, the appointment and the status, in proportion.
  const float spare = std::max(0.0f, width - fixed);
  const float share[ListColumns::kCount] = {0, 0.25f, 0.15f, 0, 0.6f};
  float x = 0;
  for (int i = 0; i < ListColumns::kCount; ++i) {
    c.x[i] = x;
    c.w[i] = kCellEm[i] * px + spare * share[i];
    x += c.w[i];
  }
  c.rowActions = c.w[ListColumns::kStatus] >= kRowActionsEm * px;
  return c;
}

float drawListHeadings(const ListColumns& c, ImVec2 pos) {
  const float px = listPx() * 0.85f;
  const float h = std::round(px * 1.5f);
  const char* names[ListColumns::kCount] = {"Ticket", "Patient", "Appointment", "Waited", "Status"};
  for (int i = 0; i < ListColumns::kCount; ++i) {
    const float gap = theme().gap() * 0.5f;
    cellText(names[i], ImVec2(pos.x + c.x[i], pos.y), ImVec2(pos.x + c.x[i] + c.w[i] - gap, pos.y + h), px,
             colour::kGreyBorder, true);
  }
  ImGui::GetWindowDrawList()->AddLine(ImVec2(pos.x, pos.y + h), ImVec2(pos.x + c.x[4] + c.w[4], pos.y + h),
                                      colour::kGreyBorder, 1.0f);
  return h + 1;
}

std::string appointmentText(const service::ConsoleEntry& e) {
  std::string s;
  if (e.state == core::CheckinState::kCalled)
    s = e.calledBy.empty() ? "Called" : "with " + e.calledBy;
  else
    s = e.appointmentTime.empty() ? "Walk-in" : e.appointmentTime + " " + e.clinician;
  return s;
}

std::string statusText(const service::ConsoleEntry& e) {
  std::string f;
  auto add = [&](const std::string& s) { f += f.empty() ? s : ", " + s; };
  if (e.urgent) add("URGENT");
  switch (e.state) {
    case core::CheckinState::kCalled:
      add(e.calledRoom.empty() ? "Called" : "in " + e.calledRoom);
      break;
    case core::CheckinState::kParked:
      add("Parked");
      break;
    case core::CheckinState::kWaiting:
      if (e.lateMinutes > 0) add("Late " + std::to_string(e.lateMinutes) + " min");
      break;
    default: {
      std::string s(core::toString(e.state));
      s[0] = static_cast<char>(s[0] - 32);
      add(s);
    }
  }
  if (e.possibleDuplicate) add("Possible duplicate");
  return f;
}

StaffIntent drawListRow(const service::ConsoleEntry& e, const ListColumns& c, ImVec2 pos, float rowH) {
  StaffIntent in;
  const Theme& t = theme();
  const float px = listPx();
  const float gap = t.gap() * 0.5f;
  const float width = c.x[ListColumns::kStatus] + c.w[ListColumns::kStatus];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool called = e.state == core::CheckinState::kCalled;
  if (e.urgent)
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + rowH), colour::rgb(0xFDE8E6));
  else if (called)
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + rowH), colour::kPaleBlue);
  else if (e.state == core::CheckinState::kParked)
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + rowH), colour::rgb(0xF0F4F5));
  dl->AddLine(ImVec2(pos.x, pos.y + rowH - 1), ImVec2(pos.x + width, pos.y + rowH - 1), colour::kDisabled,
              1.0f);
  const float top = pos.y + 2, bottom = pos.y + rowH - 3;
  auto cell = [&](int i) {
    return std::pair(ImVec2(pos.x + c.x[i], top), ImVec2(pos.x + c.x[i] + c.w[i] - gap, bottom));
  };

  auto [tmin, tmax] = cell(ListColumns::kTicket);
  ImGui::SetCursorScreenPos(tmin);
  if (button(e.ticket, ImVec2(tmax.x - tmin.x, tmax.y - tmin.y),
             e.urgent ? ButtonStyle::kUrgent : ButtonStyle::kSecondary, true,
             ("row-" + e.recordId).c_str()) &&
      !listDragged()) {
    in = intent::Open{e.recordId};
  }
  auto [nmin, nmax] = cell(ListColumns::kName);
  cellText(nameText(e), nmin, nmax, px, colour::kText, true);
  auto [amin, amax] = cell(ListColumns::kAppointment);
  cellText(appointmentText(e), amin, amax, px, called ? colour::kDarkBlue : colour::kText, called);
  auto [wmin, wmax] = cell(ListColumns::kWaited);
  cellText(std::to_string(e.waitedMinutes) + " min", wmin, wmax, px, colour::kText, false);
  auto [smin, smax] = cell(ListColumns::kStatus);
  if (called && c.rowActions) {
    // The three things that happen to a called patient, on the row itself.
    const core::CheckinAction acts[] = {core::CheckinAction::kSeen, core::CheckinAction::kNoShow,
                                        core::CheckinAction::kRecall};
    // Each as wide as its label asks, in proportion, so none is squeezed more than the others.
    float want[3], total = 0;
    for (int i = 0; i < 3; ++i) total += want[i] = measure(actionLabel(acts[i])).x + t.basePx * 0.6f;
    const float scale = (smax.x - smin.x - 2 * gap) / total;
    float x = smin.x;
    for (int i = 0; i < 3; ++i) {
      const float bw = std::floor(want[i] * scale);
      ImGui::SetCursorScreenPos(ImVec2(x, top));
      std::string id = std::string("act-") + std::string(core::toString(acts[i])) + "-" + e.recordId;
      if (button(actionLabel(acts[i]), ImVec2(bw, bottom - top),
                 i == 0 ? ButtonStyle::kPrimary : ButtonStyle::kSecondary, true, id.c_str()) &&
          !listDragged()) {
        in = intent::RowAction{e.recordId, acts[i]};
      }
      x += bw + gap;
    }
  } else {
    std::string status = statusText(e);
    if (c.showQueue) status = (status.empty() ? std::string("Waiting") : status) + " - " + e.queueName;
    cellText(status, smin, smax, px, e.urgent ? colour::kRed : colour::kText, e.urgent);
  }
  return in;
}

void beginDragList(const char* id, ImVec2 size) {
  ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoSavedSettings);
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 wmin = ImGui::GetWindowPos();
  const ImVec2 wmax(wmin.x + ImGui::GetWindowWidth(), wmin.y + ImGui::GetWindowHeight());
  const ImVec2 start = io.MouseClickedPos[0];
  const bool startedHere = start.x >= wmin.x && start.y >= wmin.y &&
                           start.x < wmax.x - ImGui::GetStyle().ScrollbarSize && start.y < wmax.y;
  if (startedHere && io.MouseDown[0] && ImGui::IsMouseDragging(ImGuiMouseButton_Left, dragThreshold()))
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - io.MouseDelta.y, 0.0f, ImGui::GetScrollMaxY()));
}

void endDragList() {
  ImGui::EndChild();
}

bool listDragged() {
  const ImGuiIO& io = ImGui::GetIO();
  const float t = dragThreshold();
  return (io.MouseDown[0] || io.MouseReleased[0]) && io.MouseDragMaxDistanceSqr[0] >= t * t;
}

}  // namespace longstop::ui::staff
