#include "args.h"

namespace longstop::ctl {

std::optional<std::string> Args::get(const std::string& opt) const {
  auto it = options.find(opt);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

core::Result<Args> parseArgs(int argc, char** argv, const std::set<std::string>& booleanFlags) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string w = argv[i];
    if (w.rfind("--", 0) != 0 || w.size() == 2) {
      a.words.push_back(w);
      continue;
    }
    std::string name = w.substr(2);
    if (const auto eq = name.find('='); eq != std::string::npos) {
      a.options[name.substr(0, eq)] = name.substr(eq + 1);
    } else if (booleanFlags.count(name)) {
      a.flags.insert(name);
    } else if (i + 1 < argc) {
      a.options[name] = argv[++i];
    } else {
      return core::invalidInput("The option --" + name + " needs a value.");
    }
  }
  return a;
}

int exitCodeFor(const core::Error& e) {
  switch (e.code) {
    case core::ErrorCode::kStorage:
    case core::ErrorCode::kInternal: return kExitStorage;
    case core::ErrorCode::kCorrupt: return kExitCheckFailed;
    default: return kExitUsage;
  }
}

}  // namespace longstop::ctl
