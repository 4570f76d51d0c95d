#include "ui/staff/export.h"

#include <algorithm>
#include <cmath>

#include "ui/staff/staff_chrome.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::staff {
namespace {
// NHS green: white text on it is 5.1:1.
constexpr ImU32 kGreen = colour::rgb(0x007F3B);

std::string checkinsText(int64_t n) {
  if (n == 0) return "Every check-in is already in a batch.";
  return std::to_string(n) + (n == 1 ? " check-in is" : " check-ins are") + " not yet in a batch.";
}
}  // namespace

float drawProgress(const std::string& task, const std::string& stage, int64_t done, int64_t total,
                   bool finished, ImVec2 pos, float width) {
  const Theme& t = theme();
  ImGui::SetCursorScreenPos(pos);
  float y = pos.y + textWrapped(task, width, t.fonts.body, colour::kDarkBlue) + t.gap() * 0.5f;
  float h = std::round(t.basePx * 1.2f);
  float f = finished ? 1.0f : total > 0 ? std::clamp(float(done) / float(total), 0.0f, 1.0f) : 0.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + width, y + h), colour::kPaleBlue, t.basePx * 0.15f);
  if (f > 0)
    dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + width * f, y + h), colour::kBlue, t.basePx * 0.15f);
  dl->AddRect(ImVec2(pos.x, y), ImVec2(pos.x + width, y + h), colour::kGreyBorder, t.basePx * 0.15f);
  std::string label = stage + " - " + std::to_string(static_cast<int>(std::round(f * 100))) + "%";
  float px = listPx();
  ImVec2 ts = t.fonts.heading->CalcTextSizeA(px, FLT_MAX, 0, label.c_str());
  ImVec2 at(pos.x + t.gap(), y + (h - ts.y) / 2);
  // The same words white over the filled part and dark over the rest, so every letter stays readable.
  const float split = pos.x + width * f;
  ImGui::PushClipRect(ImVec2(pos.x, y), ImVec2(split, y + h), true);
  ImGui::GetWindowDrawList()->AddText(t.fonts.heading, px, at, colour::kTextOnDark, label.c_str());
  ImGui::PopClipRect();
  ImGui::PushClipRect(ImVec2(split, y), ImVec2(pos.x + width, y + h), true);
  ImGui::GetWindowDrawList()->AddText(t.fonts.heading, px, at, colour::kText, label.c_str());
  ImGui::PopClipRect();
  if (WidgetLog* log = widgetLog()) {  // recorded once, for scripts
    WidgetRecord r;
    r.label = label;
    r.min = at;
    r.max = ImVec2(at.x + ts.x, at.y + ts.y);
    log->add(std::move(r));
  }
  return y + h - pos.y;
}

StaffIntent drawExport(const ExportView& v) {
  StaffIntent in;
  Rect area;
  if (drawStaffBar("Export for re-entry", {"Back to list"}, &area) == 0) in = intent::Back{};
  const Theme& t = theme();
  const ExportState& e = v.exp;
  const bool busy = e.working != ExportState::Work::kNone;
  const bool hasKey = e.status && !e.status->recipientKeyId.empty();

  // The buttons in a column on the right, the state of things on the left.
  const float bw =
      std::min(area.width() * 0.36f, std::max({buttonWidth("Make batch"), buttonWidth("Copy to USB stick"),
                                               buttonWidth("Show as QR codes")}));
  const float bh = t.target() * 0.8f;
  const float leftW = area.width() - bw - t.gap() * 2;
  float by = area.min.y;
  auto columnButton = [&](const char* label, bool enabled, ButtonStyle style, StaffIntent pressedIn) {
    ImGui::SetCursorScreenPos(ImVec2(area.max.x - bw, by));
    if (button(label, ImVec2(bw, bh), style, enabled)) in = pressedIn;
    by += bh + t.gap();
  };
  const bool canMake = hasKey && e.status->unexported > 0 && !busy;
  columnButton("Make batch", canMake, ButtonStyle::kPrimary, intent::MakeBatch{});
  columnButton("Copy to USB stick", v.seq > 0 && !busy, ButtonStyle::kSecondary, intent::CopyToUsb{});
  columnButton("Show as QR codes", v.seq > 0 && !busy, ButtonStyle::kSecondary, intent::ShowQr{});

  float y = area.min.y;
  auto line = [&](const std::string& s, ImFont* font, ImU32 col) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    y += textWrapped(s, leftW, font, col) + t.gap();
  };
  if (e.status) {
    line(checkinsText(e.status->unexported), t.fonts.heading, colour::kText);
    if (hasKey)
      line("Sealed to key " + e.status->recipientKeyId +
               (e.status->recipientSetBy.empty() ? std::string() : " (" + e.status->recipientSetBy + ")") +
               ".",
           t.fonts.body, colour::kText);
    else
      line(kNoRecipientText, t.fonts.body, colour::kRed);
  }
  if (e.made)
    line("Batch " + std::to_string(e.made->seq) + " is made: " + std::to_string(e.made->records) +
             (e.made->records == 1 ? " check-in." : " check-ins."),
         t.fonts.body, colour::kText);
  else if (v.seq > 0)
    line("The last batch made is batch " + std::to_string(v.seq) + ".", t.fonts.body, colour::kText);
  if (v.seq > 0 && !e.safeToRemove && !busy)
    line(e.media.empty() ? "No USB stick is plugged in." : "USB stick found: " + e.media.front().string(),
         t.fonts.body, e.media.empty() ? colour::kGreyBorder : colour::kText);

  y = std::max(y, by);
  if (!e.task.empty()) {
    y += drawProgress(e.task, e.stage, e.done, e.total, e.finished, ImVec2(area.min.x, y), area.width()) +
         t.gap();
  }
  if (e.safeToRemove) {
    y += drawBanner("Safe to remove the USB stick.", area.min.x, area.max.x, y, kGreen, colour::kTextOnDark) +
         t.gap();
  }
  if (!v.message.empty() || !v.notice.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    const std::string& s = v.message.empty() ? v.notice : v.message;
    y += textWrapped(s, area.width(), t.fonts.body, v.message.empty() ? colour::kDarkBlue : colour::kRed);
  }
  return in;
}

}  // namespace longstop::ui::staff
