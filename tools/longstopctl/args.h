// Command-line arguments: `longstopctl COMMAND [--opt VALUE]... [--flag]... [POSITIONAL]...`, parsed
// with glibc's getopt_long against a table of the options each program, and each command, takes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace longstop::ctl {

struct Args {
  std::vector<std::string> words;  // the command and positional arguments, in order
  std::map<std::string, std::string> options;
  std::set<std::string> flags;

  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::optional<std::string> get(const std::string& opt) const;
};

enum class OptionKind {
  kFlag,     // --json
  kValue,    // --data DIR or --data=DIR
  kRetired,  // no longer accepted; using it is an error that says why and what to do instead
};

struct OptionSpec {
  // Not explicit, so that a table can say {"data"} for a value option.
  OptionSpec(std::string n, OptionKind k = OptionKind::kValue, std::string why = {})  // NOLINT
      : name(std::move(n)), kind(k), retiredBecause(std::move(why)) {}
  std::string name;  // without the leading "--"
  OptionKind kind;
  std::string retiredBecause;  // kRetired: the sentence printed after "--name is no longer accepted ..."
};

/// Options may come before, after or among the words; `--` ends them (for a word that starts with '-').
/// `-h` is `--help` when `known` has a "help" flag. An error (code kInvalidInput, exit status 2) for:
/// an option not in `known`, a value given to a flag, an option without its value (also when the next
/// word is itself an option: `--out --data DIR` forgot the value of --out), an option given twice,
/// and a retired option.
core::Result<Args> parseArgs(int argc, char** argv, const std::vector<OptionSpec>& known);

/// An error naming the first option in `a` that `command` does not take (`allowed`; "help" always is).
core::Status onlyOptions(const Args& a, std::string_view command, const std::set<std::string>& allowed);

/// The value of --`name` as a whole number from `min` to `max`; nullopt when the option is absent. An
/// error names the option for anything else ("--days takes a whole number from 0 to 3650, not 'x'."), so
/// that a typo never becomes 0.
core::Result<std::optional<int64_t>> wholeNumber(const Args& a, const std::string& name, int64_t min,
                                                 int64_t max);

/// Exit statuses: 0 fine, 1 the check failed (verify), 2 bad usage or bad input, 3 storage trouble.
inline constexpr int kExitOk = 0;
inline constexpr int kExitCheckFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitStorage = 3;
int exitCodeFor(const core::Error& e);

}  // namespace longstop::ctl
