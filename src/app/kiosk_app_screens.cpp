// The layers of KioskApp's screen stack (kiosk_app_screens.h), each what the app did for it when it
// was on top: drawing it, then what follows its frame (setup finished, the admin screen's outcome, a
// request for the staff or admin screens), and where its input goes.
#include "app/kiosk_app_screens.h"

#include <algorithm>
#include <cstdio>

#include "ui/admin/practice_banner.h"
#include "ui/fault_screen.h"
#include "ui/i18n.h"
#include "ui/staff/corner_hold.h"
#include "ui/theme.h"

namespace longstop::app {
namespace {
std::string number(auto e) {
  return std::to_string(static_cast<int>(e));
}
}  // namespace

// Why the site cannot be opened, instead of every screen; nothing is typed or scanned into it.
class KioskApp::FaultLayer final : public Screen {
 public:
  using Screen::Screen;
  bool showing() const override { return app_.fault_.has_value(); }
  std::string name() const override { return "fault"; }
  void frame() override {
    ui::beginScreenWindow("fault", ui::theme().body());
    ui::drawFaultScreen(*app_.fault_);
    ui::endScreenWindow();
  }
};

// First-boot setup, while the data directory holds no site.
class KioskApp::SetupLayer final : public Screen {
 public:
  using Screen::Screen;
  bool showing() const override { return app_.setup_ != nullptr; }
  std::string name() const override { return "setup " + number(app_.setup_->step()); }
  void frame() override {
    auto& setup = *app_.setup_;
    setup.frame();
    // A device that joined as the calling board is not a kiosk: the program starts the board instead
    // (main.cpp), and the wizard's last words stay until it does.
    if (setup.finished() && setup.joinedRole() == "board") app_.becameBoard_ = true;
    if (setup.finished() && !app_.becameBoard_) {
      if (setup.joinedRole() == "desk") app_.options_.desk = true;
      if (auto s = app_.openSite(app_.options_.dataDir); !s.ok())
        std::fprintf(stderr, "longstop: %s\n", s.error().message.c_str());
      else {
        app_.setup_.reset();
        app_.adminDesk_->endSetup();
      }
    }
  }
  void onText(std::string_view utf8) override { app_.setup_->onText(utf8); }
  void onKey(ui::Key k) override { app_.setup_->onKey(k); }
  void onScan(std::string_view text) override { app_.setup_->onScan(text); }
};

// The admin screen, over the console that opened it.
class KioskApp::AdminLayer final : public Screen {
 public:
  using Screen::Screen;
  bool showing() const override { return app_.admin_->active(); }
  std::string name() const override {
    const auto& s = app_.admin_->state();
    return "admin " + number(s.page) + " " + std::to_string(s.firstRow);
  }
  void frame() override {
    app_.admin_->frame();
    app_.applyAdminOutcome();
    if (app_.adminDesk_->drill()) ui::drawPracticeBanner("PRACTICE — not real patients");
  }
  void onText(std::string_view utf8) override { app_.admin_->onText(utf8); }
  void onKey(ui::Key k) override { app_.admin_->onKey(k); }
  void onScan(std::string_view text) override { app_.admin_->onScan(text); }
};

// The staff screens and the patient flow: the kiosk at work, with its idle clocks, the peers' events
// and the corner hold waking it.
class KioskApp::WorkLayer : public Screen {
 public:
  using Screen::Screen;
  bool tick(bool background, bool peers) override {
    const bool changed = ownTick() || background || peers;
    return changed || app_.corner_.since.has_value();
  }
  int64_t msUntilNextTick() const override {
    if (app_.corner_.since) return 100;  // a press on the corner is being held: watch it
    int64_t ms = ownMsUntilNextTick();
    // Replicating: a peer's urgent alert reaches the staff screens within a quarter of a second.
    if (app_.site_ && app_.site_->runner()) ms = std::min<int64_t>(ms, 250);
    return ms;
  }

 protected:
  virtual bool ownTick() = 0;
  virtual int64_t ownMsUntilNextTick() const = 0;
};

// Reception's screens, over the patient flow.
class KioskApp::StaffLayer final : public WorkLayer {
 public:
  using WorkLayer::WorkLayer;
  bool showing() const override { return app_.staff_ && app_.staff_->active(); }
  std::string name() const override { return "staff " + number(app_.staff_->screen()); }
  void frame() override {
    app_.staff_->frame();
    if (auto who = app_.staff_->takeAdminRequest()) app_.openAdmin(who->id, who->name);
    app_.drawDrillBanner();
  }
  void onText(std::string_view utf8) override { app_.staff_->onText(utf8); }
  void onKey(ui::Key k) override { app_.staff_->onKey(k); }
  void onScan(std::string_view text) override { app_.staff_->onScan(text); }
  void noteActivity() override { app_.staff_->noteActivity(); }

 private:
  bool ownTick() override { return app_.staff_->tick(); }
  int64_t ownMsUntilNextTick() const override { return app_.staff_->msUntilNextTick(); }
};

// The patients' screens, at the bottom: always there once nothing else shows.
class KioskApp::PatientLayer final : public WorkLayer {
 public:
  using WorkLayer::WorkLayer;
  bool showing() const override { return true; }
  std::string name() const override {
    const ui::FlowState& f = app_.flow_->state();
    std::string name = "patient " + number(f.screen);
    if (f.screen == ui::Screen::kDetails) name += " " + number(f.details.step);
    if (f.screen == ui::Screen::kWalkIn) name += " " + number(f.walkIn.step);
    // A page of the language list puts other languages where the last page's were.
    if (f.screen == ui::Screen::kLanguage) name += " " + std::to_string(f.languagePage);
    // The countdown takes the top bar: the press that dismisses it on "I need more time" must not lift
    // on the "Start again" that comes back under the finger.
    if (app_.flow_->countdownShowing()) name += " countdown";
    // Larger text, high contrast and a language move or relabel every button under the finger.
    return name + (f.largerText ? " larger" : "") + (f.highContrast ? " contrast" : "") + " " +
           ui::currentLanguage();
  }
  void frame() override {
    ui::PatientFlow& flow = *app_.flow_;
    flow.frame();
    // With the staff screens off the corner is not even watched: a long press there is a patient's.
    if ((app_.staffScreens_ || app_.services_->locked()) && flow.screen() == ui::Screen::kWelcome &&
        ui::staff::drawCornerHold(app_.clock_->now().unixMs, app_.corner_))
      flow.requestStaffSignIn();
    app_.takeStaffRequest();
    app_.drawDrillBanner();
  }
  void onText(std::string_view utf8) override { app_.flow_->onText(utf8); }
  void onKey(ui::Key k) override { app_.flow_->onKey(k); }
  void onScan(std::string_view text) override {
    app_.flow_->onScan(text);
    app_.takeStaffRequest();
  }
  bool onKeypad(ui::KeypadKey k, char digit) override { return app_.flow_->onKeypad(k, digit); }
  void noteActivity() override { app_.flow_->noteActivity(); }

 private:
  bool ownTick() override { return app_.flow_->tick(); }
  int64_t ownMsUntilNextTick() const override { return app_.flow_->msUntilNextTick(); }
};

void KioskApp::buildScreens() {
  screens_.push_back(std::make_unique<PatientLayer>(*this));
  screens_.push_back(std::make_unique<StaffLayer>(*this));
  screens_.push_back(std::make_unique<AdminLayer>(*this));
  screens_.push_back(std::make_unique<SetupLayer>(*this));
  faultScreen_ = screens_.emplace_back(std::make_unique<FaultLayer>(*this)).get();
}

KioskApp::Screen& KioskApp::top() const {
  for (auto it = screens_.rbegin(); it != screens_.rend(); ++it)
    if ((*it)->showing()) return **it;
  return *screens_.front();
}

bool KioskApp::patientsShowing() const {
  return &top() == screens_.front().get();
}

void KioskApp::drawDrillBanner() {
  auto drill = adminDesk_->drill();
  if (!drill) return;
  noteDrillStep();
  // Over every patient and staff screen; staff also see the practice card's PIN.
  ui::drawPracticeBanner(staff_->active()
                             ? "PRACTICE — not real patients. Practice card PIN " + drill->practicePin
                             : std::string("PRACTICE — not real patients"));
}

}  // namespace longstop::app
