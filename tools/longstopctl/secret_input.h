// PINs and recovery codes for longstopctl, read where other users cannot see them: never from the
// command line (every user can read /proc/*/cmdline, and the shell keeps a history), but typed at a
// prompt without echo, or one line each on standard input for scripts:
//   printf '%s\n' "$RECOVERY_CODE" | longstopctl checkins --data DIR
#pragma once

#include <cstdio>
#include <string>

#include "core/result.h"

namespace longstop::ctl {

/// Where secrets come from: a terminal (prompt on `prompts`, echo off) or lines of a script's input.
class SecretInput {
 public:
  /// Standard input, prompting on standard error when standard input is a terminal.
  static SecretInput standard();
  /// Lines of `in` (not owned); when `terminal`, each after a prompt on `prompts`, with echo off.
  explicit SecretInput(std::FILE* in, std::FILE* prompts = nullptr, bool terminal = false)
      : in_(in), prompts_(prompts), terminal_(terminal) {}

  /// The next secret: `what` names it in the prompt and in the error ("recovery code"). Surrounding
  /// spaces and the line's end are dropped. An error (kUnauthorised) when nothing is given.
  core::Result<std::string> read(const std::string& what);
  /// A new secret typed twice at a terminal, which must match; read once from a script's input.
  core::Result<std::string> readNew(const std::string& what);

 private:
  core::Result<std::string> readAfter(const std::string& prompt, const std::string& what);

  std::FILE* in_;
  std::FILE* prompts_;
  bool terminal_;
};

/// Why --pin and --recovery-code are refused, said after "--pin is no longer accepted on the command line: ".
inline constexpr const char* kSecretsNotInArgv =
    "other users can read a command line while it runs, and the shell keeps it in its history. Leave it "
    "out: longstopctl asks for it without showing it, or reads it from standard input, one line each "
    "(printf '%s\\n' \"$CODE\" | longstopctl ...).";

}  // namespace longstop::ctl
