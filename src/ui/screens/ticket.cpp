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

// For an urgent check-in the top bar turns red and says so in words, so it does not rely on colour.
void drawUrgentBar() {
  const Theme& t = theme();
  Rect d = displayRect();
  float barH = t.target() + t.gap() * 2;
  ImGui::GetWindowDrawList()->AddRectFilled(d.min, ImVec2(d.max.x, barH), colour::kRed);
  const char* msg = tr("Tell reception now. They have been alerted.");
  ImFont* font = measure(msg, t.heading()).x <= d.width() - 2 * t.margin() ? t.heading() : t.body();
  ImGui::SetCursorScreenPos(ImVec2(t.margin(), std::floor((barH - measure(msg, font).y) / 2)));
  text(msg, font, colour::kTextOnDark);
}
}  // namespace

TicketIntent drawTicket(const TicketView& v) {
  const Theme& t = theme();
  Rect area;
  (void)drawChrome("", false, false, &area);
  if (v.ticket.priority == core::Priority::kUrgent)
    drawUrgentBar();
  else
    drawBarTitle(tr("You are checked in"));
  float y = area.min.y;
  float doneH = t.target();
  float hintH = measure("W").y + t.gap();
  float qrMax = std::min(area.max.y - y - doneH - hintH - t.gap() * 2, area.width() * 0.36f);
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
    float hintW = measure(hint).x;
    float hintX = std::min(area.max.x - qrW / 2 - hintW / 2, area.max.x - hintW);
    ImGui::SetCursorScreenPos(ImVec2(std::floor(hintX), y + qrW + t.gap() * 0.5f));
    text(hint);
  }
  const char* done = tr("Done");
  float w = std::max(buttonWidth(done), t.basePx * 8);
  ImGui::SetCursorScreenPos(ImVec2(area.max.x - w, area.max.y - doneH));
  return button(done, ImVec2(w, doneH), ButtonStyle::kPrimary) ? TicketIntent::kDone : TicketIntent::kNone;
}

}  // namespace longstop::ui
