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
  bool back, startAgain, walkIn;
};

Words wordsFor(const MessageView& v) {
  switch (v.kind) {
    case MessageKind::kNoMatch:
      return {tr("Please see reception"),
              tr("We could not find your appointment from those details. Reception can check you in, or you "
                 "can join the walk-in queue now."),
              true, true, true};
    case MessageKind::kAlreadyCheckedIn:
      return {tr("You are already checked in"),
              fill(tr("Your appointment at {time} with {clinician} is already checked in. Please wait to be "
                      "called. If you have lost your ticket, please see reception."),
                   {{"time", v.time}, {"clinician", v.clinician}}),
              true, false, false};
    case MessageKind::kUnrecognisedCode:
      return {tr("This code isn't one we recognise \u2014 please see reception"), "", true, true, false};
    case MessageKind::kSorry:
      return {tr("Sorry, please see reception"), "", false, false, false};
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
  if (w.walkIn) {
    RowButton b[1] = {{tr("Join the walk-in queue"), int(ButtonStyle::kPrimary)}};
    if (drawButtonColumn(b, 1, y, area, bw, t.target()) == 0) intent = MessageIntent::kJoinWalkIn;
  } else if (!w.startAgain) {
    RowButton b[1] = {{tr("Done"), int(ButtonStyle::kPrimary)}};
    if (drawButtonColumn(b, 1, y, area, bw, t.target()) == 0) intent = MessageIntent::kDone;
  }
  if (nav == Nav::kBack) intent = MessageIntent::kBack;
  if (nav == Nav::kStartAgain) intent = MessageIntent::kStartAgain;
  return intent;
}

}  // namespace longstop::ui
