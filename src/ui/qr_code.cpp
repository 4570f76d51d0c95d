#include "ui/qr_code.h"

#include <cmath>

#include "ui/theme.h"

namespace longstop::ui {
namespace {
constexpr int kQuietZone = 4;
}  // namespace

float qrSide(const QrMatrix& m, float maxSide) {
  int total = m.size + 2 * kQuietZone;
  float module = std::floor(maxSide / total);
  return module < 1 ? 0 : module * total;
}

void drawQr(const QrMatrix& m, ImVec2 topLeft, float maxSide) {
  int total = m.size + 2 * kQuietZone;
  float module = std::floor(maxSide / total);
  if (module < 1) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 o(std::floor(topLeft.x), std::floor(topLeft.y));
  dl->AddRectFilled(o, ImVec2(o.x + module * total, o.y + module * total), colour::kQrLight);
  dl->AddRect(o, ImVec2(o.x + module * total, o.y + module * total), colour::kGreyBorder);
  for (int y = 0; y < m.size; ++y) {
    int x = 0;
    while (x < m.size) {
      if (!m.at(x, y)) {
        ++x;
        continue;
      }
      int run = x;
      while (run < m.size && m.at(run, y)) ++run;  // one rectangle per run of dark modules
      ImVec2 a(o.x + (kQuietZone + x) * module, o.y + (kQuietZone + y) * module);
      ImVec2 b(o.x + (kQuietZone + run) * module, a.y + module);
      dl->AddRectFilled(a, b, colour::kQrDark);
      x = run;
    }
  }
}

}  // namespace longstop::ui
