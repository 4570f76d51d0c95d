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
  StaffIntent in;
  switch (s_.screen) {
    case StaffScreen::kClosed:
      break;
    case StaffScreen::kCard:
      in = drawCardEntry({s_.cardText, s_.pin.size(), s_.message});
      break;
    case StaffScreen::kPin:
      in = drawPinEntry({s_.cardText, s_.pin.size(), s_.message});
      break;
    case StaffScreen::kConsole: {
      auto who = services_.session();
      std::string name = who ? who->name : "";
      in = drawConsole({name, services_.site().queues, s_.entries, s_.points, s_.alerts, s_.notice,
                        s_.message, who && who->admin, s_.firstQueue, idleSecondsLeft(),
                        printing_ ? printing_->faultLine() : std::string()});
      break;
    }
    case StaffScreen::kPatient: {
      bool canMerge = false;
      for (const auto& e : s_.entries)
        if (e.possibleDuplicate && e.recordId != open->recordId && open->possibleDuplicate &&
            e.duplicateGroup == open->duplicateGroup)
          canMerge = true;
      in = drawPatient(*open, canMerge, printing_ && printing_->enabled());
      break;
    }
    case StaffScreen::kTransfer:
      in = drawTransfer(*open, services_.site().queues);
      break;
    case StaffScreen::kCancel:
      in = drawCancel(*open);
      break;
    case StaffScreen::kMerge: {
      std::vector<const service::ConsoleEntry*> others;
      for (const auto& e : s_.entries)
        if (e.possibleDuplicate && e.recordId != open->recordId &&
            e.state != core::CheckinState::kCancelled && e.duplicateGroup == open->duplicateGroup)
          others.push_back(&e);
      in = drawMerge(*open, others);
      break;
    }
    case StaffScreen::kSearch:
      in = drawSearch(s_.searchText, s_.results);
      break;
    case StaffScreen::kAdd:
      in = drawAdd(s_.appointmentId, s_.due, s_.message);
      break;
    case StaffScreen::kRoom:
      in = drawRoomPick(s_.roomClinician, s_.roomQueue, s_.points,
                        roomChoices(services_.site().queues, s_.points));
      break;
    case StaffScreen::kWalkIn: {
      std::vector<core::QueueDef> queues = services_.site().queues;
      WalkInIntent w = drawWalkIn({s_.walkIn, queues});
      if (w.kind != WalkInIntent::Kind::kNone) {
        noteActivity();
        applyWalkIn(w);
      }
      break;
    }
    case StaffScreen::kSummary:
      if (s_.summary) in = drawSummary(*s_.summary, services_.site().name);
      break;
    case StaffScreen::kExport:
      in = drawExport({s_.exp, exportSeq(), s_.notice, s_.message});
      break;
    case StaffScreen::kQrStream: {
      ExportState& e = s_.exp;
      if (e.frames.empty()) {
        s_.screen = StaffScreen::kExport;
        break;
      }
      if (!e.qr || e.qrFrame != e.frame) {
        auto m = qr::encode(e.frames[e.frame], qr::Segments::kSmallest);
        e.qr = m.ok() ? std::optional<QrMatrix>(std::move(m.value())) : std::nullopt;
        e.qrFrame = e.frame;
      }
      in = drawQrStream(e);
      break;
    }
  }
  // The idle warning, on every signed-in screen (the console draws it in its own layout).
  if (const int left = idleSecondsLeft();
      left >= 0 && s_.screen != StaffScreen::kConsole && signedIn() && s_.screen != StaffScreen::kQrStream) {
    const Theme& t = theme();
    const Rect d = displayRect();
    const float bw = buttonWidth(kStaySignedIn);
    const float h = t.target() * 0.8f;
    const float y = d.max.y - h - t.gap();
    drawBanner(idleWarning(left), d.min.x + t.margin(), d.max.x - t.margin() - bw - t.gap(), y,
               colour::kYellow, colour::kText);
    ImGui::SetCursorScreenPos(ImVec2(d.max.x - t.margin() - bw, y));
    if (button(kStaySignedIn, ImVec2(bw, h), ButtonStyle::kPrimary))
      in = intent::StaySignedIn{};
  }
  endScreenWindow();
  apply(in);
}

}  // namespace longstop::ui::staff
