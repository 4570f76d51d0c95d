#include <algorithm>
#include <cmath>
#include <string>

#include "ui/screens/welcome.h"

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {
namespace {
// A loudspeaker with two sound waves, `size` square: read without reading.
void drawSpeakerSymbol(ImDrawList* dl, ImVec2 at, float size, ImU32 c) {
  const float s = size;
  dl->AddRectFilled(ImVec2(at.x, at.y + s * 0.35f), ImVec2(at.x + s * 0.22f, at.y + s * 0.65f), c);
  dl->AddTriangleFilled(ImVec2(at.x + s * 0.18f, at.y + s * 0.5f), ImVec2(at.x + s * 0.5f, at.y + s * 0.08f),
                        ImVec2(at.x + s * 0.5f, at.y + s * 0.92f), c);
  dl->AddRectFilled(ImVec2(at.x + s * 0.15f, at.y + s * 0.35f), ImVec2(at.x + s * 0.3f, at.y + s * 0.65f), c);
  const ImVec2 centre(at.x + s * 0.5f, at.y + s * 0.5f);
  for (float r : {s * 0.22f, s * 0.4f}) {
    dl->PathArcTo(centre, r, -0.9f, 0.9f, 12);
    dl->PathStroke(c, 0, std::max(2.0f, s * 0.07f));
  }
}
}  // namespace

WelcomeIntent drawWelcome(const WelcomeView& v) {
  const Theme& t = theme();
  Rect d = displayRect();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float barH = t.target() + t.gap() * 2;
  dl->AddRectFilled(d.min, ImVec2(d.max.x, barH), colour::kDarkBlue);
  ImVec2 cs = measure(v.clock, t.heading());
  WelcomeIntent intent = WelcomeIntent::kNone;
  // Listen first, so that it is the first control the keypad reaches, in the bar's far corner.
  const char* listen = v.listen ? tr("Listen: on") : tr("Listen: off");
  const float icon = t.target() * 0.6f;
  float listenW = std::max(buttonWidth(tr("Listen: on")), buttonWidth(tr("Listen: off"))) + 2 * icon;
  // Right to left, the bar is mirrored: Listen in the far left corner, the practice's name on the right.
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(d.max.x - t.margin() - listenW, listenW), t.gap()));
  ImVec2 listenMin = ImGui::GetCursorScreenPos();
  if (button(listen, ImVec2(listenW, t.target()), v.listen ? ButtonStyle::kSelected : ButtonStyle::kSecondary,
             true, "listen"))
    intent = WelcomeIntent::kToggleListen;
  drawSpeakerSymbol(dl, ImVec2(listenMin.x + icon * 0.35f, listenMin.y + (t.target() - icon) / 2), icon,
                    v.listen ? colour::kTextOnDark : colour::kBlue);
  float nameRoom = d.width() - 4 * t.margin() - cs.x - listenW;
  ImFont* nameFont = measure(v.siteName, t.heading()).x <= nameRoom ? t.heading() : t.body();
  // A long name beside the clock and Listen (a small screen, larger text) goes onto two lines at full
  // size; where even that does not fit, the clock gives its place to the name (which tells a patient
  // they are at the right practice) rather than the name being shrunk or cut mid-letter.
  const FittedLabel beside = fitLabel(v.siteName, ImVec2(nameRoom, barH), nameFont);
  const bool clock = nameFont == t.heading() || (beside.fits && beside.size >= nameFont->FontSize - 0.5f);
  if (!clock) nameRoom += cs.x + t.margin();
  const float nameX = mirrorX(t.margin(), nameRoom);
  const float clipX = mirrorX(0, t.margin() + nameRoom);
  ImGui::PushClipRect(ImVec2(clipX, 0), ImVec2(clipX + t.margin() + nameRoom, barH), true);
  textFitted(v.siteName, ImVec2(nameX, 0), ImVec2(nameX + nameRoom, barH), nameFont, colour::kTextOnDark);
  ImGui::PopClipRect();
  if (clock) {
    ImGui::SetCursorScreenPos(
        ImVec2(mirrorX(d.max.x - 2 * t.margin() - listenW - cs.x, cs.x), (barH - cs.y) / 2));
    text(v.clock, t.heading(), colour::kTextOnDark);
  }

  const char* larger = v.largerText ? tr("Larger text: on") : tr("Larger text: off");
  const char* contrast = v.highContrast ? tr("High contrast: on") : tr("High contrast: off");
  const float room = d.width() - 2 * t.margin();
  // As many of the languages' own names as the button holds at full size, the patient's own first.
  std::string lang = languageButtonLabel();
  for (size_t names = 3; names >= 1 && buttonWidth(lang) > room; --names) lang = languageButtonLabel(names);
  float lw = std::max(buttonWidth(tr("Larger text: off")), buttonWidth(tr("Larger text: on")));
  float cw = std::max(buttonWidth(tr("High contrast: off")), buttonWidth(tr("High contrast: on")));
  float langW = std::min(buttonWidth(lang), room);
  // One row of three when it fits; otherwise a grid the width of the screen: the two toggles side by
  // side in equal halves above the language button, and the introduction line gives up its place on a
  // short screen.
  bool oneRow = langW + lw + cw + 2 * t.gap() + 2 * t.margin() <= d.width();
  float rows = oneRow ? 1 : 2;
  float bottomH = rows * t.target() + (rows - 1) * t.gap() + t.margin() * 2;

  float y = barH + t.basePx;
  textCentred(tr("Welcome"), d.min.x, d.max.x, y, t.heading());
  y += measure("W", t.heading()).y + t.basePx * 0.5f;
  const char* intro = tr("Check in for your appointment, or join the queue.");
  float introRoom = d.max.y - bottomH - y - t.gap() - measure("W").y - t.basePx;
  if (oneRow || introRoom >= t.target() * 1.2f) {
    const float lineH = measure("W").y;
    if (measure(intro).x <= d.width() - 2 * t.margin()) {
      textCentred(intro, d.min.x, d.max.x, y, t.body());
      y += lineH + t.basePx;
    } else {
      // Too long for one line (larger text, a long translation): wrapped at full size, two lines where
      // the Check in button keeps its room, else one that scrolls under a finger.
      const float lines = introRoom - lineH >= t.target() * 1.2f ? 2 : 1;
      ImGui::SetCursorScreenPos(ImVec2(t.margin(), y));
      y +=
          scrollingText(intro, ImVec2(d.width() - 2 * t.margin(), lineH * lines), "welcome-intro") + t.basePx;
    }
  }

  float bigH = std::min(t.target() * 2.2f, d.max.y - bottomH - y - t.gap());
  float bigW = std::min(d.width() - 2 * t.margin(), std::max(t.basePx * 16, buttonWidth(tr("Check in"))));
  ImGui::SetCursorScreenPos(ImVec2((d.width() - bigW) / 2, y));
  if (button(tr("Check in"), ImVec2(bigW, bigH), ButtonStyle::kPrimary)) intent = WelcomeIntent::kCheckIn;

  float by = d.max.y - t.margin() - t.target();
  if (!oneRow) {
    const float pair = room - t.gap();
    langW = room;
    // Equal halves, unless one label needs more than half: then in proportion to their labels.
    if (std::max(lw, cw) <= std::floor(pair / 2)) {
      lw = cw = std::floor(pair / 2);
    } else {
      const float l = std::floor(pair * lw / (lw + cw));
      cw = pair - l;
      lw = l;
    }
  }
  // Right to left, the language button is on the right and the toggles on the left.
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(t.margin(), langW), by));
  if (button(lang, ImVec2(langW, t.target()), ButtonStyle::kSecondary, true, "language"))
    intent = WelcomeIntent::kLanguage;
  const float ty = oneRow ? by : by - t.target() - t.gap();
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(d.max.x - t.margin() - lw - cw - t.gap(), cw), ty));
  if (button(contrast, ImVec2(cw, t.target()),
             v.highContrast ? ButtonStyle::kSelected : ButtonStyle::kSecondary, true, "high-contrast"))
    intent = WelcomeIntent::kToggleHighContrast;
  ImGui::SetCursorScreenPos(ImVec2(mirrorX(d.max.x - t.margin() - lw, lw), ty));
  if (button(larger, ImVec2(lw, t.target()), v.largerText ? ButtonStyle::kSelected : ButtonStyle::kSecondary,
             true, "larger-text"))
    intent = WelcomeIntent::kToggleLargerText;
  return intent;
}

}  // namespace longstop::ui
