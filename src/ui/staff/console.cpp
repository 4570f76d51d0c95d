#include "ui/staff/console.h"

#include <algorithm>
#include <cmath>

#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {
namespace {
bool isActive(core::CheckinState s) {
  return s == core::CheckinState::kWaiting || s == core::CheckinState::kCalled || s == core::CheckinState::kParked;
}

const service::ConsoleEntry* find(const std::vector<service::ConsoleEntry>& entries, const std::string& id) {
  for (const auto& e : entries)
    if (e.recordId == id) return &e;
  return nullptr;
}
}  // namespace

std::string nameText(const service::ConsoleEntry& e) {
  if (!e.patient) return "(no details)";
  return e.patient->forenames.empty() ? e.patient->surname : e.patient->surname + ", " + e.patient->forenames;
}

std::string flagsText(const service::ConsoleEntry& e) {
  std::string f;
  auto add = [&](const char* s) { f += f.empty() ? s : std::string("  ") + s; };
  if (e.urgent) add("URGENT");
  if (e.possibleDuplicate) add("Possible duplicate");
  if (e.state != core::CheckinState::kWaiting) add(std::string(core::toString(e.state)).c_str());
  return f;
}

bool drawEntryRow(const service::ConsoleEntry& e, ImVec2 pos, float width, float rowH, bool showQueue) {
  const Theme& t = theme();
  const float px = listPx();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (e.urgent) dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + rowH), colour::rgb(0xFDE8E6));
  dl->AddLine(ImVec2(pos.x, pos.y + rowH), ImVec2(pos.x + width, pos.y + rowH), colour::kDisabled, 1.0f);
  float ticketW = t.basePx * 3.4f;
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + 2));
  std::string id = "row-" + e.recordId;
  bool pressed = button(e.ticket, ImVec2(ticketW, rowH - 4), e.urgent ? ButtonStyle::kUrgent : ButtonStyle::kSecondary,
                        true, id.c_str());
  float ty = pos.y + (rowH - px) / 2;
  float x = pos.x + ticketW + t.gap();
  float nameW = width * 0.34f;
  ImGui::PushClipRect(ImVec2(x, pos.y), ImVec2(x + nameW - t.gap(), pos.y + rowH), true);
  listText(nameText(e), ImVec2(x, ty), px, colour::kText, true);
  ImGui::PopClipRect();
  x += nameW;
  std::string appt = e.appointmentTime.empty() ? "Walk-in" : e.appointmentTime + " " + e.clinician;
  if (showQueue) appt = e.queueName + " - " + appt;
  float apptW = width * 0.25f;
  ImGui::PushClipRect(ImVec2(x, pos.y), ImVec2(x + apptW - t.gap(), pos.y + rowH), true);
  listText(appt, ImVec2(x, ty), px);
  ImGui::PopClipRect();
  x += apptW;
  listText(std::to_string(e.waitedMinutes) + " min", ImVec2(x, ty), px);
  x += t.basePx * 3.0f;
  ImGui::PushClipRect(ImVec2(x, pos.y), ImVec2(pos.x + width, pos.y + rowH), true);
  listText(flagsText(e), ImVec2(x, ty), px, e.urgent ? colour::kRed : colour::kText, e.urgent);
  ImGui::PopClipRect();
  return pressed;
}

StaffIntent drawConsole(const ConsoleView& v) {
  StaffIntent in;
  const Theme& t = theme();
  Rect area;
  std::string title = "Reception - " + v.staffName;
  using K = StaffIntent::Kind;
  std::vector<std::string_view> labels = {"Search", "Add patient", "Save list", "Summary", "Export"};
  std::vector<K> kinds = {K::kSearch, K::kAdd, K::kSaveList, K::kSummary, K::kExport};
  if (v.admin) {
    labels.push_back("Admin");
    kinds.push_back(K::kAdmin);
  }
  labels.push_back("Sign out");
  kinds.push_back(K::kSignOut);
  int pressed = drawStaffBar(title, labels, &area);
  if (pressed >= 0) in.kind = kinds[static_cast<size_t>(pressed)];

  float y = area.min.y;
  // Every urgent alert, oldest first: red, across the screen, until someone acknowledges it.
  for (const auto& id : v.alerts) {
    const auto* e = find(v.entries, id);
    std::string ticket = e ? e->ticket : id;
    std::string msg = "URGENT: " + ticket + (e ? " (" + nameText(e ? *e : service::ConsoleEntry{}) + ")" : "") +
                      " said they need help now";
    std::string ack = acknowledgeLabel(ticket);
    float bw = buttonWidth(ack);
    float h = drawBanner(msg, area.min.x, area.max.x - bw - t.gap(), y, colour::kRed, colour::kTextOnDark);
    ImGui::SetCursorScreenPos(ImVec2(area.max.x - bw, y));
    if (button(ack, ImVec2(bw, h), ButtonStyle::kUrgent, true, ("ack-" + id).c_str())) {
      in.kind = K::kAcknowledge;
      in.arg = id;
    }
    y += h + t.gap();
    if (y > area.max.y - t.target() * 2) break;
  }
  if (!v.message.empty() || !v.notice.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    const std::string& s = v.message.empty() ? v.notice : v.message;
    y += textWrapped(s, area.width(), t.fonts.body, v.message.empty() ? colour::kDarkBlue : colour::kRed) + t.gap();
  }

  // The queues, in a region that scrolls when there are more rows than fit.
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  ImVec2 listSize(area.width(), std::max(t.target(), area.max.y - y));
  ImGui::BeginChild("queues", listSize, false, ImGuiWindowFlags_NoSavedSettings);
  const float rowH = std::max(t.target() * 0.7f, listPx() * 2.2f);
  const float w = listSize.x - ImGui::GetStyle().ScrollbarSize;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  for (const auto& q : v.queues) {
    int waiting = 0;
    for (const auto& e : v.entries)
      if (e.queueId == q.id && e.state == core::CheckinState::kWaiting) ++waiting;
    std::string head = q.name + " - " + std::to_string(waiting) + " waiting";
    ImGui::SetCursorScreenPos(pos);
    std::string call = "Call next " + q.name;
    float cw = std::min(buttonWidth(call), w * 0.42f);  // the label shrinks to fit rather than cover the heading
    ImGui::PushClipRect(pos, ImVec2(pos.x + w - cw - t.gap(), pos.y + rowH), true);
    listText(head, ImVec2(pos.x, pos.y + (rowH - t.fonts.heading->FontSize) / 2), t.fonts.heading->FontSize * 0.8f,
             colour::kDarkBlue, true);
    ImGui::PopClipRect();
    ImGui::SetCursorScreenPos(ImVec2(pos.x + w - cw, pos.y + 2));
    if (button(call, ImVec2(cw, rowH - 4), ButtonStyle::kPrimary, waiting > 0, ("call-" + q.id).c_str())) {
      in.kind = K::kCallNext;
      in.arg = q.id;
    }
    pos.y += rowH + t.gap() * 0.5f;
    for (const auto& e : v.entries) {
      if (e.queueId != q.id || !isActive(e.state)) continue;
      if (drawEntryRow(e, pos, w, rowH, false)) {
        in.kind = K::kOpen;
        in.arg = e.recordId;
      }
      pos.y += rowH;
    }
    pos.y += t.gap() * 1.5f;
  }
  ImGui::SetCursorScreenPos(pos);
  ImGui::Dummy(ImVec2(1, 1));
  ImGui::EndChild();
  return in;
}

}  // namespace longstop::ui::staff
