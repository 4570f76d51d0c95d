#include "ui/board/board_screen.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::board {
namespace {
// Text at `pos` scaled to `px`, recorded for scripts (the board's screenshot tests read it).
void put(std::string_view s, ImVec2 pos, ImFont* font, float px, ImU32 col) {
  ImGui::GetWindowDrawList()->AddText(font, px, pos, col, s.data(), s.data() + s.size());
  ImVec2 ts = font->CalcTextSizeA(px, FLT_MAX, 0, s.data(), s.data() + s.size());
  if (WidgetLog* log = widgetLog(); log && !s.empty())
    log->add({std::string(s), pos, ImVec2(pos.x + ts.x, pos.y + ts.y), false, true, true});
}

ImVec2 size(std::string_view s, ImFont* font, float px) {
  return font->CalcTextSizeA(px, FLT_MAX, 0, s.data(), s.data() + s.size());
}
}  // namespace

void drawBoard(const BoardView& v) {
  const Theme& t = theme();
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("board", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoNav);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float W = io.DisplaySize.x, H = io.DisplaySize.y;
  ImFont* bold = t.fonts.heading ? t.fonts.heading : t.fonts.body;
  ImFont* huge = t.fonts.huge ? t.fonts.huge : bold;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(W, H), colour::kBackground);

  // The bar: site name and clock.
  const float m = t.margin();
  const float barPx = t.basePx * 1.2f;
  const float barH = barPx * 2;
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(W, barH), colour::kDarkBlue);
  ImVec2 cs = size(v.clock, bold, barPx);
  put(v.clock, ImVec2(W - m - cs.x, (barH - cs.y) / 2), bold, barPx, colour::kTextOnDark);
  dl->PushClipRect(ImVec2(0, 0), ImVec2(W - 2 * m - cs.x, barH), true);
  put(v.siteName, ImVec2(m, (barH - cs.y) / 2), bold, barPx, colour::kTextOnDark);
  dl->PopClipRect();

  // An urgent answer at the kiosk, until staff acknowledge it: red across the whole board, in words so it
  // does not rely on colour, the ticket only.
  float top = barH;
  if (!v.urgentTickets.empty()) {
    const float px = t.basePx * 1.6f;
    const float bandH = px * 1.8f;
    dl->AddRectFilled(ImVec2(0, top), ImVec2(W, top + bandH), colour::kRed);
    std::string line = "Urgent: see reception";
    for (size_t i = 0; i < v.urgentTickets.size(); ++i) line += (i == 0 ? "  " : ", ") + v.urgentTickets[i];
    float linePx = px;
    while (linePx > t.basePx && size(line, huge, linePx).x > W - 2 * m) linePx *= 0.9f;
    put(line, ImVec2(m, top + (bandH - size(line, huge, linePx).y) / 2), huge, linePx, colour::kTextOnDark);
    top += bandH;
  }

  // Left two thirds: the calls. Right third: waiting per queue.
  const float split = std::floor(W * 0.66f);
  float y = top + m;
  put("Now calling", ImVec2(m, y), bold, t.basePx, colour::kDarkBlue);
  y += t.basePx * 1.5f;
  if (v.calls.empty()) {
    put("No one called yet", ImVec2(m, y), t.fonts.body, t.basePx, colour::kText);
  } else {
    // The newest: as large as fits, yellow behind it.
    const auto& c = v.calls.front();
    std::string line = c.ticket + "  \xE2\x86\x92  " + c.room;  // →
    float px = std::min(huge->FontSize, t.basePx * 3.0f);
    while (px > t.basePx && size(line, huge, px).x > split - 3 * m) px *= 0.9f;
    float h = px * 1.4f;
    dl->AddRectFilled(ImVec2(m * 0.5f, y), ImVec2(split - m * 0.5f, y + h),
                      v.highlightNewest ? colour::kYellow : colour::kPaleBlue, t.basePx * 0.3f);
    put(line, ImVec2(m, y + (h - size(line, huge, px).y) / 2), huge, px, colour::kText);
    y += h + m;
    const float rowPx = t.basePx * 1.3f;
    for (size_t i = 1; i < v.calls.size() && y + rowPx < H - m; ++i) {
      std::string earlier = v.calls[i].ticket + "  \xE2\x86\x92  " + v.calls[i].room;
      put(earlier, ImVec2(m, y), bold, rowPx, colour::kText);
      y += rowPx * 1.5f;
    }
  }

  dl->AddLine(ImVec2(split, top + m), ImVec2(split, H - m), colour::kDisabled, 2.0f);
  float x = split + m;
  y = top + m;
  put("Waiting", ImVec2(x, y), bold, t.basePx, colour::kDarkBlue);
  y += t.basePx * 1.8f;
  const float qPx = t.basePx * 1.0f;
  for (const auto& [name, count] : v.waitingPerQueue) {
    if (y + qPx * 2.8f > H) break;  // the name and, under it, the count (drawn 1.3 times as large)
    dl->PushClipRect(ImVec2(x, y), ImVec2(W - m, y + qPx * 1.4f), true);
    put(name, ImVec2(x, y), t.fonts.body, qPx, colour::kText);
    dl->PopClipRect();
    std::string n = std::to_string(count);
    put(n, ImVec2(W - m - size(n, bold, qPx * 1.3f).x, y + qPx * 1.3f), bold, qPx * 1.3f, colour::kDarkBlue);
    y += qPx * 3.0f;
  }
  ImGui::End();
}

}  // namespace longstop::ui::board
