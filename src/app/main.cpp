// longstop: the check-in kiosk. Set up, wire, loop, shut down; everything else is in the app library.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/board_app.h"
#include "app/kiosk_app.h"
#include "app/options.h"
#include "app/script.h"
#include "app/script_runner.h"
#include "app/setup.h"
#include "service/demo_busy.h"
#include "service/device_role.h"
#include "service/staff_desk.h"

namespace {
int fail(int status, const std::string& message) {
  std::fprintf(stderr, "longstop: %s\n", message.c_str());
  return status;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

void onSignal(int) {
  longstop::app::KioskApp::requestStop();
}
}  // namespace

int main(int argc, char** argv) {
  using namespace longstop;
  auto parsed =
      app::parseOptions(std::vector<std::string>(argv + 1, argv + argc), env("HOME"), env("XDG_DATA_HOME"));
  if (!parsed.ok()) return fail(2, parsed.error().message + "\n" + app::usage());
  const app::Options& o = parsed.value();
  if (o.help) return std::fputs(app::usage(), stdout), 0;

  app::ParsedScript script;
  if (o.script) {
    std::ifstream in(*o.script, std::ios::binary);
    if (!in) return fail(2, "Cannot read the script " + o.script->string() + ".");
    std::stringstream text;
    text << in.rdbuf();
    script = app::parseScript(text.str());
    if (script.error)
      return fail(
          2, o.script->string() + ":" + std::to_string(script.error->line) + ": " + script.error->reason);
  }

  std::unique_ptr<core::Clock> clock = app::makeClock(o);
  auto data = app::prepareDataDir(o, *clock);
  if (!data.ok()) return fail(2, data.error().message);
  if (!data->recoveryCode.empty())
    std::fprintf(stderr, "longstop: demo site made in %s; its recovery code (shown once): %s\n",
                 data->dataDir.c_str(), data->recoveryCode.c_str());
  // A demo site also gets a reception card, so the staff screens can be tried (and scripted: $DEMO_CARD,
  // $DEMO_PIN). Its PIN is random, shown here once.
  std::optional<service::DemoCard> demoCard;
  if (!data->recoveryCode.empty()) {
    auto card = service::addDemoCard(data->dataDir, *clock, data->recoveryCode);
    if (!card.ok()) return fail(2, card.error().message);
    demoCard = card.value();
    std::fprintf(stderr, "longstop: demo reception card (shown once): %s  PIN %s\n",
                 demoCard->cardText.c_str(), demoCard->pin.c_str());
    if (o.demoCheckins > 0) {
      if (auto s = service::addDemoCheckins(data->dataDir, *clock, data->recoveryCode, o.demoCheckins);
          !s.ok())
        return fail(2, s.error().message);
    }
  }

  std::signal(SIGTERM, onSignal);
  std::signal(SIGINT, onSignal);
  // What this device is on its site (`device.role`, admin-signed); --board reads a kiosk's directory.
  auto role = service::readDeviceRole(data->dataDir);
  if (!role.ok()) return fail(2, role.error().message);
  const bool boardDevice = role.value() == service::DeviceRole::kBoard;
  if (o.board || boardDevice) {
    // The board only reads: it never makes a site, and it has no way to open a sealed name. A board
    // device replicates its site by itself; --board on a kiosk's directory must not (the kiosk does).
    app::DisplayOptions d{o.width, o.height, o.headless, o.fullscreen, ""};
    auto board = app::BoardApp::open(data->dataDir, d, *clock, !o.script, boardDevice);
    if (!board.ok()) return fail(2, board.error().message);
    if (o.script) {
      std::string failure = board.value()->runScript(script.commands, o.script->string(),
                                                     static_cast<core::ManualClock&>(*clock));
      if (!failure.empty()) return std::fprintf(stderr, "%s\n", failure.c_str()), 1;
      return 0;
    }
    board.value()->run();
    return 0;
  }
  app::AppOptions ao;
  ao.dataDir = data->dataDir;
  ao.display = {o.width, o.height, o.headless, o.fullscreen, ""};
  ao.kioskMode = o.fullscreen;
  ao.refuseWrites = o.testRefuseWrites;
  ao.testAdmin = o.testAdmin;
  // Scripts only: the demo site's recovery code made just now, or (for a site made by an earlier run)
  // LONGSTOP_TEST_RECOVERY_CODE, which only a script run reads.
  if (o.script)
    ao.testRecoveryCode =
        data->recoveryCode.empty() ? env("LONGSTOP_TEST_RECOVERY_CODE") : data->recoveryCode;
  ao.testLocked = o.testLocked;
  ao.rotation = o.rotation;
  ao.hardwareScanners = !o.headless;  // a real screen: open the camera and scanner from the settings
  ao.cameraFiles = o.cameraFiles;
  ao.testHandScanner = o.testHandScanner;
  ao.testMedia = o.testMedia;
  ao.testWorkPaceMs = o.testWorkPaceMs;
  ao.sound = !o.script;  // as the board: scripts run silent
  ao.desk = role.value() == service::DeviceRole::kDesk;
  ao.listFolder = o.listDir.empty() ? std::filesystem::path(env("LONGSTOP_LIST_DIR")) : o.listDir;
  auto kiosk = app::KioskApp::open(ao, *clock);
  if (!kiosk.ok()) return fail(2, kiosk.error().message);

  if (o.script) {
    app::ScriptRunner runner(*kiosk.value(), static_cast<core::ManualClock&>(*clock));
    if (demoCard) {
      runner.setVariable("DEMO_CARD", demoCard->cardText);
      runner.setVariable("DEMO_PIN", demoCard->pin);
      runner.setVariable("DEMO_STAFF_ID", demoCard->cardText.substr(5, 6));  // LSS1:<id>:<secret>
    }
    // What setup and the drill show once ($RECOVERY_CODE, $RECOVERY_TAIL, $ADMIN_CARD, $PRACTICE_CARD,
    // $PRACTICE_PIN), so a script can type it back as a person would from the screen.
    kiosk.value()->setOnShown([&runner](std::string_view name, std::string_view value) {
      runner.setVariable(std::string(name), std::string(value));
      if (name == "RECOVERY_CODE" && value.size() >= 9)
        runner.setVariable("RECOVERY_TAIL", std::string(value.substr(value.size() - 9)));
    });
    std::string failure = runner.run(script.commands, o.script->string());
    if (!failure.empty()) return std::fprintf(stderr, "%s\n", failure.c_str()), 1;
    return 0;
  }
  kiosk.value()->run();
  if (kiosk.value()->becameBoard()) {
    // First boot joined a site as its calling board: the kiosk's window goes, the board's opens.
    const app::DisplayOptions d = ao.display;
    kiosk.value().reset();
    auto board = app::BoardApp::open(data->dataDir, d, *clock, true, true);
    if (!board.ok()) return fail(2, board.error().message);
    board.value()->run();
  }
  return 0;
}
