#include "args.h"

#include <getopt.h>

#include <charconv>

namespace longstop::ctl {
namespace {

// getopt_long reports an option by this plus its index in the table (above every char a short option has).
constexpr int kLongBase = 256;

core::Error usageError(std::string message) {
  return core::invalidInput(std::move(message));
}

// "--name=value" and "--name" both name "--name".
std::string optionName(std::string_view word) {
  return std::string(word.substr(0, word.find('=')));
}

}  // namespace

std::optional<std::string> Args::get(const std::string& opt) const {
  auto it = options.find(opt);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

core::Result<Args> parseArgs(int argc, char** argv, const std::vector<OptionSpec>& known) {
  std::vector<option> table;
  bool hasHelp = false;
  for (size_t i = 0; i < known.size(); ++i) {
    const OptionSpec& o = known[i];
    hasHelp = hasHelp || (o.name == "help" && o.kind == OptionKind::kFlag);
    // A retired option takes its value if one is attached, so that the error below is about the
    // option and not about its missing value.
    const int hasArg = o.kind == OptionKind::kFlag    ? no_argument
                       : o.kind == OptionKind::kValue ? required_argument
                                                      : optional_argument;
    table.push_back({o.name.c_str(), hasArg, nullptr, kLongBase + static_cast<int>(i)});
  }
  table.push_back({nullptr, 0, nullptr, 0});
  // '-': words come back in order as 1 (no reordering of argv); ':': a missing value comes back as ':'.
  const char* shortOptions = hasHelp ? "-:h" : "-:";

  Args a;
  opterr = 0;  // our own messages, as values
  optind = 0;  // 0, not 1: glibc starts afresh (the tests parse many times in one process)
  for (;;) {
    const int c = getopt_long(argc, argv, shortOptions, table.data(), nullptr);
    if (c == -1) break;
    if (c == 1) {
      a.words.emplace_back(optarg);
      continue;
    }
    if (c == 'h') {
      a.flags.insert("help");
      continue;
    }
    if (c == '?') {
      if (optopt >= kLongBase)  // "--json=yes"
        return usageError("The option --" + known[static_cast<size_t>(optopt - kLongBase)].name +
                          " takes no value.");
      const std::string word =
          optopt != 0 ? std::string("-") + static_cast<char>(optopt) : optionName(argv[optind - 1]);
      return usageError("There is no option " + word + ".");
    }
    if (c == ':') {
      const std::string name = optopt >= kLongBase
                                   ? "--" + known[static_cast<size_t>(optopt - kLongBase)].name
                                   : std::string("-") + static_cast<char>(optopt);
      return usageError("The option " + name + " needs a value.");
    }
    const OptionSpec& o = known[static_cast<size_t>(c - kLongBase)];
    // getopt_long also takes an unambiguous abbreviation ("--dat"); refused here, so that the option a
    // script means never changes when another option is added.
    const bool valueInNextWord = optarg != nullptr && optarg == argv[optind - 1];
    const std::string given = optionName(argv[optind - (valueInNextWord ? 2 : 1)]);
    if (given != "--" + o.name)
      return usageError("Write the option in full: --" + o.name + ", not " + given + ".");
    if (o.kind == OptionKind::kRetired) {
      return usageError("--" + o.name + " is no longer accepted on the command line: " + o.retiredBecause);
    }
    if (o.kind == OptionKind::kFlag) {
      a.flags.insert(o.name);
      continue;
    }
    // "--out --data DIR": getopt would take "--data" as the folder. A value that really starts with
    // "--" can still be given as --out=--odd.
    if (valueInNextWord && std::string_view(optarg).starts_with("--")) {
      return usageError("The option --" + o.name + " needs a value, but the next word is the option " +
                        optionName(optarg) + ".");
    }
    if (!a.options.emplace(o.name, optarg).second)
      return usageError("The option --" + o.name + " is given twice.");
  }
  for (int i = optind; i < argc; ++i) a.words.emplace_back(argv[i]);  // after "--"
  return a;
}

core::Status onlyOptions(const Args& a, std::string_view command, const std::set<std::string>& allowed) {
  std::vector<std::string> given(a.flags.begin(), a.flags.end());
  for (const auto& [name, value] : a.options) given.push_back(name);
  for (const auto& name : given) {
    if (name != "help" && !allowed.count(name))
      return usageError(std::string(command) + " does not take the option --" + name + ".");
  }
  return core::okStatus();
}

core::Result<std::optional<int64_t>> wholeNumber(const Args& a, const std::string& name, int64_t min,
                                                 int64_t max) {
  const auto text = a.get(name);
  if (!text) return std::optional<int64_t>();
  int64_t value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (text->empty() || ec != std::errc() || ptr != end || value < min || value > max) {
    return usageError("--" + name + " takes a whole number from " + std::to_string(min) + " to " +
                      std::to_string(max) + ", not '" + *text + "'.");
  }
  return std::optional<int64_t>(value);
}

int exitCodeFor(const core::Error& e) {
  switch (e.code) {
    case core::ErrorCode::kStorage:
    case core::ErrorCode::kInternal:
      return kExitStorage;
    case core::ErrorCode::kCorrupt:
      return kExitCheckFailed;
    default:
      return kExitUsage;
  }
}

}  // namespace longstop::ctl
