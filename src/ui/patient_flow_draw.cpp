// The flow's drawing: one full-screen ImGui window, the current screen, the idle countdown on top.
#include <imgui.h>

#include "core/date.h"
#include "ui/admin/practice_banner.h"
#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/patient_flow.h"
#include "ui/staff/locked.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace longstop::ui {

void PatientFlow::frame() {
  theme().largerText = s_.largerText;
  theme().highContrast = s_.highContrast;
  beginScreenWindow("kiosk", theme().body());
  cameraDrawn_ = Rect{};
  const std::string drawnKey = spokenKey();
  if (drawnKey != drawnKey_) guide_.resetScreen();
  drawnKey_ = drawnKey;
  guide_.setKeysSecret(secretDigits() >= 0);
  if (s_.listen) {
    guide_.beginFrame();
    setGuide(&guide_);
  }
  const std::optional<int> countdown = countdownShowing() ? countdownSeconds() : std::nullopt;
  setCountdownShowing(countdown.has_value());
  switch (s_.screen) {
    case Screen::kWelcome: {
      int64_t minutes = clock_.now().localMinutes();
      if (services_.locked()) {
        if (staff::drawLocked({services_.site().name, core::formatClockTime(minutes)}) ==
            staff::LockedIntent::kStaffStart)
          requestStaffSignIn();
        break;
      }
      apply(drawWelcome({services_.site().name, core::formatClockTime(minutes), s_.largerText,
                         s_.highContrast, s_.listen}));
      break;
    }
    case Screen::kLanguage:
      apply(drawLanguage({currentLanguage(), s_.languagePage}));
      break;
    case Screen::kHasAppointment:
      apply(drawHasAppointment(camera_.reader));
      break;
    case Screen::kDetails:
      apply(drawDetails(s_.details));
      break;
    case Screen::kNhsNumber:
      apply(drawNhsNumber({s_.nhs, tr("What is your NHS number?"), tr("Find my appointment"), nullptr}));
      break;
    case Screen::kScan:
      apply(drawScan(camera_, &cameraDrawn_));
      break;
    case Screen::kConfirm:
      apply(drawConfirm({s_.matched ? s_.matched->time : "", s_.matched ? s_.matched->clinician : ""}));
      break;
    case Screen::kMessage:
      apply(drawMessage(s_.message));
      break;
    case Screen::kWalkIn: {
      // The walk-in queue first: it is what most walk-ins want.
      std::vector<core::QueueDef> queues;
      for (const auto& q : services_.site().queues)
        if (q.id == services_.site().walkInQueueId) queues.push_back(q);
      for (const auto& q : services_.site().queues)
        if (q.id != services_.site().walkInQueueId) queues.push_back(q);
      apply(drawWalkIn({s_.walkIn, queues}));
      break;
    }
    case Screen::kSafety:
      apply(drawSafety());
      break;
    case Screen::kTicket:
      if (s_.ticket)
        apply(
            drawTicket({*s_.ticket, s_.qr ? &*s_.qr : nullptr,
                        printing_ && s_.printJob ? printing_->progress(s_.printJob) : PrintProgress::kOff}));
      else
        reset(false);
      break;
  }
  if (countdown && drawCountdown(*countdown)) noteActivity();
  if (guide() == &guide_) {
    setGuide(nullptr);
    guide_.endFrame();
    speakAfterFrame(drawnKey);
  }
  setCountdownShowing(false);
  if (!banner_.empty()) drawPracticeBanner(banner_);
  if (s_.highContrast) applyHighContrast(ImGui::GetWindowDrawList());
  endScreenWindow();
}

}  // namespace longstop::ui
