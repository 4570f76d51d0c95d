#include "ui/staff/sign_in.h"

#include <algorithm>

#include "core/payload.h"
#include "core/staff_card.h"
#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {
namespace {
void drawMessage(const std::string& message, const Rect& area, float* y) {
  if (message.empty()) return;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, *y));
  *y += textWrapped(message, area.width(), theme().fonts.body, colour::kRed) + theme().gap();
}
}  // namespace

std::string maskedCard(const std::string& cardText) {
  // The staff ID is not secret; the rest is shown as four stars whatever its length.
  size_t shown = core::claimedPayloadKind(cardText) == core::PayloadKind::kStaffCard ? 11 : 6;
  if (cardText.size() <= shown) return cardText;
  return cardText.substr(0, shown) + " ****";
}

std::string typedCardShown(const std::string& cardText) {
  const core::TypedCard c = core::readTypedCard(cardText);
  if (c.problem == core::CardProblem::kNotACard) return cardText;
  std::string out = c.prefix + c.staffId;
  if (!c.secret.empty() || c.staffId.size() == core::kStaffIdLength) out += " :";
  for (size_t i = 0; i < c.secret.size(); ++i) out += std::string(i % 4 == 0 ? " " : "") + c.secret[i];
  return out;
}

std::string cardProblemText(const std::string& cardText) {
  const core::TypedCard c = core::readTypedCard(cardText);
  const std::string bad = c.badChar ? std::string("\"") + c.badChar + "\" " : "";
  switch (c.problem) {
    case core::CardProblem::kNone:
    case core::CardProblem::kUnfinished:
      return "";
    case core::CardProblem::kNotACard:
      return "This is not a staff card code. Scan or type the code on your staff card.";
    case core::CardProblem::kBadStaffId:
      return bad.empty() ? "The staff ID (the first 6 characters) is not right: check it against your card."
                         : "The staff ID (the first 6 characters) cannot hold " + bad +
                               "- check it against your card.";
    case core::CardProblem::kBadSecretChar:
      return "A card code never holds " + bad +
             "(only letters and the digits 2 to 7): check it against your card.";
    case core::CardProblem::kTooLong:
      return "That is more than a card code holds: check it against your card.";
  }
  return "";
}

StaffIntent drawCardEntry(const SignInView& v) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar("Staff sign-in", {"Cancel"}, &area) == 0) in = intent::Close{};
  const Theme& t = theme();
  float y = area.min.y;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped("Scan your staff card, or type the code printed on it.", area.width()) + t.gap();
  // What is wrong shows as soon as it is typed, and Next waits for a card that can be right.
  const std::string problem = cardProblemText(v.cardText);
  drawMessage(problem.empty() ? v.message : problem, area, &y);
  const bool complete = core::readTypedCard(v.cardText).problem == core::CardProblem::kNone;
  float fieldW = std::min(area.width() - buttonWidth("Next") - t.gap(), t.basePx * 26);
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  (void)field("Card code", typedCardShown(v.cardText), ImVec2(fieldW, t.target() * 0.8f), true, "card-code");
  float fy = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x + fieldW + t.gap(), fy - t.target() * 0.8f - t.gap() * 0.0f));
  if (button("Next", ImVec2(buttonWidth("Next"), t.target() * 0.8f), ButtonStyle::kPrimary, complete))
    in = intent::Next{};
  y = fy + t.gap();
  float keyH = std::min(t.target() * 0.8f, (area.max.y - y) / 4.3f);
  KeyPress p = drawCharKeyboard(ImVec2(area.min.x, y), area.width(), keyH, kLettersAndDigits);
  if (p) in = intent::TypeKey{p};
  return in;
}

StaffIntent drawPinEntry(const SignInView& v) {
  StaffIntent in;
  Rect area;
  int pressed = drawStaffBar("Staff sign-in", {"Back", "Cancel"}, &area);
  if (pressed == 0) in = intent::Back{};
  if (pressed == 1) in = intent::Close{};
  const Theme& t = theme();
  // A card that cannot be right (Enter pressed early, or a damaged scan) is refused here: no PIN is asked
  // for a card that will fail.
  if (core::readTypedCard(v.cardText).problem != core::CardProblem::kNone) {
    const std::string problem = cardProblemText(v.cardText);
    ImGui::SetCursorScreenPos(area.min);
    (void)textWrapped((problem.empty() ? std::string("That card code is not complete.") : problem) +
                          " Press Back to type it again.",
                      area.width(), theme().fonts.body, colour::kRed);
    return in;
  }
  ImVec2 pad = digitKeypadSize(area.height());
  float leftW = area.width() - pad.x - t.margin();
  float y = area.min.y;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped("Card " + maskedCard(v.cardText) + ". Now type your PIN.", leftW) + t.gap();
  std::string dots;
  for (size_t i = 0; i < v.pinDigits; ++i) dots += i ? " *" : "*";
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  (void)field("PIN", dots, ImVec2(std::min(leftW, t.basePx * 10), t.target() * 0.8f), true, "pin");
  y = ImGui::GetCursorScreenPos().y + t.gap();
  drawMessage(v.message, {area.min, ImVec2(area.min.x + leftW, area.max.y)}, &y);
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, std::max(y, area.max.y - t.target())));
  if (button("Sign in", ImVec2(std::min(leftW, buttonWidth("Sign in") * 1.5f), t.target()),
             ButtonStyle::kPrimary, v.pinDigits >= 6))
    in = intent::SignIn{};
  KeyPress p = drawDigitKeypad(ImVec2(area.max.x - pad.x, area.min.y), area.height());
  if (p) in = intent::TypeKey{p};
  return in;
}

}  // namespace longstop::ui::staff
