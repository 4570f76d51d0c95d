#include "ui/admin/practice_banner.h"

#include <cfloat>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

void drawPracticeBanner(std::string_view label) {
  const Theme& t = theme();
  Rect d = displayRect();
  ImDrawList* dl = ImGui::GetForegroundDrawList();  // over whichever screen is showing
  float edge = std::max(4.0f, std::floor(t.basePx * 0.2f));
  dl->AddRect(d.min, d.max, colour::kRed, 0, 0, edge * 2);
  // Small enough to sit between Back and Start again on an 800x480 screen.
  ImFont* font = t.fonts.heading ? t.fonts.heading : t.fonts.body;
  float size = std::floor(t.basePx * 0.6f);
  ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, label.data(), label.data() + label.size());
  float pad = t.basePx * 0.25f;
  ImVec2 min(std::floor((d.width() - ts.x) / 2 - pad), 0);
  ImVec2 max(min.x + ts.x + 2 * pad, ts.y + pad);
  dl->AddRectFilled(min, max, colour::kRed, t.basePx * 0.2f, ImDrawFlags_RoundCornersBottom);
  ImVec2 at(min.x + pad, pad / 2);
  dl->AddText(font, size, at, colour::kTextOnDark, label.data(), label.data() + label.size());
  if (WidgetLog* log = widgetLog())
    log->add({std::string(label), at, ImVec2(at.x + ts.x, at.y + ts.y), false, true, true});
}

}  // namespace longstop::ui
