// The staff cards: one row each, a card that can be revoked a button that asks first (the confirmation
// names the card and says what follows); and what picking, paging and revoking do.
#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/admin/pages.h"
#include "ui/setup/form.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::admin {

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
        in = intent::PickCard{c.staffId};
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
      in = intent::Home{};
      break;
    case 2:
      in = intent::MoreCards{};
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
    in = intent::Revoke{};
  if (setup::drawNavRow(area, "Cancel", "", "") == -1) in = intent::OpenStaff{};
  return in;
}

void AdminScreen::on(const intent::OpenStaff&) {
  s_.cards.clear();
  loadCards();
  if (!s_.message.empty()) return;  // not an administrator's session: said on the home page
  s_.page = AdminPage::kStaff;
  s_.firstCard = 0;
}

void AdminScreen::on(const intent::MoreCards&) {
  int n = cardsPerPage();
  s_.firstCard = s_.firstCard + n >= int(s_.cards.size()) ? 0 : s_.firstCard + n;
}

void AdminScreen::on(const intent::PickCard& in) {
  const service::StaffCardRow* c = card(in.staffId);
  if (!c || c->revoked || c->signedInNow) return;  // the page offers neither
  s_.revokeId = c->staffId;
  s_.page = AdminPage::kRevoke;
  s_.notice.clear();
}

void AdminScreen::on(const intent::Revoke&) {
  auto done = services_.revokeCard(s_.revokeId);
  s_.page = AdminPage::kStaff;
  s_.revokeId.clear();
  if (!done.ok())
    s_.message = done.error().message;
  else
    s_.notice = done.value();
  loadCards();
}

}  // namespace longstop::ui::admin
