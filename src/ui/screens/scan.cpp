#include "ui/screens/scan.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {
namespace {

// Until the first picture arrives the box keeps the usual camera shape, so nothing jumps.
constexpr float kDefaultAspect = 16.0f / 9.0f;
// The guide square's side as a share of the picture's height: room around it to move the code in.
constexpr float kGuideShare = 0.72f;

// The camera's picture fitted into `box` (top-aligned, centred across), mirrored like a looking glass:
// people move the code towards where they see it. A pale box until the first picture arrives. Returns
// where it was drawn.
Rect drawPicture(const CameraView& camera, const Rect& box) {
  const Theme& t = theme();
  const float aspect =
      camera.picture && camera.height > 0 ? float(camera.width) / float(camera.height) : kDefaultAspect;
  const float w = std::floor(std::min(box.width(), box.height() * aspect));
  const float h = std::floor(w / aspect);
  Rect at;
  at.min = ImVec2(std::floor(box.min.x + (box.width() - w) / 2), box.min.y);
  at.max = ImVec2(at.min.x + w, at.min.y + h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Square corners: one quad, which SDL's software renderer copies as a block (a rounded outline is
  // a fan of triangles it draws pixel by pixel, several times slower).
  if (camera.picture)
    dl->AddImage(camera.picture, at.min, at.max, ImVec2(1, 0), ImVec2(0, 1));
  else
    dl->AddRectFilled(at.min, at.max, colour::kPaleBlue);
  dl->AddRect(at.min, at.max, colour::kGreyBorder, 0, 0, std::max(2.0f, t.basePx * 0.06f));

  // "Put your code in here": a white band under a blue line, so it shows on dark and light pictures
  // alike (yellow on black in high contrast).
  const float side = std::floor(h * kGuideShare);
  const ImVec2 c((at.min.x + at.max.x) / 2, (at.min.y + at.max.y) / 2);
  const ImVec2 gMin(std::floor(c.x - side / 2), std::floor(c.y - side / 2));
  const ImVec2 gMax(gMin.x + side, gMin.y + side);
  const float guideRounding = side * 0.12f;
  dl->AddRect(gMin, gMax, colour::kBackground, guideRounding, 0, std::max(6.0f, t.basePx * 0.4f));
  dl->AddRect(gMin, gMax, colour::kBlue, guideRounding, 0, std::max(3.0f, t.basePx * 0.2f));
  return camera.picture ? at : Rect{};
}

float wrappedHeight(const char* text, float width, ImFont* font) {
  return measureWrapped(text, width, font).y;
}

}  // namespace

ScanIntent drawScan(const CameraView& camera, Rect* pictureAt) {
  if (pictureAt) *pictureAt = Rect{};
  const Theme& t = theme();
  Rect area;
  // With a hand scanner and no camera, the words are about the scanner.
  const bool scannerOnly = camera.reader && !camera.available && !camera.faulty;
  Nav nav =
      drawChrome(scannerOnly ? tr("Scan your code with the scanner") : tr("Hold your code up to the camera"),
                 true, true, &area);
  const char* howTo =
      scannerOnly
          ? tr("Use the code from your appointment letter or text message. Hold it under the scanner's "
               "light until it beeps.")
          : tr("Use the code from your appointment letter or text message. Hold it still, about a hand's "
               "width from the screen.");
  if (!camera.available) {
    ImGui::SetCursorScreenPos(area.min);
    const float h = textWrapped(howTo, area.width());
    if (camera.faulty) {
      ImGui::SetCursorScreenPos(ImVec2(area.min.x, area.min.y + h + t.gap() * 3));
      textWrapped(
          tr("The camera is not working at the moment. Please go back and enter your details instead, "
             "or ask at reception."),
          area.width());
    }
  } else {
    // Words beside the picture on a landscape screen, above it on a portrait one: the picture gets
    // all the height it can. Beside it, the words get the narrowest column they fit in (small
    // screens, larger text and longer languages need more); where even the widest is too short
    // (larger text on a 7" panel) only "Put your code inside the square." stays.
    const char* aim = tr("Put your code inside the square.");
    const bool beside = area.width() > area.height();
    float textW = area.width();
    bool withHowTo = true;
    if (beside) {
      auto fits = [&](float w, bool both) {
        return (both ? wrappedHeight(howTo, w, t.body()) + t.gap() * 3 : 0) +
                   wrappedHeight(aim, w, t.heading()) <=
               area.height();
      };
      withHowTo = false;
      for (bool both : {true, false}) {
        for (float share : {0.38f, 0.45f, 0.52f, 0.6f}) {
          textW = std::floor(area.width() * share);
          if (fits(textW, both)) {
            withHowTo = both;
            break;
          }
        }
        if (withHowTo || fits(textW, both)) break;
      }
    }
    float y = area.min.y;
    if (withHowTo) {
      ImGui::SetCursorScreenPos(area.min);
      y += textWrapped(howTo, textW) + t.gap() * 3;
    }
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    y += textWrapped(aim, textW, t.heading()) + t.gap() * 3;
    Rect box = area;
    if (beside)
      box.min.x += textW + t.margin();
    else
      box.min.y = y;
    Rect drawn = drawPicture(camera, box);
    if (pictureAt) *pictureAt = drawn;
  }
  if (nav == Nav::kBack) return ScanIntent::kBack;
  if (nav == Nav::kStartAgain) return ScanIntent::kStartAgain;
  return ScanIntent::kNone;
}

}  // namespace longstop::ui
