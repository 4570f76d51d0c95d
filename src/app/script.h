// The automation language of `longstop --script FILE` (described in docs/scripts.md): one command a line, `#`
// starts a comment. This is only the parser; it reads outside data, so it refuses anything odd with the line
// number and a reason, and never throws. Running the commands is script_runner.h's job.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace longstop::app {

struct ScriptCommand {
  enum class Kind {
    kTap,
    kType,
    kKey,
    kScan,
    kWait,
    kExpect,
    kExpectNot,
    kScreenshot,
    kHold,
    kTestRevokeCard,
    kWalkWidgets,
    kExpectPicture,
    kExpectNoPicture,
    kAwait
  };
  Kind kind = Kind::kTap;
  std::string text;    // the label, text, key name, scanned code or file name
  int64_t waitMs = 0;  // kWait, kHold (how long the press lasts); kWalkWidgets: the most taps;
                       // kAwait: the most real time to wait
  int line = 0;        // 1-based, for messages
};

struct ScriptError {
  int line = 0;
  std::string reason;  // "unknown command 'tapp'"
};

/// Commands, or the first error (and no commands).
struct ParsedScript {
  std::vector<ScriptCommand> commands;
  std::optional<ScriptError> error;
};

/// Parses a whole script. Limits: 1 MiB, 4096 bytes a line, waits up to 24 h.
ParsedScript parseScript(std::string_view text);

/// `500ms`, `2s`, `1min` -> milliseconds; nullopt when malformed or over 24 h.
std::optional<int64_t> parseDuration(std::string_view s);

/// The command's name as written in scripts ("expect-not").
std::string_view commandName(ScriptCommand::Kind k);

}  // namespace longstop::app
