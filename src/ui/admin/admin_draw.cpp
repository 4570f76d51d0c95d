// The admin screen's drawing: the settings as a paged list on the left, the other tasks on the right;
// one setting's editor with its description, the service's refusal and a keyboard; the key page; the
// trust code page; the staff cards and the confirmation of a revocation; the drill page.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/admin/admin_screen.h"
#include "ui/admin/setting_labels.h"
#include "ui/qr_code.h"
#include "ui/setup/form.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::admin {
namespace {
using K = AdminIntent::Kind;

// Room for a setting's words on two lines at the labels' smallest size on a short (800x480) screen.
float rowHeight() {
  const bool shortScreen = ImGui::GetIO().DisplaySize.y < 600;
  return std::floor(theme().target() * (shortScreen ? 0.8f : 0.6f));
}

// A right-hand column of task buttons down to `bottom`, each as tall as 0.8 of a touch target where
// they fit, else shorter (seven tasks on an 800x480 screen); returns the index pressed or -1.
int taskColumn(const std::vector<std::string>& labels, float x, float y, float w, float bottom) {
  int pressed = -1;
  const float n = static_cast<float>(labels.size());
  const float h = std::min(theme().target() * 0.8f, std::floor((bottom - y - theme().gap() * (n - 1)) / n));
  for (size_t i = 0; i < labels.size(); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(labels[i], ImVec2(w, h), ButtonStyle::kSecondary)) pressed = int(i);
    y += h + theme().gap();
  }
  return pressed;
}

// The code as text on the left and as a QR code as large as the right-hand side allows. The words are
// at body size where they fit, else at the console's smaller size (800x480). Returns drawNavRow's answer.
int drawTrustCode(const Rect& area, const AdminState& s) {
  const Theme& t = theme();
  const float room = area.height() - setup::navRowHeight() - t.gap();
  const float side = std::min(room, area.width() * 0.42f);
  const float textW = area.width() - side - t.margin();
  const std::string words =
      "The PC that receives this kiosk's batches accepts only those signed by a key it has been told to "
      "trust. On "
      "that PC, run  longstop-batch trust add  with this code, or  longstop-batch trust add --image  with a "
      "photo "
      "of the QR code.";
  const std::string code = trustCodeForReading(s.trustCode);
  auto tall = [&](const std::string& text, ImFont* font, float size) {
    return font->CalcTextSizeA(size, FLT_MAX, textW, text.data(), text.data() + text.size()).y;
  };
  float y = area.min.y;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped("Code for the receiving PC", textW, t.heading(), colour::kDarkBlue) + t.gap();
  float size = t.body()->FontSize;
  ImFont* codeFont = t.fonts.heading;
  if (y + tall(words, t.body(), size) + tall(code, codeFont, size) + t.gap() > area.min.y + room) {
    // Smaller, but no smaller than any label gets, and the code in the body font at that size.
    size = std::ceil(t.body()->FontSize * kMinLabelScale);
    codeFont = t.body();
  }
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(words, textW, t.body(), colour::kText, size) + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  (void)textWrapped(code, textW, codeFont, colour::kDarkBlue, size);
  if (s.trustQr) {
    const float q = qrSide(*s.trustQr, side);
    drawQr(*s.trustQr, ImVec2(area.max.x - side + (side - q) / 2, area.min.y + (room - q) / 2), side);
  } else {
    ImGui::SetCursorScreenPos(ImVec2(area.max.x - side, area.min.y));
    (void)setup::drawMessage("The QR code could not be made here; type the code instead.", side);
  }
  return setup::drawNavRow(area, "Back", "", "");
}

AdminIntent keyboard(const Rect& area, float top, bool caps) {
  float bottom = area.max.y - setup::navRowHeight() - theme().gap();
  float room = bottom - top;
  // Keys a finger can press, or none (a USB keyboard or a scanner still types).
  if ((room - 4 * theme().gap()) / 5 < theme().target() * 0.5f) return {};
  float h = setup::formKeyboardHeight(area.width(), room);
  KeyPress k = setup::drawFormKeyboard(ImVec2(area.min.x, bottom - h), area.width(), room, caps);
  if (!k) return {};
  AdminIntent in{K::kKey};
  in.key = k;
  return in;
}

// The staff cards, one row each: a card that can be revoked is a button that asks first; a revoked one,
// and the one signed in now, are text. More pages than one: "More cards" in the nav row.
AdminIntent drawStaffCards(const Rect& area, float y, const AdminState& s) {
  const Theme& t = theme();
  AdminIntent in;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  if (!s.notice.empty()) y += setup::drawMessage(s.notice, area.width(), false) + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  if (!s.message.empty()) y += setup::drawMessage(s.message, area.width()) + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(
           "Revoke a card that is lost or stolen, or whose holder has left. It then signs in nowhere, and "
           "the site's keys are renewed for every other card.",
           area.width()) +
       t.gap();
  const float bottom = area.max.y - setup::navRowHeight() - t.gap();
  const int end = std::min(int(s.cards.size()), s.firstCard + cardsPerPage());
  for (int i = s.firstCard; i < end && y + rowHeight() <= bottom; ++i) {
    const auto& c = s.cards[size_t(i)];
    const std::string label = cardText(c);
    if (c.revoked || c.signedInNow) {
      const std::string why = c.revoked ? label + ": revoked" : label + ": you are signed in with it";
      textFitted(why, ImVec2(area.min.x, y), ImVec2(area.max.x, y + rowHeight()), nullptr, colour::kText);
    } else {
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      if (button("Revoke " + label + "…", ImVec2(area.width(), rowHeight()), ButtonStyle::kSecondary, true,
                 c.staffId.c_str()))
        in = {K::kPickCard, 0, c.staffId};
    }
    y += rowHeight() + t.gap();
  }
  if (s.cards.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    textWrapped("There are no staff cards yet.", area.width());
  }
  const bool more = int(s.cards.size()) > cardsPerPage();
  switch (setup::drawNavRow(area, "Back", more ? "More cards" : "", "")) {
    case -1:
      in = {K::kHome};
      break;
    case 2:
      in = {K::kMoreCards};
      break;
    default:
      break;
  }
  return in;
}

// The confirmation names the card (name, role, ID) and says what follows; the button names it again.
AdminIntent drawRevoke(const Rect& area, float y, const AdminState& s) {
  const Theme& t = theme();
  const service::StaffCardRow* c = nullptr;
  for (const auto& card : s.cards)
    if (card.staffId == s.revokeId) c = &card;
  const std::string name = c ? cardText(*c) : s.revokeId;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y +=
      textWrapped("Revoke the card of " + name + "?", area.width(), t.heading(), colour::kDarkBlue) + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(
           "From now on this card signs in nowhere, with any PIN. Everything written from now on is locked "
           "with new keys that it does not hold. Every other card, and the recovery code, get the new keys "
           "and carry on. This cannot be undone: its holder will need a new card.",
           area.width()) +
       t.gap();
  const std::string label = "Revoke " + (c ? c->name : s.revokeId) + "'s card";
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  AdminIntent in;
  if (button(label, ImVec2(std::min(area.width(), buttonWidth(label)), t.target() * 0.8f),
             ButtonStyle::kUrgent))
    in = {K::kRevoke};
  if (setup::drawNavRow(area, "Cancel", "", "") == -1) in = {K::kStaff};
  return in;
}

}  // namespace

int cardsPerPage() {
  const Theme& t = theme();
  // Below the bar, the explanation and a message, above the nav row.
  float h =
      ImGui::GetIO().DisplaySize.y - t.target() * 0.8f - setup::navRowHeight() - t.gap() * 6 - t.basePx * 5;
  return std::max(2, static_cast<int>(h / (rowHeight() + t.gap())));
}

int settingsPerPage() {
  const Theme& t = theme();
  float h = ImGui::GetIO().DisplaySize.y - t.target() * 0.8f - t.gap() * 3 - t.basePx * 3;
  return std::max(3, static_cast<int>(h / (rowHeight() + t.gap())));
}

void AdminScreen::frame() {
  if (!active()) return;
  // A patient's larger text or high contrast is theirs, not the administrator's.
  theme().largerText = false;
  theme().highContrast = false;
  const Theme& t = theme();
  beginScreenWindow("admin", t.fonts.body);
  AdminIntent in;
  auto pick = [&](AdminIntent i) {
    if (i.kind != K::kNone) in = i;
  };
  std::optional<service::DrillSession> drill = services_.drill();
  std::string who = s_.staffName.empty() ? "" : "Signed in: " + s_.staffName;
  // "Admin" alone: the drill's PRACTICE badge sits in the middle of the bar, and the pages say a drill runs.
  Rect area = setup::drawFormBar("Admin", who);
  float y = area.min.y;

  switch (s_.page) {
    case AdminPage::kClosed:
      break;
    case AdminPage::kHome: {
      float rightW = std::min(area.width() * 0.34f, t.basePx * 12);
      float leftW = area.width() - rightW - t.margin();
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      if (!s_.notice.empty()) y += setup::drawMessage(s_.notice, leftW, false);
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      if (!s_.message.empty()) y += setup::drawMessage(s_.message, leftW);
      if (drill) {
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
        textWrapped(
            "A drill is running on practice data. Settings belong to the real site and cannot be changed "
            "until the drill ends.",
            leftW);
      } else {
        int n = settingsPerPage();
        int end = std::min(int(s_.rows.size()), s_.firstRow + n);
        for (int i = s_.firstRow; i < end; ++i) {
          const auto& r = s_.rows[size_t(i)];
          std::string label = settingRowText(r.key, r.value);
          ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
          ImGui::PushClipRect(ImVec2(area.min.x, y), ImVec2(area.min.x + leftW, y + rowHeight()), true);
          if (button(label, ImVec2(leftW, rowHeight()), ButtonStyle::kSecondary, true, r.key.c_str()))
            in = {K::kEdit, 0, r.key};
          ImGui::PopClipRect();
          y += rowHeight() + t.gap();
        }
      }
      std::vector<std::string> tasks;
      if (!drill) {
        tasks = {s_.clockConfirmed ? "Clock confirmed today" : "Confirm the clock",
                 "Receiving organisation's key",
                 "Code for the receiving PC",
                 "Staff cards",
                 "Continuity drill",
                 "More settings",
                 "Close"};
      } else {
        tasks = {"Continuity drill", "Close"};
      }
      int p = taskColumn(tasks, area.max.x - rightW, area.min.y, rightW, area.max.y);
      if (p >= 0) {
        const std::string& l = tasks[size_t(p)];
        if (l == "Confirm the clock" || l == "Clock confirmed today") in = {K::kConfirmClock};
        if (l == "Receiving organisation's key") in = {K::kRecipient};
        if (l == "Code for the receiving PC") in = {K::kTrustCode};
        if (l == "Continuity drill") in = {K::kDrill};
        if (l == "Staff cards") in = {K::kStaff};
        if (l == "More settings") in = {K::kMore};
        if (l == "Close") in = {K::kClose};
      }
      break;
    }
    case AdminPage::kEdit: {
      std::string description;
      for (const auto& r : s_.rows)
        if (r.key == s_.editKey) description = r.description;
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      y += textWrapped(settingLabel(s_.editKey), area.width(), t.heading()) + t.gap();
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      y += textWrapped(description + " (in a settings file: " + s_.editKey + ")", area.width()) + t.gap();
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      setup::drawFormField("New value", s_.editValue, true, false, area.width(), "admin-value");
      y = ImGui::GetCursorScreenPos().y + t.gap();
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      y += setup::drawMessage(s_.message, area.width()) + t.gap();
      const bool printerKey = s_.editKey == "printer.device" || s_.editKey == "printer.paper";
      if (printerKey && !testPageStatus(printing_, s_.testPage).empty()) {
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
        y += setup::drawMessage(testPageStatus(printing_, s_.testPage), area.width(),
                                testPageFailed(printing_, s_.testPage)) +
             t.gap();
      }
      pick(keyboard(area, y, s_.caps));
      switch (setup::drawNavRow(area, "Cancel", printerKey ? kTestPageLabel : "", "Save")) {
        case 2:
          in = {K::kTestPage};
          break;
        case 1:
          in = {K::kSave};
          break;
        case -1:
          in = {K::kHome};
          break;
        default:
          break;
      }
      break;
    }
    case AdminPage::kRecipient: {
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      y += textWrapped(s_.recipientKeyId.empty()
                           ? "No receiving organisation's key is set: batches cannot be exported yet."
                           : "Batches are sealed to key " + s_.recipientKeyId + ".",
                       area.width()) +
           t.gap();
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      y += textWrapped(
               "Scan the organisation's QR code, paste its text (LSR1:...), or give the path of its .pub "
               "file on a USB stick.",
               area.width()) +
           t.gap();
      // The two ways in one above the other, or side by side on a short screen.
      const bool sideBySide = ImGui::GetIO().DisplaySize.y < 600;
      const float fieldW = sideBySide ? (area.width() - t.gap() * 2) / 2 : area.width();
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      if (setup::drawFormField("Key text (scanned or pasted)", s_.recipientText, s_.focus == 0, false, fieldW,
                               "admin-key-text"))
        in = {K::kFocus, 0};
      if (!sideBySide) y = ImGui::GetCursorScreenPos().y + t.gap();
      ImGui::SetCursorScreenPos(ImVec2(sideBySide ? area.max.x - fieldW : area.min.x, y));
      if (setup::drawFormField("or a file path", s_.recipientPath, s_.focus == 1, false, fieldW,
                               "admin-key-path"))
        in = {K::kFocus, 1};
      y = ImGui::GetCursorScreenPos().y + t.gap();
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      y += setup::drawMessage(s_.message, area.width()) + t.gap();
      pick(keyboard(area, y, s_.caps));
      switch (setup::drawNavRow(area, "Cancel", "", "Use this key")) {
        case 1:
          in = {K::kSetRecipient};
          break;
        case -1:
          in = {K::kHome};
          break;
        default:
          break;
      }
      break;
    }
    case AdminPage::kTrustCode:
      if (drawTrustCode(area, s_) == -1) in = {K::kHome};
      break;
    case AdminPage::kStaff:
      pick(drawStaffCards(area, y, s_));
      break;
    case AdminPage::kRevoke:
      pick(drawRevoke(area, y, s_));
      break;
    case AdminPage::kDrill: {
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
          in = {K::kStartDrill};
        y += t.target() * 0.8f + t.gap();
      } else {
        y += textWrapped("Practice card for staff: " + drill->practiceCard + "   PIN: " + drill->practicePin,
                         area.width()) +
             t.gap();
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
        if (setup::drawFormField("Save the report to this folder", s_.drillFolder, true, false,
                                 area.width() * 0.7f, "drill-folder"))
          in = {K::kFocus, 0};
        y = ImGui::GetCursorScreenPos().y + t.gap();
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
        if (button("Export the drill report",
                   ImVec2(buttonWidth("Export the drill report"), t.target() * 0.8f),
                   ButtonStyle::kSecondary))
          in = {K::kExportReport};
        ImGui::SetCursorScreenPos(
            ImVec2(area.min.x + buttonWidth("Export the drill report") + t.gap() * 2, y));
        if (button("End drill", ImVec2(buttonWidth("End drill"), t.target() * 0.8f), ButtonStyle::kUrgent))
          in = {K::kEndDrill};
        y += t.target() * 0.8f + t.gap();
      }
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      if (!s_.notice.empty()) y += setup::drawMessage(s_.notice, area.width(), false) + t.gap();
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
      y += setup::drawMessage(s_.message, area.width()) + t.gap();
      if (drill) pick(keyboard(area, y, s_.caps));
      if (setup::drawNavRow(area, "Back", "", "") == -1) in = {K::kHome};
      break;
    }
  }
  endScreenWindow();
  apply(in);
}

}  // namespace longstop::ui::admin
