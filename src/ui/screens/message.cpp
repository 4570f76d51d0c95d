#include "ui/screens/message.h"

#include <algorithm>
#include <cmath>

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {
namespace {
struct Words {
  const char* heading;
  std::string body;
  bool back, startAgain, done;
};

std::string withAppointment(const char* text, const MessageView& v) {
  return fill(text, {{"time", v.time}, {"clinician", v.clinician}, {"from", v.from}});
}

Words wordsFor(const MessageView& v) {
  switch (v.kind) {
    case MessageKind::kNotFound:
      return {tr("We could not find your appointment"),
              tr("We found no appointment today for those details. Please check them, or see reception. "
                 "Please do not join the walk-in queue: reception will check you in."),
              true, true, true};
    case MessageKind::kNotFoundNhs:
      return {tr("We could not find your appointment"),
              tr("We found no appointment today for this NHS number. Please check the number, or see "
                 "reception. Please do not join the walk-in queue: reception will check you in."),
              true, true, true};
    case MessageKind::kNotFoundCode:
      return {tr("We could not find your appointment"),
              tr("We found no appointment today for this code. Please see reception: they will check you "
                 "in."),
              true, true, true};
    case MessageKind::kSeveral:
      return {tr("Please see reception"),
              tr("More than one appointment today matches those details, so we cannot tell which one is "
                 "yours. Reception will check you in."),
              true, true, true};
    case MessageKind::kTooEarly:
      return {tr("You are early for your appointment"),
              withAppointment(tr("Your appointment is at {time} with {clinician}. You can check in here "
                                 "from {from}. Please come back then, or see reception."),
                              v),
              true, true, true};
    case MessageKind::kTooLate:
      return {tr("Your appointment time has passed"),
              withAppointment(tr("Your appointment was at {time} with {clinician}. Please see reception: "
                                 "they will tell you if you can still be seen today."),
                              v),
              true, true, true};
    case MessageKind::kOtherDay:
      return {tr("Your appointment is not today"),
              tr("We found an appointment for you, but it is not today. Please see reception: they can "
                 "check it for you."),
              true, true, true};
    case MessageKind::kNotMine:
      return {tr("Please see reception"), tr("Reception will find your appointment and check you in."), true,
              true, true};
    case MessageKind::kAlreadyCheckedIn:
      return {tr("You are already checked in"),
              withAppointment(tr("Your appointment at {time} with {clinician} is already checked in. Please "
                                 "wait to be called. If you have lost your ticket, please see reception."),
                              v),
              true, false, true};
    case MessageKind::kUnrecognisedCode:
      return {tr("This code isn't one we recognise \u2014 please see reception"), "", true, true, false};
    case MessageKind::kSorry:
      return {tr("Sorry, please see reception"), "", false, false, true};
  }
  return {"", "", false, true, false};
}
}  // namespace

MessageIntent drawMessage(const MessageView& v) {
  const Theme& t = theme();
  const Rect d = displayRect();
  Words w = wordsFor(v);
  RowButton b[2];
  int n = 0;
  if (v.offerNhsNumber) b[n++] = {tr("Use my NHS number instead"), int(ButtonStyle::kPrimary)};
  if (w.done) b[n++] = {tr("Done"), int(n == 0 ? ButtonStyle::kPrimary : ButtonStyle::kSecondary)};
  // The buttons first: on a short screen they give up height (never below a fingertip), and the words
  // above them scroll under a finger when they do not fit (larger text, a long translation).
  const bool shortScreen = d.height() < 600;
  const float bh = shortScreen ? std::max(kMinButtonPx, t.target() * 0.8f) : t.target();
  float bw = std::min(d.width() - 2 * t.margin(), t.basePx * 14);
  for (int i = 0; i < n; ++i)
    bw = std::min(d.width() - 2 * t.margin(), std::max(bw, buttonWidth(b[i].label)));
  float buttonsH = 0;
  for (int i = 0; i < n; ++i) buttonsH += buttonHeightFor(b[i].label, bw, bh) + (i ? t.gap() * 2 : 0);
  const float below = shortScreen ? t.gap() * 2 : t.gap() * 3;
  Rect area;
  MessageIntent intent = MessageIntent::kNone;
  Nav nav = drawChrome(w.heading, w.back, w.startAgain, &area,
                       buttonsH + (w.body.empty() ? 0 : below + t.body()->FontSize));
  float y = area.min.y;
  if (!w.body.empty()) {
    ImGui::SetCursorScreenPos(area.min);
    y +=
        scrollingText(w.body, ImVec2(area.width(), area.height() - buttonsH - below), "message-body") + below;
  }
  const int pressed = n ? drawButtonColumn(b, n, std::floor(y), area, bw, bh) : -1;
  if (pressed >= 0)
    intent = v.offerNhsNumber && pressed == 0 ? MessageIntent::kUseNhsNumber : MessageIntent::kDone;
  if (nav == Nav::kBack) intent = MessageIntent::kBack;
  if (nav == Nav::kStartAgain) intent = MessageIntent::kStartAgain;
  return intent;
}

}  // namespace longstop::ui
