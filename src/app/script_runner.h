// Runs a parsed automation script against the real app, frame by frame: taps go through ImGui as mouse
// presses at the widget's centre, `wait` advances the manual clock and lets the idle reset happen (and
// lets export work on its own thread reach its next step, see settleExportWork).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/kiosk_app.h"
#include "app/script.h"
#include "core/clock.h"

namespace longstop::app {

class ScriptRunner {
 public:
  /// Both borrowed; `clock` must be the clock the app was opened with.
  ScriptRunner(KioskApp& app, core::ManualClock& clock) : app_(app), clock_(clock) {}

  /// Runs every command in order and stops at the first failure. Returns an empty string when all
  /// succeeded, else `<scriptName>:<line>: <command> "<arg>": <reason>`.
  std::string run(const std::vector<ScriptCommand>& commands, const std::string& scriptName);
  /// `$NAME` in a command's text is replaced by `value` (e.g. DEMO_CARD and DEMO_PIN with --demo).
  /// Also: $LAST_TICKET (the last ticket's LST1 code) and $CODE(<appointment-id>) (its LSA1 code).
  void setVariable(const std::string& name, std::string value) { variables_[name] = std::move(value); }

 private:
  /// Empty on success, else the reason.
  std::string runOne(const ScriptCommand& c);
  std::string tap(const std::string& label);
  std::string hold(const std::string& label, int64_t ms);
  std::string walkWidgets(int64_t maxTaps);
  std::string expectPicture();
  std::string awaitText(const std::string& text, int64_t ms);
  std::string substitute(const std::string& text) const;
  void wait(int64_t ms);
  void settleExportWork();
  void settle();

  KioskApp& app_;
  core::ManualClock& clock_;
  std::map<std::string, std::string> variables_;
};

}  // namespace longstop::app
