#include "ui/board/board_screen.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::board {
namespace {
// The newest call's ticket, as a share of the screen's height: readable across a waiting room.
constexpr float kNewestCallShare = 0.2f;

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

// Text at `pos` that must end before `maxX`: made smaller (never below kMinLabelScale of `px`) rather than
// cut short, so a queue or room name is always read whole. Recorded with its room, so the layout test
// sees one that still does not fit.
void putWithin(std::string_view s, ImVec2 pos, float maxX, ImFont* font, float px, ImU32 col) {
  float fitted = px;
  while (size(s, font, fitted).x > maxX - pos.x && fitted * 0.95f >= px * kMinLabelScale) fitted *= 0.95f;
  const ImVec2 ts = size(s, font, fitted);
  // Centred on the line the full size would have taken.
  const ImVec2 at(pos.x, pos.y + (size(s, font, px).y - ts.y) / 2);
  ImGui::GetWindowDrawList()->AddText(font, fitted, at, col, s.data(), s.data() + s.size());
  if (WidgetLog* log = widgetLog(); log && !s.empty()) {
    WidgetRecord r;
    r.label = std::string(s);
    r.min = at;
    r.max = ImVec2(at.x + ts.x, at.y + ts.y);
    r.roomMin = ImVec2(pos.x, 0);
    r.roomMax = ImVec2(maxX, ImGui::GetIO().DisplaySize.y);
    r.textScale = fitted / px;
    log->add(std::move(r));
  }
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
  float nameEnd = W - 2 * m - cs.x;
  // A board that has heard no peer for a while says so, in small print beside the clock, rather than
  // show what it holds as live.
  if (!v.notUpdatedSince.empty()) {
    const std::string note = "Not updated since " + v.notUpdatedSince;
    const float notePx = t.basePx * 0.8f;
    const ImVec2 ns = size(note, t.fonts.body, notePx);
    nameEnd -= ns.x + m;
    put(note, ImVec2(nameEnd + m, (barH - ns.y) / 2), t.fonts.body, notePx, colour::kTextOnDark);
  }
  putWithin(v.siteName, ImVec2(m, (barH - cs.y) / 2), nameEnd, bold, barPx, colour::kTextOnDark);

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

  // The newest call across the whole width, readable across a waiting room: the ticket at least 15% of
  // the screen's height. When ticket and room do not fit on one line at that size the room goes beneath.
  float y = top + m;
  put("Now calling", ImVec2(m, y), bold, t.basePx, colour::kDarkBlue);
  y += t.basePx * 1.5f;
  if (v.calls.empty()) {
    put("No one called yet", ImVec2(m, y), t.fonts.body, t.basePx, colour::kText);
    y += t.basePx * 1.5f;
  } else {
    const auto& c = v.calls.front();
    const float room = W - 3 * m;
    const float px = std::max(t.basePx, std::min(huge->FontSize, H * kNewestCallShare));
    const std::string line = c.ticket + "  \xE2\x86\x92  " + c.room;  // →
    std::vector<std::pair<std::string, float>> lines;
    if (size(line, huge, px).x <= room) {
      lines.push_back({line, px});
    } else {
      float ticketPx = px;
      while (ticketPx > t.basePx && size(c.ticket, huge, ticketPx).x > room) ticketPx *= 0.95f;
      const std::string where = "\xE2\x86\x92  " + c.room;
      float wherePx = px * 0.7f;
      while (wherePx > t.basePx && size(where, huge, wherePx).x > room) wherePx *= 0.95f;
      lines.push_back({c.ticket, ticketPx});
      lines.push_back({where, wherePx});
    }
    float h = 0;
    for (const auto& [text, linePx] : lines) h += linePx * 1.15f;
    h += px * 0.2f;
    dl->AddRectFilled(ImVec2(m * 0.5f, y), ImVec2(W - m * 0.5f, y + h),
                      v.highlightNewest ? colour::kYellow : colour::kPaleBlue, t.basePx * 0.3f);
    float ly = y + px * 0.1f;
    for (const auto& [text, linePx] : lines) {
      put(text, ImVec2(m, ly + (linePx * 1.15f - size(text, huge, linePx).y) / 2), huge, linePx,
          colour::kText);
      ly += linePx * 1.15f;
    }
    y += h + m;
  }

  // Beneath: the few calls before it (left) and how many wait in each queue (right). A
  // recalled ticket is the newest call again, not a second line.
  // On a small panel the counts get half the width, so that queue names are not cut short.
  const float split = std::floor(W * (W < 1000 ? 0.5f : 0.66f));
  const float lowerTop = y;
  const float rowPx = t.basePx * 1.3f;
  std::vector<std::string> shown;
  if (!v.calls.empty()) shown.push_back(v.calls.front().ticket);
  for (size_t i = 1; i < v.calls.size() && y + rowPx < H - m; ++i) {
    if (std::find(shown.begin(), shown.end(), v.calls[i].ticket) != shown.end()) continue;
    shown.push_back(v.calls[i].ticket);
    std::string earlier = v.calls[i].ticket + "  \xE2\x86\x92  " + v.calls[i].room;
    putWithin(earlier, ImVec2(m, y), split - m, bold, rowPx, colour::kText);
    y += rowPx * 1.5f;
  }

  dl->AddLine(ImVec2(split, lowerTop), ImVec2(split, H - m), colour::kDisabled, 2.0f);
  float x = split + m;
  y = lowerTop;
  put("Waiting", ImVec2(x, y), bold, t.basePx, colour::kDarkBlue);
  y += t.basePx * 1.35f;
  // One line a queue: its name (smaller if it must be, never cut) and the count at the right.
  const float qPx = t.basePx * 1.0f;
  for (const auto& [name, count] : v.waitingPerQueue) {
    if (y + qPx * 1.3f > H) break;
    const std::string n = std::to_string(count);
    const float nw = size(n, bold, qPx * 1.2f).x;
    putWithin(name, ImVec2(x, y), W - 2 * m - nw, t.fonts.body, qPx, colour::kText);
    put(n, ImVec2(W - m - nw, y - qPx * 0.1f), bold, qPx * 1.2f, colour::kDarkBlue);
    y += qPx * 1.45f;
  }
  ImGui::End();
}

}  // namespace longstop::ui::board
