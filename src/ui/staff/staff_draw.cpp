// The console's drawing: one full-screen ImGui window and the current staff screen.
#include <imgui.h>

#include "ui/staff/console.h"
#include "ui/staff/export.h"
#include "ui/staff/patient.h"
#include "ui/staff/qr_stream.h"
#include "ui/staff/sign_in.h"
#include "ui/staff/staff_chrome.h"
#include "ui/staff/staff_ui.h"
#include "ui/staff/tools.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {

void StaffConsole::frame() {
  theme().largerText = false;
  // The shortcuts are shown where the list or a patient is; search keeps its room for the keyboard.
  const bool shortcuts =
      signedIn() && (s_.screen == StaffScreen::kConsole || s_.screen == StaffScreen::kPatient);
  setStaffFooter(siteHealth_, shortcuts ? kShortcutsText : "");
  beginScreenWindow("staff", theme().body());
  const service::ConsoleEntry* open = entry(s_.selected);
  if (!signedIn() && s_.screen != StaffScreen::kCard && s_.screen != StaffScreen::kPin)
    s_.screen = StaffScreen::kCard;
  if ((s_.screen == StaffScreen::kPatient || s_.screen == StaffScreen::kTransfer ||
       s_.screen == StaffScreen::kCancel || s_.screen == StaffScreen::kMerge) &&
      !open)
    s_.screen = StaffScreen::kConsole;
  StaffIntent in = drawShowing(open);
  // The idle warning, on every signed-in screen (the console draws it in its own layout).
  if (StaffIntent stay = drawIdleWarning(); pressed(stay)) in = stay;
  endScreenWindow();
  apply(in);
}

// `open` is the open check-in, never null on its screens (frame() goes to the list without one).
StaffIntent StaffConsole::drawShowing(const service::ConsoleEntry* open) {
  switch (s_.screen) {
    case StaffScreen::kClosed:
      return {};
    case StaffScreen::kCard:
      return drawCardEntry({s_.cardText, s_.pin.size(), s_.message});
    case StaffScreen::kPin:
      return drawPinEntry({s_.cardText, s_.pin.size(), s_.message});
    case StaffScreen::kConsole: {
      auto who = services_.session();
      std::string name = who ? who->name : "";
      return drawConsole({name, services_.site().queues, s_.entries, s_.points, s_.alerts, s_.notice,
                          s_.message, who && who->admin, s_.firstQueue, idleSecondsLeft(),
                          printing_ ? printing_->faultLine() : std::string()});
    }
    case StaffScreen::kPatient:
      return drawOpenPatient(*open);
    case StaffScreen::kTransfer:
      return drawTransfer(*open, services_.site().queues);
    case StaffScreen::kCancel:
      return drawCancel(*open);
    case StaffScreen::kMerge:
      return drawOpenMerge(*open);
    case StaffScreen::kSearch:
      return drawSearch(s_.searchText, s_.results);
    case StaffScreen::kAdd:
      return drawAdd(s_.appointmentId, s_.due, s_.message);
    case StaffScreen::kRoom:
      return drawRoomPick(s_.roomClinician, s_.roomQueue, s_.points,
                          roomChoices(services_.site().queues, s_.points));
    case StaffScreen::kWalkIn: {
      // The walk-in questions are the patient flow's own screen, with its own intents.
      std::vector<core::QueueDef> queues = services_.site().queues;
      WalkInIntent w = drawWalkIn({s_.walkIn, queues});
      if (w.kind != WalkInIntent::Kind::kNone) {
        noteActivity();
        applyWalkIn(w);
      }
      return {};
    }
    case StaffScreen::kSummary:
      return s_.summary ? drawSummary(*s_.summary, services_.site().name) : StaffIntent{};
    case StaffScreen::kExport:
      return drawExport({s_.exp, exportSeq(), s_.notice, s_.message});
    case StaffScreen::kQrStream:
      return drawStream();
  }
  return {};
}

StaffIntent StaffConsole::drawOpenPatient(const service::ConsoleEntry& open) {
  bool canMerge = false;
  for (const auto& e : s_.entries)
    if (e.possibleDuplicate && e.recordId != open.recordId && open.possibleDuplicate &&
        e.duplicateGroup == open.duplicateGroup)
      canMerge = true;
  return drawPatient(open, canMerge, printing_ && printing_->enabled());
}

StaffIntent StaffConsole::drawOpenMerge(const service::ConsoleEntry& open) {
  std::vector<const service::ConsoleEntry*> others;
  for (const auto& e : s_.entries)
    if (e.possibleDuplicate && e.recordId != open.recordId && e.state != core::CheckinState::kCancelled &&
        e.duplicateGroup == open.duplicateGroup)
      others.push_back(&e);
  return drawMerge(open, others);
}

StaffIntent StaffConsole::drawStream() {
  ExportState& e = s_.exp;
  if (e.frames.empty()) {
    s_.screen = StaffScreen::kExport;
    return {};
  }
  if (!e.qr || e.qrFrame != e.frame) {
    auto m = qr::encode(e.frames[e.frame], qr::Segments::kSmallest);
    e.qr = m.ok() ? std::optional<QrMatrix>(std::move(m.value())) : std::nullopt;
    e.qrFrame = e.frame;
  }
  return drawQrStream(e);
}

StaffIntent StaffConsole::drawIdleWarning() {
  const int left = idleSecondsLeft();
  if (left < 0 || s_.screen == StaffScreen::kConsole || !signedIn() || s_.screen == StaffScreen::kQrStream)
    return {};
  const Theme& t = theme();
  const Rect d = displayRect();
  const float bw = buttonWidth(kStaySignedIn);
  const float h = t.target() * 0.8f;
  const float y = d.max.y - h - t.gap();
  drawBanner(idleWarning(left), d.min.x + t.margin(), d.max.x - t.margin() - bw - t.gap(), y, colour::kYellow,
             colour::kText);
  ImGui::SetCursorScreenPos(ImVec2(d.max.x - t.margin() - bw, y));
  if (button(kStaySignedIn, ImVec2(bw, h), ButtonStyle::kPrimary)) return intent::StaySignedIn{};
  return {};
}

}  // namespace longstop::ui::staff
