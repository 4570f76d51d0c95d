#include "ui/screens/ticket.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {
namespace {
std::string aheadText(int ahead) {
  if (ahead == 0) return tr("You are next in the queue");
  if (ahead == 1) return tr("1 person is ahead of you");
  return fill(tr("{n} people are ahead of you"), {{"n", std::to_string(ahead)}});
}

std::string waitText(const std::optional<int>& minutes) {
  if (!minutes) return tr("Estimated wait: not yet known");
  return fill(tr("Estimated wait: about {n} minutes"), {{"n", std::to_string(*minutes)}});
}

// The urgent banner: words first, colour second, so it does not rely on colour alone.
float drawUrgentBanner(const Rect& area) {
  const Theme& t = theme();
  const char* msg = tr("Tell reception now. They have been alerted.");
  float h = measure(msg, t.heading()).y + t.gap() * 2;
  ImGui::GetWindowDrawList()->AddRectFilled(area.min, ImVec2(area.max.x, area.min.y + h), colour::kRed);
  ImGui::SetCursorScreenPos(ImVec2(area.min.x + t.gap(), area.min.y + t.gap()));
  text(msg, t.heading(), colour::kTextOnDark);
  return h + t.gap();
}
}  // namespace

TicketIntent drawTicket(const TicketView& v) {
  const Theme& t = theme();
  Rect area;
  (void)drawChrome("", false, false, &area);
  ImGui::GetWindowDrawList();
  float y = area.min.y;
  if (v.ticket.priority == core::Priority::kUrgent) y += drawUrgentBanner(area);
  float doneH = t.target();
  float qrMax = std::min(area.height() - (y - area.min.y) - doneH - t.gap() * 2, area.width() * 0.36f);
  float qrW = v.qr ? qrSide(*v.qr, qrMax) : 0;
  float textW = area.width() - qrW - t.gap() * 3;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  text(tr("Your number is"));
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, ImGui::GetCursorScreenPos().y - t.gap()));
  text(v.ticket.ticketNumber, t.fonts.huge, colour::kDarkBlue);
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, ImGui::GetCursorScreenPos().y));
  textWrapped(v.ticket.queueName, textW, t.heading());
  std::string where = fill(tr("Please wait for: {room}"), {{"room", v.ticket.room}});
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, ImGui::GetCursorScreenPos().y));
  textWrapped(where, textW);
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, ImGui::GetCursorScreenPos().y));
  textWrapped(aheadText(v.ticket.ahead), textW);
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, ImGui::GetCursorScreenPos().y));
  textWrapped(waitText(v.ticket.estimatedWaitMinutes), textW);
  if (v.qr) {
    drawQr(*v.qr, ImVec2(area.max.x - qrW, y), qrMax);
    const char* hint = tr("Photograph this code");
    textCentred(hint, area.max.x - qrW - t.basePx, area.max.x, y + qrW + t.gap() * 0.5f);
  }
  const char* done = tr("Done");
  float w = std::max(buttonWidth(done), t.basePx * 8);
  ImGui::SetCursorScreenPos(ImVec2(area.max.x - w, area.max.y - doneH));
  return button(done, ImVec2(w, doneH), ButtonStyle::kPrimary) ? TicketIntent::kDone : TicketIntent::kNone;
}

}  // namespace longstop::ui
