// longstop: the check-in kiosk. Set up, wire, loop, shut down; everything else is in the app library.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/kiosk_app.h"
#include "app/options.h"
#include "app/script.h"
#include "app/script_runner.h"
#include "app/setup.h"

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
  if (o.board) return fail(2, "--board (the calling board) is not yet available.");

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

  std::signal(SIGTERM, onSignal);
  std::signal(SIGINT, onSignal);
  app::AppOptions ao;
  ao.dataDir = data->dataDir;
  ao.display = {o.width, o.height, o.headless, o.fullscreen, ""};
  ao.kioskMode = o.fullscreen;
  ao.refuseWrites = o.testRefuseWrites;
  auto kiosk = app::KioskApp::open(ao, *clock);
  if (!kiosk.ok()) return fail(2, kiosk.error().message);

  if (o.script) {
    app::ScriptRunner runner(*kiosk.value(), static_cast<core::ManualClock&>(*clock));
    std::string failure = runner.run(script.commands, o.script->string());
    if (!failure.empty()) return std::fprintf(stderr, "%s\n", failure.c_str()), 1;
    return 0;
  }
  kiosk.value()->run();
  return 0;
}
