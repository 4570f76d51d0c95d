#include "ui/screens/message.h"

#include <algorithm>

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
  Words w = wordsFor(v);
  Rect area;
  MessageIntent intent = MessageIntent::kNone;
  Nav nav = drawChrome(w.heading, w.back, w.startAgain, &area);
  float y = area.min.y;
  if (!w.body.empty()) {
    ImGui::SetCursorScreenPos(area.min);
    y += textWrapped(w.body, area.width()) + t.gap() * 3;
  }
  float bw = std::min(area.width(), t.basePx * 14);
  RowButton b[2];
  int n = 0;
  if (v.offerNhsNumber) b[n++] = {tr("Use my NHS number instead"), int(ButtonStyle::kPrimary)};
  if (w.done) b[n++] = {tr("Done"), int(n == 0 ? ButtonStyle::kPrimary : ButtonStyle::kSecondary)};
  const int pressed = n ? drawButtonColumn(b, n, y, area, bw, t.target()) : -1;
  if (pressed >= 0) intent = v.offerNhsNumber && pressed == 0 ? MessageIntent::kUseNhsNumber : MessageIntent::kDone;
  if (nav == Nav::kBack) intent = MessageIntent::kBack;
  if (nav == Nav::kStartAgain) intent = MessageIntent::kStartAgain;
  return intent;
}

}  // namespace longstop::ui
