#include "ui/screens/ticket.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "ui/chrome.h"
#include "ui/default_names.h"
#include "ui/i18n.h"
#include "ui/shaping/imgui_text.h"
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

std::string ticketBarTitle(const TicketView& v) {
  switch (v.print) {
    case PrintProgress::kPrinted:
      return tr("Please take your ticket");
    case PrintProgress::kFailed:
      return fill(tr("Please remember your number: {number}"), {{"number", v.ticket.ticketNumber}});
    case PrintProgress::kOff:
    case PrintProgress::kSending:
      break;
  }
  return tr("You are checked in");
}

TicketIntent drawTicket(const TicketView& v) {
  const Theme& t = theme();
  Rect area;
  (void)drawChrome("", false, false, &area);
  if (v.ticket.priority == core::Priority::kUrgent)
    drawUrgentBar();
  else
    drawBarTitle(ticketBarTitle(v));
  float y = area.min.y;
  float doneH = t.target();
  // Someone who may be having a heart attack or a stroke is told what to do now, not their place in a
  // queue or how long it will be.
  const bool urgent = v.ticket.priority == core::Priority::kUrgent;
  const QrMatrix* qr = v.qr;
  if (urgent && qr) {
    // Those words come before the code: when they would not stand whole beside it (larger text on a
    // small screen), the code is left out. The patient is going to reception, not waiting to be called,
    // and the number stays on the screen.
    const std::string urgentWords = std::string(tr("Do not wait to be called.")) + "\n" +
                                    tr("If you feel worse, tell the nearest member of staff or call 999.");
    const float besideCode =
        area.width() - std::min(area.height() - doneH, area.width() * 0.36f) - t.gap() * 3;
    const float needed = measure(tr("Your number is")).y + t.fonts.huge->FontSize * kMinLabelScale +
                         ImGui::GetStyle().ItemSpacing.y * 3 + measureWrapped(urgentWords, besideCode).y;
    if (needed > area.height() - doneH - t.gap()) qr = nullptr;
  }
  // The hint under the code takes two lines when it is wider than the code can be (larger text).
  const char* hint = tr("Photograph this code");
  const float hintLines = measure(hint).x + t.basePx * 0.4f > area.width() * 0.36f ? 2 : 1;
  float hintH = measure("W").y * hintLines + t.gap();
  float qrMax = std::min(area.max.y - y - doneH - hintH - t.gap() * 2, area.width() * 0.36f);
  float qrW = qr ? qrSide(*qr, qrMax) : 0;
  // When a word of the hint is wider than the code (larger text on a short screen), the hint goes on the
  // bottom row beside Done at full size, and the code takes the room it leaves.
  const char* done = tr("Done");
  const float doneW = std::max(buttonWidth(done), t.basePx * 8);
  float longestWord = 0;
  for (std::string_view rest = hint; !rest.empty();) {
    const size_t sp = rest.find(' ');
    longestWord = std::max(longestWord, measure(rest.substr(0, sp)).x);
    rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
  }
  const float underCode = area.max.y - doneH - t.gap() - (y + qrW + t.gap() * 0.5f);
  const bool hintBesideDone =
      qr && t.largerText &&
      (longestWord > qrW + t.gap() * 2 ||
       fitLabel(hint, ImVec2(qrW + t.gap(), std::max(measure("W").y, underCode))).size <
           t.body()->FontSize - 0.01f);
  if (hintBesideDone) {
    qrMax = std::min(area.max.y - y - doneH - t.gap() * 2, area.width() * 0.36f);
    qrW = qrSide(*qr, qrMax);
  }
  float textW = area.width() - qrW - t.gap() * 3;
  std::vector<std::string> lines;
  if (urgent) {
    lines = {tr("Do not wait to be called."),
             tr("If you feel worse, tell the nearest member of staff or call 999.")};
  } else {
    lines = {fill(tr("Please wait for: {room}"), {{"room", shownRoom(v.ticket.room)}}),
             aheadText(v.ticket.ahead), waitText(v.ticket.estimatedWaitMinutes)};
  }
  // The number gives up some of its size when the words under it would otherwise run off the bottom.
  // An urgent ticket leaves out the queue's name: the patient is not to wait in it, and the words that
  // say what to do need the room.
  const std::string queueName = urgent ? std::string() : shownName(v.ticket.queueName);
  std::string words;
  for (const auto& line : lines) words += (words.empty() ? "" : "\n") + line;
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  // Then, if they still do not fit (larger text, a long translation), the queue's name gives up its
  // extra size, and what still does not fit of the lines under it scrolls under a finger: words keep
  // their size, so larger text stays larger.
  auto fixedH = [&](ImFont* queueFont) {
    return measure("W").y - t.gap() + (urgent ? 0 : measureWrapped(queueName, textW, queueFont).y) +
           spacing * 3;
  };
  const float linesH = measureWrapped(words, textW).y;
  ImFont* huge = t.fonts.huge;
  const float minNumber = huge->FontSize * kMinLabelScale;
  // Done sits at the bottom right; when it is wider than the code above it, the words stop above it.
  const float wordsRoom = area.height() - (hintBesideDone || doneW > qrW + t.gap() * 3 ? doneH + t.gap() : 0);
  ImFont* queueFont = fixedH(t.heading()) + minNumber + linesH <= wordsRoom ? t.heading() : t.body();
  float numberSize = std::clamp(wordsRoom - fixedH(queueFont) - linesH, minNumber, huge->FontSize);
  // Right to left, the words are on the right and the code and Done on the left (mirrorX); the
  // number itself reads left to right.
  const float column = mirrorX(area.min.x, textW);
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(area.min.x, measure(tr("Your number is")).x), y));
  text(tr("Your number is"));
  const float numberW =
      std::min(textW, std::ceil(shaping::textSize(huge, numberSize, v.ticket.ticketNumber).x));
  ImGui::SetCursorScreenPos(
      ImVec2(mirrorX(area.min.x, numberW), std::ceil(y + measure(tr("Your number is")).y)));
  textWrapped(v.ticket.ticketNumber, numberW, huge, colour::kDarkBlue, numberSize);
  if (!urgent) {
    ImGui::SetCursorScreenPos(ImVec2(column, ImGui::GetCursorScreenPos().y));
    textWrapped(queueName, textW, queueFont);
  }
  const float wordsY = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(column, wordsY));
  scrollingText(words, ImVec2(textW, std::max(t.body()->FontSize, area.min.y + wordsRoom - wordsY)),
                "ticket-words");
  if (qr) {
    drawQr(*qr, ImVec2(mirrorX(area.max.x - qrW, qrW), y), qrMax);
    // The hint stays under the code (on two lines or smaller when it is wider), clear of the words on
    // the left and of Done below.
    float hintW = measure(hint).x;
    float hintY = y + qrW + t.gap() * 0.5f;
    if (hintBesideDone) {
      const float hintRoom = area.width() - doneW - t.gap() * 2;
      ImGui::SetCursorScreenPos(ImVec2(mirrorX(area.min.x, hintRoom), area.max.y - doneH));
      scrollingText(hint, ImVec2(hintRoom, doneH), "ticket-hint");
    } else if (hintW <= qrW + t.gap() * 2) {
      ImGui::SetCursorScreenPos(ImVec2(mirrorX(std::floor(area.max.x - qrW / 2 - hintW / 2), hintW), hintY));
      text(hint);
    } else {
      const float hintX = mirrorX(area.max.x - qrW - t.gap(), qrW + t.gap());
      textFitted(
          hint, ImVec2(hintX, hintY),
          ImVec2(hintX + qrW + t.gap(), std::max(hintY + measure("W").y, area.max.y - doneH - t.gap())));
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(area.max.x - doneW, doneW), area.max.y - doneH));
  return button(done, ImVec2(doneW, doneH), ButtonStyle::kPrimary) ? TicketIntent::kDone
                                                                   : TicketIntent::kNone;
}

}  // namespace longstop::ui
