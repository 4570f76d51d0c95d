#include "ui/screens/ticket.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "ui/chrome.h"
#include "ui/default_names.h"
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
  // An instruction, not a claim: nobody at the desk may have seen the alert yet.
  const char* msg = tr("Tell reception now");
  ImFont* font = measure(msg, t.heading()).x <= d.width() - 2 * t.margin() ? t.heading() : t.body();
  textFitted(msg, ImVec2(t.margin(), t.gap() * 0.5f), ImVec2(d.max.x - t.margin(), barH - t.gap() * 0.5f),
             font, colour::kTextOnDark);
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
  // Someone who may be having a heart attack or a stroke is told what to do now, not their place in a
  // queue or how long it will be.
  const bool urgent = v.ticket.priority == core::Priority::kUrgent;
  std::vector<std::string> lines;
  if (urgent) {
    lines = {tr("Do not wait to be called."), tr("If you feel worse, tell the nearest member of staff or call 999.")};
  } else {
    lines = {fill(tr("Please wait for: {room}"), {{"room", shownRoom(v.ticket.room)}}), aheadText(v.ticket.ahead),
             waitText(v.ticket.estimatedWaitMinutes)};
  }
  // The number gives up some of its size when the words under it would otherwise run off the bottom.
  // An urgent ticket leaves out the queue's name: the patient is not to wait in it, and the words that
  // say what to do need the room.
  const std::string queueName = urgent ? std::string() : shownName(v.ticket.queueName);
  // Then, if they still do not fit (larger text, a long translation), the words give up some of theirs,
  // never below the labels' floor.
  auto wrappedH = [&](const std::string& s, ImFont* f, float scale) {
    return f->CalcTextSizeA(f->FontSize * scale, FLT_MAX, textW, s.data(), s.data() + s.size()).y;
  };
  auto wordsHeight = [&](float scale) {
    float h = measure("W").y + (urgent ? 0 : wrappedH(queueName, t.heading(), scale)) +
              ImGui::GetStyle().ItemSpacing.y * 5 - t.gap();
    for (const auto& line : lines) h += wrappedH(line, t.body(), scale);
    return h;
  };
  ImFont* huge = t.fonts.huge;
  const float minNumber = huge->FontSize * kMinLabelScale;
  // Done sits at the bottom right; when it is wider than the code above it, the words stop above it.
  const char* done = tr("Done");
  const float doneW = std::max(buttonWidth(done), t.basePx * 8);
  const float wordsRoom = area.height() - (doneW > qrW + t.gap() * 3 ? doneH + t.gap() : 0);
  float wordsScale = 1.0f;
  while (wordsScale * 0.95f >= kMinLabelScale &&
         wordsHeight(wordsScale) + minNumber + ImGui::GetStyle().ItemSpacing.y > wordsRoom)
    wordsScale *= 0.95f;
  const float wordsH = wordsHeight(wordsScale);
  float numberSize = std::clamp(wordsRoom - wordsH - ImGui::GetStyle().ItemSpacing.y, minNumber, huge->FontSize);
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  text(tr("Your number is"));
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, ImGui::GetCursorScreenPos().y - t.gap()));
  textWrapped(v.ticket.ticketNumber, textW, huge, colour::kDarkBlue, numberSize);
  if (!urgent) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, ImGui::GetCursorScreenPos().y));
    textWrapped(queueName, textW, t.heading(), 0, t.heading()->FontSize * wordsScale);
  }
  for (const auto& line : lines) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, ImGui::GetCursorScreenPos().y));
    textWrapped(line, textW, t.body(), 0, t.body()->FontSize * wordsScale);
  }
  if (v.qr) {
    drawQr(*v.qr, ImVec2(area.max.x - qrW, y), qrMax);
    // The hint stays under the code (on two lines or smaller when it is wider), clear of the words on
    // the left and of Done below.
    const char* hint = tr("Photograph this code");
    float hintW = measure(hint).x;
    float hintY = y + qrW + t.gap() * 0.5f;
    if (hintW <= qrW + t.gap() * 2) {
      ImGui::SetCursorScreenPos(ImVec2(std::floor(area.max.x - qrW / 2 - hintW / 2), hintY));
      text(hint);
    } else {
      textFitted(hint, ImVec2(area.max.x - qrW - t.gap(), hintY),
                 ImVec2(area.max.x, std::max(hintY + measure("W").y, area.max.y - doneH - t.gap())));
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(area.max.x - doneW, area.max.y - doneH));
  return button(done, ImVec2(doneW, doneH), ButtonStyle::kPrimary) ? TicketIntent::kDone : TicketIntent::kNone;
}

}  // namespace longstop::ui
