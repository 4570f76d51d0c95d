#include "ui/staff/patient.h"

#include <algorithm>
#include <cmath>

#include "core/date.h"
#include "ui/staff/console.h"
#include "ui/staff/printer_line.h"
#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {
namespace {
std::string heading(const service::ConsoleEntry& e) {
  return e.ticket + "  " + nameText(e);
}

// Buttons in rows that wrap within the area; returns the index pressed or -1.
int buttonGrid(const std::vector<std::string>& labels, const Rect& area, float y,
               const std::vector<int>& styles = {}) {
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
  line(e.appointmentTime.empty()
           ? "Walk-in"
           : "Appointment " + e.appointmentTime + " with " + e.clinician +
                 (e.lateMinutes > 0 ? ", arrived " + std::to_string(e.lateMinutes) + " min late" : ""));
  if (e.state == core::CheckinState::kCalled && (!e.calledBy.empty() || !e.calledRoom.empty()))
    line("Called" + (e.calledBy.empty() ? std::string() : " for " + e.calledBy) +
             (e.calledRoom.empty() ? std::string() : " to " + e.calledRoom),
         true);
  line("Waited " + std::to_string(e.waitedMinutes) + " min" +
       (e.possibleDuplicate ? "  -  possible duplicate" : ""));
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

StaffIntent drawPatient(const service::ConsoleEntry& e, bool canMerge, bool canReprint) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar(heading(e), {"Back to list"}, &area) == 0) in = intent::Back{};
  float y = detailsBlock(e, area, area.min.y);
  auto actions = actionsFor(e.state);
  std::vector<std::string> labels;
  std::vector<int> styles;
  for (auto a : actions) {
    labels.push_back(actionLabel(a));
    styles.push_back(static_cast<int>(a == core::CheckinAction::kCancel ? ButtonStyle::kSecondary
                                                                        : ButtonStyle::kPrimary));
  }
  labels.push_back("Edit details");
  styles.push_back(static_cast<int>(ButtonStyle::kSecondary));
  if (canMerge) {
    labels.push_back("Merge duplicate");
    styles.push_back(static_cast<int>(ButtonStyle::kSecondary));
  }
  if (canReprint) {
    labels.push_back(kReprintLabel);
    styles.push_back(static_cast<int>(ButtonStyle::kSecondary));
  }
  int i = buttonGrid(labels, area, y, styles);
  if (i < 0) return in;
  if (canReprint && i == static_cast<int>(labels.size()) - 1) {
    return intent::Reprint{};
  }
  if (i < static_cast<int>(actions.size())) {
    auto a = actions[static_cast<size_t>(i)];
    if (a == core::CheckinAction::kTransfer)
      in = intent::PickTransfer{};
    else if (a == core::CheckinAction::kCancel)
      in = intent::PickCancel{};
    else
      in = intent::Act{a};
  } else if (i == static_cast<int>(actions.size())) {
    in = intent::Edit{};
  } else {
    in = intent::PickMerge{};
  }
  return in;
}

StaffIntent drawTransfer(const service::ConsoleEntry& e, const std::vector<core::QueueDef>& queues) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar(heading(e), {"Back"}, &area) == 0) in = intent::Back{};
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
  if (i >= 0) in = intent::TransferTo{shown[static_cast<size_t>(i)]->id};
  return in;
}

StaffIntent drawCancel(const service::ConsoleEntry& e) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar(heading(e), {"Back"}, &area) == 0) in = intent::Back{};
  ImGui::SetCursorScreenPos(area.min);
  float y =
      area.min.y + textWrapped("Why cancel this check-in?", area.width(), theme().heading()) + theme().gap();
  std::vector<std::string> labels(std::begin(kCancelReasons), std::end(kCancelReasons));
  int i = buttonGrid(labels, area, y);
  if (i >= 0) in = intent::CancelWith{labels[static_cast<size_t>(i)]};
  return in;
}

std::array<MergeChoice, 2> mergeChoices(const service::ConsoleEntry& open,
                                        const service::ConsoleEntry& other) {
  const bool otherIsAppointmentOverWalkIn = open.appointmentTime.empty() && !other.appointmentTime.empty();
  if (otherIsAppointmentOverWalkIn) return {MergeChoice{&other, &open}, MergeChoice{&open, &other}};
  return {MergeChoice{&open, &other}, MergeChoice{&other, &open}};
}

std::string mergeLabel(const MergeChoice& c) {
  return "Keep " + c.keep->ticket + ", merge " + c.fold->ticket + " into it";
}

StaffIntent drawMerge(const service::ConsoleEntry& e,
                      const std::vector<const service::ConsoleEntry*>& others) {
  const Theme& t = theme();
  StaffIntent in;
  Rect area;
  if (drawStaffBar(heading(e), {"Back"}, &area) == 0) in = intent::Back{};
  ImGui::SetCursorScreenPos(area.min);
  float y = area.min.y +
            textWrapped(
                "The same person, checked in twice? Choose which check-in stays: the other is "
                "cancelled and folded into it; both histories are kept.",
                area.width()) +
            t.gap();
  for (const auto* o : others) {
    // The two records side by side, so staff compare them before choosing.
    const float mid = std::floor((area.min.x + area.max.x) / 2);
    const Rect left{area.min, ImVec2(mid - t.gap() / 2, area.max.y)};
    const Rect right{ImVec2(mid + t.gap() / 2, area.min.y), area.max};
    const float px = listPx() * 1.15f;
    listText(heading(e), ImVec2(left.min.x, y), px, colour::kText, true);
    listText(heading(*o), ImVec2(right.min.x, y), px, colour::kText, true);
    y += px * 1.4f;
    const float leftEnd = detailsBlock(e, left, y);
    y = std::max(leftEnd, detailsBlock(*o, right, y));
    // Under each record, the button that keeps it; the one to choose unless staff know better (an
    // appointment over a walk-in) is the way forward, the other is there for when it is wrong.
    const auto choices = mergeChoices(e, *o);
    const MergeChoice keepOpen = choices[0].keep == &e ? choices[0] : choices[1];
    const MergeChoice keepOther = choices[0].keep == o ? choices[0] : choices[1];
    const auto styleOf = [&](const MergeChoice& c) {
      return c.keep == choices[0].keep ? ButtonStyle::kPrimary : ButtonStyle::kSecondary;
    };
    ImGui::SetCursorScreenPos(ImVec2(left.min.x, y));
    if (button(mergeLabel(keepOpen), ImVec2(left.width(), t.target()), styleOf(keepOpen))) {
      in = intent::MergeWith{o->recordId, false};
    }
    ImGui::SetCursorScreenPos(ImVec2(right.min.x, y));
    if (button(mergeLabel(keepOther), ImVec2(right.width(), t.target()), styleOf(keepOther))) {
      in = intent::MergeWith{o->recordId, true};  // the open check-in is the one folded away
    }
    y += t.target() + t.gap() * 2;
  }
  return in;
}

}  // namespace longstop::ui::staff
