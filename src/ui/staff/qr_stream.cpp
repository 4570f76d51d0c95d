#include "ui/staff/qr_stream.h"

#include <algorithm>

#include "ui/staff/export.h"
#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {

StaffIntent drawQrStream(const ExportState& e) {
  StaffIntent in;
  const Theme& t = theme();
  Rect d = displayRect();
  ImGui::GetWindowDrawList()->AddRectFilled(d.min, d.max, colour::kBackground);
  const size_t n = e.frames.size();
  // The code takes the whole height on the left; the words and Stop take the rest on the right.
  const float rightW = std::max(buttonWidth("Stop"), std::min(d.width() * 0.34f, t.basePx * 12));
  const float side = std::min(d.height() - 2 * t.margin(), d.width() - rightW - 3 * t.margin());
  if (e.qr) {
    float s = qrSide(*e.qr, side);
    drawQr(*e.qr, ImVec2(d.min.x + t.margin() + (side - s) / 2, d.min.y + (d.height() - s) / 2), side);
  } else {
    ImGui::SetCursorScreenPos(ImVec2(d.min.x + t.margin(), d.min.y + t.margin()));
    (void)textWrapped("This frame's QR code could not be made.", side, t.fonts.body, colour::kRed);
  }
  const float x = d.max.x - t.margin() - rightW;
  float y = d.min.y + t.margin();
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  y += textWrapped("Batch " + std::to_string(e.streamSeq), rightW, t.fonts.heading, colour::kDarkBlue) +
       t.gap();
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  const std::string counter = "Frame " + std::to_string(e.frame + 1) + " of " + std::to_string(n);
  y += textWrapped(counter, rightW, t.fonts.heading, colour::kText) + t.gap();
  y += drawProgress(e.rounds == 0
                        ? "First time through"
                        : "Shown in full " + std::to_string(e.rounds) + (e.rounds == 1 ? " time" : " times"),
                    "This round", int64_t(e.frame + 1), int64_t(n), false, ImVec2(x, y), rightW) +
       t.gap();
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  (void)textWrapped("Hold the receiving computer's camera to the code until it has every frame.", rightW,
                    t.fonts.body, colour::kText);
  const float bh = t.target() * 0.8f;
  ImGui::SetCursorScreenPos(ImVec2(x, d.max.y - t.margin() - bh));
  if (button("Stop", ImVec2(rightW, bh), ButtonStyle::kSecondary)) in = intent::StopQr{};
  return in;
}

}  // namespace longstop::ui::staff
