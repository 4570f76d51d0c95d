#include "ui/screens/scan.h"

#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

ScanIntent drawScan() {
  Rect area;
  Nav nav = drawChrome(tr("Hold your code up to the camera"), true, true, &area);
  ImGui::SetCursorScreenPos(area.min);
  textWrapped(tr("Use the code from your appointment letter or text message. Hold it still, about a hand's "
                 "width from the screen."),
              area.width());
  if (nav == Nav::kBack) return ScanIntent::kBack;
  if (nav == Nav::kStartAgain) return ScanIntent::kStartAgain;
  return ScanIntent::kNone;
}

}  // namespace longstop::ui
