#include "ui/staff/patient.h"

#include <algorithm>

#include "core/date.h"
#include "ui/staff/console.h"
#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {
namespace {
using K = StaffIntent::Kind;

std::string heading(const service::ConsoleEntry& e) {
  return e.ticket + "  " + nameText(e);
}

// Buttons in rows that wrap within the area; returns the index pressed or -1.
int buttonGrid(const std::vector<std::string>& labels, const Rect& area, float y, const std::vector<int>& styles = {}) {
  const Theme& t = theme();
  float x = area.min.x;
  int pressed = -1;
  for (size_t i = 0; i < labels.size(); ++i) {
    float w = std::max(buttonWidth(labels[i]), t.basePx * 5);
    if (x + w > area.max.x && x > area.min.x) {
      x = area.min.x;
      y += t.target() + t.gap();
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    auto style = i < styles.size() ? static_cast<ButtonStyle>(styles[i]) : ButtonStyle::kPrimary;
    if (button(labels[i], ImVec2(w, t.target()), style)) pressed = static_cast<int>(i);
    x += w + t.gap();
  }
  return pressed;
}

float detailsBlock(const service::ConsoleEntry& e, const Rect& area, float y) {
  const Theme& t = theme();
  const float px = listPx() * 1.15f;
  auto line = [&](const std::string& s, bool bold = false) {
    listText(s, ImVec2(area.min.x, y), px, colour::kText, bold);
    y += px * 1.4f;
  };
  line(e.queueName + ", " + std::string(core::toString(e.state)) + (e.urgent ? ", URGENT" : ""), true);
  if (e.patient) {
    line("Date of birth " + e.patient->dateOfBirth.iso());
    if (e.patient->nhsNumber) line("NHS number " + e.patient->nhsNumber->formatted());
  }
  line(e.appointmentTime.empty() ? "Walk-in" : "Appointment " + e.appointmentTime + " with " + e.clinician);
  line("Waited " + std::to_string(e.waitedMinutes) + " min" + (e.possibleDuplicate ? "  -  possible duplicate" : ""));
  return y + t.gap();
}
}  // namespace

std::vector<core::CheckinAction> actionsFor(core::CheckinState state) {
  using A = core::CheckinAction;
  switch (state) {
    case core::CheckinState::kWaiting:
      return {A::kCall, A::kPark, A::kTransfer, A::kLeft, A::kCancel};
    case core::CheckinState::kCalled:
      return {A::kSeen, A::kRecall, A::kNoShow, A::kLeft};
    case core::CheckinState::kParked:
      return {A::kUnpark, A::kCancel};
    default:
      return {};
  }
}

StaffIntent drawPatient(const service::ConsoleEntry& e, bool canMerge) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar(heading(e), {"Back to list"}, &area) == 0) in.kind = K::kBack;
  float y = detailsBlock(e, area, area.min.y);
  auto actions = actionsFor(e.state);
  std::vector<std::string> labels;
  std::vector<int> styles;
  for (auto a : actions) {
    labels.push_back(actionLabel(a));
    styles.push_back(static_cast<int>(a == core::CheckinAction::kCancel ? ButtonStyle::kSecondary : ButtonStyle::kPrimary));
  }
  labels.push_back("Edit details");
  styles.push_back(static_cast<int>(ButtonStyle::kSecondary));
  if (canMerge) {
    labels.push_back("Merge duplicate");
    styles.push_back(static_cast<int>(ButtonStyle::kSecondary));
  }
  int i = buttonGrid(labels, area, y, styles);
  if (i < 0) return in;
  if (i < static_cast<int>(actions.size())) {
    auto a = actions[static_cast<size_t>(i)];
    if (a == core::CheckinAction::kTransfer)
      in.kind = K::kTransferPick;
    else if (a == core::CheckinAction::kCancel)
      in.kind = K::kCancelPick;
    else {
      in.kind = K::kAction;
      in.action = a;
    }
  } else if (i == static_cast<int>(actions.size())) {
    in.kind = K::kEdit;
  } else {
    in.kind = K::kMergePick;
  }
  return in;
}

StaffIntent drawTransfer(const service::ConsoleEntry& e, const std::vector<core::QueueDef>& queues) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar(heading(e), {"Back"}, &area) == 0) in.kind = K::kBack;
  ImGui::SetCursorScreenPos(area.min);
  float y = area.min.y + textWrapped("Move to which queue?", area.width(), theme().heading()) + theme().gap();
  std::vector<std::string> labels;
  std::vector<const core::QueueDef*> shown;
  for (const auto& q : queues)
    if (q.id != e.queueId) {
      labels.push_back(q.name);
      shown.push_back(&q);
    }
  int i = buttonGrid(labels, area, y);
  if (i >= 0) {
    in.kind = K::kTransferTo;
    in.arg = shown[static_cast<size_t>(i)]->id;
  }
  return in;
}

StaffIntent drawCancel(const service::ConsoleEntry& e) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar(heading(e), {"Back"}, &area) == 0) in.kind = K::kBack;
  ImGui::SetCursorScreenPos(area.min);
  float y = area.min.y + textWrapped("Why cancel this check-in?", area.width(), theme().heading()) + theme().gap();
  std::vector<std::string> labels(std::begin(kCancelReasons), std::end(kCancelReasons));
  int i = buttonGrid(labels, area, y);
  if (i >= 0) {
    in.kind = K::kCancelWith;
    in.arg = labels[static_cast<size_t>(i)];
  }
  return in;
}

StaffIntent drawMerge(const service::ConsoleEntry& e, const std::vector<const service::ConsoleEntry*>& others) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar(heading(e), {"Back"}, &area) == 0) in.kind = K::kBack;
  ImGui::SetCursorScreenPos(area.min);
  float y = area.min.y +
            textWrapped("Which check-in is the same person? It is cancelled and folded into " + e.ticket +
                            "; both histories are kept.",
                        area.width()) +
            theme().gap();
  std::vector<std::string> labels;
  for (const auto* o : others) labels.push_back("Merge " + o->ticket + " into " + e.ticket);
  int i = buttonGrid(labels, area, y);
  if (i >= 0) {
    in.kind = K::kMergeWith;
    in.arg = others[static_cast<size_t>(i)]->recordId;
  }
  return in;
}

}  // namespace longstop::ui::staff
