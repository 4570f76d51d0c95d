// Command-line arguments: `longstopctl COMMAND [--opt VALUE]... [--flag]... [POSITIONAL]...`.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
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

/// `booleanFlags` take no value (e.g. "json"); every other --name takes the next word.
core::Result<Args> parseArgs(int argc, char** argv, const std::set<std::string>& booleanFlags);

/// Exit statuses: 0 fine, 1 the check failed (verify), 2 bad usage or bad input, 3 storage trouble.
inline constexpr int kExitOk = 0;
inline constexpr int kExitCheckFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitStorage = 3;
int exitCodeFor(const core::Error& e);

}  // namespace longstop::ctl
