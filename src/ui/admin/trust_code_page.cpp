// This kiosk's trust code for the receiving PC: the code in words a person can read and type, and the
// same as a QR code for longstop-batch trust add --image.
#include <cfloat>
#include <cmath>

#include <algorithm>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/admin/pages.h"
#include "ui/qr_code.h"
#include "ui/setup/form.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui::admin {

// The code as text on the left and as a QR code as large as the right-hand side allows. The words are
// at body size where they fit, else at the console's smaller size (800x480).
AdminIntent drawTrustCode(const Rect& area, const AdminState& s) {
  const Theme& t = theme();
  const float room = area.height() - setup::navRowHeight() - t.gap();
  const float side = std::min(room, area.width() * 0.42f);
  const float textW = area.width() - side - t.margin();
  const std::string words =
      "The PC that receives this kiosk's batches accepts only those signed by a key it has been told to "
      "trust. On "
      "that PC, run  longstop-batch trust add  with this code, or  longstop-batch trust add --image  with a "
      "photo "
      "of the QR code.";
  const std::string code = trustCodeForReading(s.trustCode);
  auto tall = [&](const std::string& text, ImFont* font, float size) {
    return font->CalcTextSizeA(size, FLT_MAX, textW, text.data(), text.data() + text.size()).y;
  };
  float y = area.min.y;
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped("Code for the receiving PC", textW, t.heading(), colour::kDarkBlue) + t.gap();
  float size = t.body()->FontSize;
  ImFont* codeFont = t.fonts.heading;
  if (y + tall(words, t.body(), size) + tall(code, codeFont, size) + t.gap() > area.min.y + room) {
    // Smaller, but no smaller than any label gets, and the code in the body font at that size.
    size = std::ceil(t.body()->FontSize * kMinLabelScale);
    codeFont = t.body();
  }
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  y += textWrapped(words, textW, t.body(), colour::kText, size) + t.gap();
  ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
  (void)textWrapped(code, textW, codeFont, colour::kDarkBlue, size);
  if (s.trustQr) {
    const float q = qrSide(*s.trustQr, side);
    drawQr(*s.trustQr, ImVec2(area.max.x - side + (side - q) / 2, area.min.y + (room - q) / 2), side);
  } else {
    ImGui::SetCursorScreenPos(ImVec2(area.max.x - side, area.min.y));
    (void)setup::drawMessage("The QR code could not be made here; type the code instead.", side);
  }
  if (setup::drawNavRow(area, "Back", "", "") == -1) return intent::Home{};
  return {};
}

void AdminScreen::on(const intent::OpenTrustCode&) {
  auto code = services_.trustCode();
  if (!code.ok()) {
    s_.message = code.error().message;
    return;
  }
  s_.trustCode = code.value();
  auto qr = qr::encode(s_.trustCode, qr::Segments::kSmallest);
  s_.trustQr = qr.ok() ? std::optional<QrMatrix>(std::move(qr.value())) : std::nullopt;
  s_.page = AdminPage::kTrustCode;
}

}  // namespace longstop::ui::admin
