#include "app/kiosk_app.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <SDL.h>

#include "app/join_network.h"
#include "app/kiosk_app_screens.h"
#include "app/png.h"
#include "service/data_dir.h"
#include "service/device_role.h"
#include "service/high_water.h"
#include "service/queue_view.h"
#include "service/settings.h"
#include "ui/input.h"

namespace longstop::app {
namespace {
double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

// Stands in for the site during first-boot setup, so flow() always has a flow to return; nothing
// reaches it because the wizard takes every frame and every input until the site exists.
class NoSiteYet final : public service::KioskServices {
 public:
  const service::SiteInfo& site() const override { return info_; }
  core::Result<service::MatchAnswer> findAppointment(const service::DetailsQuery&) override { return none(); }
  core::Result<service::MatchAnswer> findAppointmentByNhsNumber(const core::NhsNumber&) override {
    return none();
  }
  core::Result<service::Ticket> checkInAppointment(const std::string&, bool) override { return none(); }
  core::Result<service::Ticket> checkInWalkIn(const service::WalkInRequest&, bool) override { return none(); }

 private:
  static core::Error none() { return core::invalidInput("This kiosk is not set up yet."); }
  service::SiteInfo info_;
};
// Wakes the frame loop when a print job has ended, so the ticket screen says so at once.
std::function<void()> wakeForPrinter() {
  static const uint32_t type = SDL_RegisterEvents(1);
  return [] {
    SDL_Event e{};
    e.type = type;
    SDL_PushEvent(&e);
  };
}
}  // namespace

KioskApp::KioskApp() {
  buildScreens();
}

KioskApp::~KioskApp() {
  if (speech_) speech_->playOut();
}

core::Result<std::unique_ptr<KioskApp>> KioskApp::open(const AppOptions& o, const core::Clock& clock) {
  std::unique_ptr<KioskApp> app(new KioskApp());
  app->clock_ = &clock;
  app->options_ = o;
  app->adminDesk_ = std::make_unique<service::AdminDesk>(o.dataDir, clock);
  app->admin_ = std::make_unique<ui::admin::AdminScreen>(*app->adminDesk_, clock);
  app->debouncer_ = std::make_unique<service::ScanDebouncer>(clock);
  app->printer_ = std::make_unique<KioskPrinter>(clock, wakeForPrinter());
  app->adminDesk_->setJoinNetwork(realJoinNetwork());
  // Spoken guidance; $LONGSTOP_SPEECH_LOG (tests) keeps what it was given to say.
  const char* speechLog = std::getenv("LONGSTOP_SPEECH_LOG");
  app->speech_ = std::make_unique<SpeechOutput>(speechLog ? speechLog : "");
  app->admin_->setPrinting(app->printer_.get());
  DisplayOptions display_options = o.display;
  // Setup only over a directory with nothing of Longstop's in it; a site that cannot be opened shows
  // why and stays up (exiting would have systemd restart it, and at last reboot the board, in a loop).
  const service::DataDirReport found = service::probeDataDir(o.dataDir);
  if (found.state == service::DataDirState::kSite) {
    if (auto s = app->openSite(o.dataDir); !s.ok()) {
      app->fault_ = s.error().message;
    } else {
      app->noteCardFault();
      auto rotation = service::getSetting(app->services_->siteData(), "screen.rotation");
      if (rotation.ok()) display_options.rotation = std::atoi(rotation.value().c_str());
    }
  } else if (found.state == service::DataDirState::kEmpty) {
    app->setup_ = std::make_unique<ui::setup::SetupWizard>(*app->adminDesk_, clock);
    app->setup_->setPrinting(app->printer_.get());
  } else {
    app->fault_ = found.message;
  }
  if (!app->services_) {
    static NoSiteYet noSite;
    app->flow_ = std::make_unique<ui::PatientFlow>(noSite, clock);
  }
  if (app->fault_) std::fprintf(stderr, "longstop: %s\n", app->fault_->c_str());
  if (o.rotation) display_options.rotation = *o.rotation;
  app->adminDesk_->setSessionSource(
      [raw = app.get()]() { return raw->desk_ ? raw->desk_->activeSession() : nullptr; });
  if (o.testAdmin && app->services_) {
    // The service acts only as an administrator: scripts lend it the test site's recovery code.
    if (!o.testRecoveryCode.empty()) {
      auto admin = service::recoverySession(app->services_->siteData(), o.testRecoveryCode);
      if (!admin.ok()) return admin.error();
      app->adminDesk_->TEST_useSession(std::move(admin.value()));
    }
    app->admin_->open("TEST", "Test administrator");
  }
  auto display = Display::open(display_options);
  if (!display.ok()) return display.error();
  app->display_ = std::move(display.value());
  ui::setWidgetLog(&app->widgets_);
  if (app->services_) app->openScanInput();
  if (o.sound) app->audio_ = AudioOutput::open();
  return app;
}

core::Status KioskApp::openSite(const std::filesystem::path& dir) {
  staff_.reset();
  workGate_ = nullptr;  // the desk's, going with it
  desk_.reset();
  flow_.reset();
  printer_->setKiosk(nullptr);
  services_.reset();
  auto kiosk = service::openKiosk(dir, *clock_);
  if (!kiosk.ok()) return kiosk.error();
  services_ = std::move(kiosk.value());
  if (options_.refuseWrites) {
    if (auto s = services_->TEST_refuseWrites(); !s.ok()) return s;
  }
  if (options_.testLocked) services_->TEST_lock();
  flow_ = std::make_unique<ui::PatientFlow>(*services_, *clock_);
  flow_->setSpeech(speech_.get());
  desk_ = std::make_unique<service::StaffDesk>(*services_, options_.listFolder);
  if (!options_.testMedia.empty()) desk_->TEST_useMediaFolder(options_.testMedia);
  workGate_ = options_.testWorkPaceMs > 0 ? &desk_->TEST_stepWork(options_.testWorkPaceMs) : nullptr;
  staff_ = std::make_unique<ui::staff::StaffConsole>(*desk_, *clock_);
  flow_->setCodeLookup(desk_.get());
  printer_->setKiosk(services_.get());
  flow_->setPrinting(printer_.get());
  staff_->setPrinting(printer_.get());
  checkStaffScreens(true);
  return core::okStatus();
}

void KioskApp::openAdmin(const std::string& staffId, const std::string& staffName) {
  admin_->open(staffId, staffName);
}

void KioskApp::setOnShown(std::function<void(std::string_view, std::string_view)> f) {
  onShown_ = std::move(f);
  if (setup_) setup_->setOnShown(onShown_);
}

void KioskApp::applyAdminOutcome() {
  switch (admin_->takeOutcome()) {
    case ui::admin::AdminOutcome::kDrillStarted:
    case ui::admin::AdminOutcome::kDrillEnded:
      // The kiosk follows the drill: its own database while it runs, the real one (untouched) after.
      if (auto s = openSite(adminDesk_->activeDataDir()); !s.ok())
        std::fprintf(stderr, "longstop: %s\n", s.error().message.c_str());
      if (auto d = adminDesk_->drill(); d && onShown_) {
        onShown_("PRACTICE_CARD", d->practiceCard);
        onShown_("PRACTICE_PIN", d->practicePin);
      }
      drillCheckInStartMs_.reset();
      break;
    case ui::admin::AdminOutcome::kClose:
    case ui::admin::AdminOutcome::kNone:
      break;
  }
}

void KioskApp::noteDrillStep() {
  if (!adminDesk_->drill() || !flow_) return;
  int64_t now = clock_->now().unixMs;
  if (flow_->screen() == ui::Screen::kWelcome) {
    drillCheckInStartMs_.reset();
  } else if (flow_->screen() == ui::Screen::kTicket) {
    if (drillCheckInStartMs_)
      (void)adminDesk_->recordDrillStep("patient check-in", now - *drillCheckInStartMs_, false, "");
    drillCheckInStartMs_.reset();
  } else if (!drillCheckInStartMs_) {
    drillCheckInStartMs_ = now;
  }
}

namespace {
// Posted by the scan thread so that SDL_WaitEventTimeout wakes for a code.
uint32_t scanWakeEvent() {
  static const uint32_t type = SDL_RegisterEvents(1);
  return type;
}
}  // namespace

void KioskApp::openScanInput() {
  ScanInputConfig c;
  c.cameraFiles = options_.cameraFiles;
  if (options_.hardwareScanners) {
    service::Site& site = services_->siteData();
    c.cameraDevice = service::getSetting(site, "camera.device").value_or("none");
    c.scannerDevice = service::getSetting(site, "scanner.device").value_or("none");
    const std::string size = service::getSetting(site, "camera.size").value_or("1280x720");
    if (auto x = size.find('x'); x != std::string::npos) {
      c.cameraWidth = std::atoi(size.c_str());
      c.cameraHeight = std::atoi(size.c_str() + x + 1);
    }
  }
  if (c.cameraFiles.empty() && c.cameraDevice == "none" && c.scannerDevice == "none") return;
  scanWakeEvent();
  scanInput_ = std::make_unique<ScanInput>(
      c,
      [] {
        SDL_Event e{};
        e.type = scanWakeEvent();
        SDL_PushEvent(&e);
      },
      [](const scan::DeviceEvent& d) { std::fprintf(stderr, "longstop: %s\n", d.message.c_str()); });
}

bool KioskApp::takeScans() {
  if (!scanInput_) return false;
  // The camera reads on the patients' scan screen, and where staff scan a batch's acknowledgement or the
  // receiving organisation's key.
  scanInput_->setCameraWanted((!staff_->active() && flow_->screen() == ui::Screen::kScan) ||
                              (staff_->active() && staff_->screen() == ui::staff::StaffScreen::kExport) ||
                              admin_->state().page == ui::admin::AdminPage::kRecipient);
  bool any = false;
  while (auto text = scanInput_->poll()) {
    onScan(*text);
    any = true;
  }
  return any;
}

// The camera's picture on the patients' scan screen: the newest one is taken from the scan thread when
// it arrives, and it is dropped as soon as the screen is left, so the next patient never sees it.
void KioskApp::updatePreview() {
  const bool showing = patientsShowing() && flow_->screen() == ui::Screen::kScan;
  ui::CameraView view;
  if (scanInput_) {
    scanInput_->setPreviewWanted(showing);
    if (!preview_) preview_ = std::make_unique<PreviewTexture>(display_->renderer());
    if (!showing)
      preview_->clear();
    else if (auto picture = scanInput_->takePreview())
      (void)preview_->update(*picture);
    view.available = scanInput_->cameraAvailable();
    view.faulty = scanInput_->cameraFaulty();
    view.picture = preview_->picture();
    view.width = preview_->width();
    view.height = preview_->height();
  }
  // "I have a code to scan" is offered only where something can read the code.
  view.reader =
      options_.testHandScanner || (scanInput_ && (scanInput_->cameraAvailable() || scanInput_->hasScanner()));
  flow_->setCamera(view);
}

bool KioskApp::holdsCameraPicture() const {
  return scanInput_ && ((preview_ && preview_->picture()) || scanInput_->previewWaiting());
}

double KioskApp::frame(const std::optional<Pointer>& pointer, Image* capture) {
  double start = threadCpuMs();
  drawFrame(pointer ? *pointer : pointer_.next());
  (void)display_->endFrame(capture);
  return threadCpuMs() - start;
}

void KioskApp::drawFrame(const Pointer& pointer) {
  const int64_t now = clock_->now().unixMs;
  widgets_.clear();
  display_->beginFrame(gate_.filter(pointer, now));
  drawScreens();
  gate_.noteScreen(screenName(), now);
}

std::string KioskApp::screenName() const {
  return top().name();
}

std::vector<double> KioskApp::runFrames(int n) {
  std::vector<double> ms;
  ms.reserve(static_cast<size_t>(std::max(0, n)));
  for (int i = 0; i < n; ++i) ms.push_back(frame());
  return ms;
}

core::Status KioskApp::screenshot(const std::filesystem::path& png) {
  Image image;
  drawFrame(pointer_.next());
  if (auto s = display_->endFrame(&image); !s.ok()) return s;
  return writePng(image, png);
}

void KioskApp::drawScreens() {
  if (faultScreen_->showing()) return faultScreen_->frame();
  updatePreview();
  // A reception desk shows staff sign-in where a kiosk shows Welcome: never the patient screens.
  if (options_.desk && patientsShowing()) staff_->open();
  top().frame();
}

void KioskApp::onText(std::string_view utf8) {
  top().onText(utf8);
}

void KioskApp::onKey(ui::Key k) {
  top().onKey(k);
}

bool KioskApp::onKeypad(ui::KeypadKey k, char digit) {
  return top().onKeypad(k, digit);
}

void KioskApp::onScan(std::string_view text) {
  if (faultScreen_->showing() || !debouncer_->accept(text)) return;
  top().onScan(text);
}

void KioskApp::takeStaffRequest() {
  auto card = flow_->takeStaffRequest();
  if (!card) return;
  if (!staffScreens_ && !services_->locked()) return;
  flow_->reset(false);
  staff_->open(*card);
}

void KioskApp::checkStaffScreens(bool now) {
  if (!services_) return;
  const int64_t at = clock_->now().unixMs;
  if (!now && staffScreensCheckedMs_ && at >= *staffScreensCheckedMs_ &&
      at - *staffScreensCheckedMs_ < kSiteCheckMs)
    return;
  staffScreensCheckedMs_ = at;
  staffScreens_ = service::kioskStaffScreens(services_->siteData());
  if (!staffScreens_) corner_ = {};
}

void KioskApp::noteActivity() {
  top().noteActivity();
}

// The mark is written away from any check-in's commit (no fsync is added to one): once a minute at most
// while the log grows, and at a clean stop. What was acknowledged since the last mark can still be
// lost unseen; docs/decisions.md says why a minute.
void KioskApp::markHighWater(bool now) {
  if (!services_ || services_->locked() || fault_) return;
  const int64_t at = clock_->now().unixMs;
  if (!now && markCheckedMs_ && at >= *markCheckedMs_ && at - *markCheckedMs_ < kMarkEveryMs) return;
  markCheckedMs_ = at;
  service::Site& site = services_->siteData();
  auto st = site.db().prepare("SELECT coalesce(max(seq), 0) FROM events");
  if (!st.ok() || !st->step().ok()) return;
  const int64_t newest = st->columnInt(0);
  st->reset();
  if (newest == markedSeq_) return;
  if (auto m = service::writeHighWater(site); m.ok())
    markedSeq_ = newest;
  else
    std::fprintf(stderr, "longstop: %s\n", m.error().message.c_str());
}

void KioskApp::checkUrgentAlarm() {
  if (!services_) return;
  const int64_t now = clock_->now().unixMs;
  if (alarmCheckedMs_ && now >= *alarmCheckedMs_ && now - *alarmCheckedMs_ < 1000) return;
  alarmCheckedMs_ = now;
  auto pending = service::pendingAlerts(services_->siteData());
  if (!pending.ok() || !alarm_.due(pending.value(), now)) return;
  ++urgentAlarms_;
  if (audio_) audio_->play(makeUrgentTone(audio_->rate()));
}

// `longstopctl unlock` puts this boot's keys in the kernel keyring from another process: the locked
// screen looks there once a second and gives way to Welcome without a restart. An unlocked kiosk looks
// as often for keys renewed by a revocation (`longstopctl staff revoke`), and takes them up if the
// signed log names them.
bool KioskApp::checkSavedKeys() {
  if (!services_) return false;
  const int64_t now = clock_->now().unixMs;
  if (keysCheckedMs_ && now >= *keysCheckedMs_ && now - *keysCheckedMs_ < 1000) return false;
  keysCheckedMs_ = now;
  if (!services_->locked()) return services_->siteData().followRenewedKeys();
  return services_->siteData().adoptSavedKeys();
}

// A fault may pass (a card put back, a database a maintenance command held): every kFaultRetryMs the
// kiosk looks again, and opens the site, or first-boot setup over an empty directory, once it can.
bool KioskApp::retryFault() {
  if (!fault_) return false;
  const int64_t now = clock_->now().unixMs;
  if (faultCheckedMs_ && now >= *faultCheckedMs_ && now - *faultCheckedMs_ < kFaultRetryMs) return false;
  faultCheckedMs_ = now;
  // A full or read-only card: the site is opened again only once the card has room and can be written.
  if (cardFault_ && !service::cardRefusal(options_.dataDir).empty()) return false;
  const service::DataDirReport found = service::probeDataDir(options_.dataDir);
  if (found.state == service::DataDirState::kEmpty) {
    setup_ = std::make_unique<ui::setup::SetupWizard>(*adminDesk_, *clock_);
    setup_->setOnShown(onShown_);
    setup_->setPrinting(printer_.get());
  } else if (found.state != service::DataDirState::kSite) {
    fault_ = found.message;
    return false;
  } else if (auto s = openSite(options_.dataDir); !s.ok()) {
    fault_ = s.error().message;
    return false;
  } else if (const auto& why = services_->siteData().db().writeRefusal()) {
    fault_ = *why;
    return false;
  } else {
    openScanInput();
  }
  fault_.reset();
  cardFault_ = false;
  return true;
}

// A card that refuses writes (full, read-only) is a fault like any other for patients: they are sent to
// reception before they start, not refused at the end. Whatever it already holds stays readable and
// kept; the kiosk looks again every kFaultRetryMs.
bool KioskApp::noteCardFault() {
  if (fault_ || !services_) return false;
  const store::Database& db = services_->siteData().db();
  const auto& why = db.writeRefusal() ? db.writeRefusal() : db.cardFault();
  if (!why) return false;
  fault_ = *why +
           " The check-ins already taken are kept; this kiosk takes check-ins again by itself once the "
           "card can be written.";
  cardFault_ = true;
  faultCheckedMs_ = clock_->now().unixMs;
  std::fprintf(stderr, "longstop: %s\n", fault_->c_str());
  return true;
}

void KioskApp::stepSite() {
  // Once there is a site in the data directory (opened at start, after setup, or after a fault).
  if (!site_ && services_ && !setup_ && !fault_) site_ = std::make_unique<SiteReplication>(options_.dataDir);
  if (!site_) return;
  auto s = site_->step(clock_->now());
  const std::string problem = s.ok() ? "" : s.error().message;
  if (!problem.empty() && problem != siteProblem_)
    std::fprintf(stderr, "longstop: the site's replication: %s\n", problem.c_str());
  siteProblem_ = problem;
}

bool KioskApp::followPeers() {
  const replica::SiteRunner* runner = site_ ? site_->runner() : nullptr;
  if (!runner || !services_ || fault_ || setup_) return false;
  const int64_t now = clock_->now().unixMs;
  health_.noteLinks(runner->status(), now);
  bool changed = false;
  auto st = services_->siteData().db().prepare("PRAGMA data_version");
  if (st.ok() && st->step().ok()) {
    const int64_t v = st->columnInt(0);
    st->reset();
    if (v != dataVersion_) {
      dataVersion_ = v;
      health_.noteConflicts(services_->siteData());
      if (staff_->active()) staff_->refreshNow();
      changed = staff_->active();
    }
  }
  std::string line = health_.text(clock_->now());
  if (line != healthShown_) {
    staff_->setSiteHealth(line);
    healthShown_ = std::move(line);
    changed = changed || staff_->active();
  }
  return changed;
}

bool KioskApp::tick() {
  const bool printed = printer_->step();
  stepSite();
  checkStaffScreens(false);
  const bool peers = followPeers();
  if (options_.desk && services_ && patientsShowing()) {
    staff_->open();
    return true;
  }
  if (retryFault()) return true;
  if (noteCardFault()) return true;
  checkUrgentAlarm();
  markHighWater(false);
  const bool keys = checkSavedKeys();
  return top().tick(keys || printed, peers);
}

int64_t KioskApp::msUntilNextTick() const {
  // A print job in flight is given up on the app's clock: the loop wakes for that too.
  const int64_t screens = top().msUntilNextTick();
  const int64_t printing = printer_->msUntilStep();
  return printing >= 0 ? std::min(screens, printing) : screens;
}

}  // namespace longstop::app
