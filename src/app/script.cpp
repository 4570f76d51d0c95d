#include "app/script.h"

#include <array>
#include <utility>

namespace longstop::app {
namespace {
constexpr size_t kMaxScriptBytes = 1 << 20;
constexpr size_t kMaxLineBytes = 4096;
constexpr int64_t kMaxWaitMs = 24LL * 3600 * 1000;
// An await is a real-time limit on another process's work: a script should fail, not hang for a day.
constexpr int64_t kMaxAwaitMs = 5LL * 60 * 1000;

using Kind = ScriptCommand::Kind;
constexpr std::array<std::pair<std::string_view, Kind>, 14> kCommands = {{
    {"tap", Kind::kTap},
    {"type", Kind::kType},
    {"key", Kind::kKey},
    {"scan", Kind::kScan},
    {"wait", Kind::kWait},
    {"expect", Kind::kExpect},
    {"expect-not", Kind::kExpectNot},
    {"screenshot", Kind::kScreenshot},
    {"hold", Kind::kHold},                        // hold "label" 3s: a long press
    {"test-revoke-card", Kind::kTestRevokeCard},  // test only: revoke the staff card given
    {"walk-widgets", Kind::kWalkWidgets},      // walk-widgets 400: tap everything reachable, no staff screen
    {"expect-picture", Kind::kExpectPicture},  // the scan screen shows the camera's picture (waits up to 5 s)
    {"expect-no-picture", Kind::kExpectNoPicture},  // no camera picture shown or waiting to be shown
    {"await", Kind::kAwait},  // await "text" 30s: another process's work shows here (real time, clock still)
}};

bool isSpace(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trimLeft(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  return s;
}

// After the argument only blanks or a comment may follow.
bool onlyCommentLeft(std::string_view rest) {
  rest = trimLeft(rest);
  return rest.empty() || rest.front() == '#';
}

// A double-quoted string with \" and \\ escapes. On success *rest is what follows the closing quote.
std::optional<std::string> quoted(std::string_view s, std::string_view* rest, std::string* why) {
  if (s.empty() || s.front() != '"') {
    *why = "expected a quoted string";
    return std::nullopt;
  }
  std::string out;
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      *rest = s.substr(i + 1);
      return out;
    }
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      *why = "control character in a quoted string";
      return std::nullopt;
    }
    if (c == '\\') {
      if (i + 1 >= s.size() || (s[i + 1] != '"' && s[i + 1] != '\\')) {
        *why = "only \\\" and \\\\ may follow a backslash";
        return std::nullopt;
      }
      c = s[++i];
    }
    out += c;
  }
  *why = "the quoted string is not closed";
  return std::nullopt;
}

// A bare word: everything up to a blank or '#'.
std::string_view bareWord(std::string_view s, std::string_view* rest) {
  size_t n = 0;
  while (n < s.size() && !isSpace(s[n]) && s[n] != '#') ++n;
  *rest = s.substr(n);
  return s.substr(0, n);
}

std::optional<ScriptError> parseArgument(ScriptCommand& cmd, std::string_view args) {
  if (cmd.kind == Kind::kExpectPicture || cmd.kind == Kind::kExpectNoPicture) {
    if (onlyCommentLeft(args)) return std::nullopt;
    return ScriptError{cmd.line, std::string(commandName(cmd.kind)) + ": takes no argument"};
  }
  std::string why;
  std::string_view rest;
  bool wantsQuoted = cmd.kind != Kind::kKey && cmd.kind != Kind::kWait && cmd.kind != Kind::kWalkWidgets &&
                     !(cmd.kind == Kind::kScreenshot && (args.empty() || args.front() != '"'));
  if (wantsQuoted) {
    auto q = quoted(args, &rest, &why);
    if (!q) return ScriptError{cmd.line, std::string(commandName(cmd.kind)) + ": " + why};
    cmd.text = std::move(*q);
    if (cmd.kind == Kind::kHold || cmd.kind == Kind::kAwait) {
      std::string_view d = trimLeft(rest);
      std::string_view word = bareWord(d, &rest);
      auto ms = parseDuration(word);
      if (cmd.kind == Kind::kHold && !ms)
        return ScriptError{cmd.line, "hold: expected a label and a time like 3s"};
      if (cmd.kind == Kind::kAwait && (!ms || *ms == 0 || *ms > kMaxAwaitMs))
        return ScriptError{cmd.line, "await: expected a text and a time like 30s (at most 5min)"};
      cmd.waitMs = *ms;
    }
  } else {
    cmd.text = std::string(bareWord(args, &rest));
  }
  if (!onlyCommentLeft(rest)) return ScriptError{cmd.line, "unexpected text after the argument"};
  if (cmd.text.empty() && cmd.kind != Kind::kType)
    return ScriptError{cmd.line, std::string(commandName(cmd.kind)) + ": needs an argument"};
  if (cmd.kind == Kind::kWalkWidgets) {
    size_t n = 0;
    int64_t taps = 0;
    while (n < cmd.text.size() && cmd.text[n] >= '0' && cmd.text[n] <= '9' && taps < 100000)
      taps = taps * 10 + (cmd.text[n++] - '0');
    if (n == 0 || n != cmd.text.size() || taps > 100000)
      return ScriptError{cmd.line, "walk-widgets: expected the most taps, e.g. 400"};
    cmd.waitMs = taps;
  }
  if (cmd.kind == Kind::kWait) {
    auto ms = parseDuration(cmd.text);
    if (!ms) return ScriptError{cmd.line, "wait: expected a time like 500ms, 2s or 1min (at most 24 h)"};
    cmd.waitMs = *ms;
  }
  return std::nullopt;
}

std::optional<ScriptError> parseLine(std::string_view line, int number, std::vector<ScriptCommand>& out) {
  if (line.size() > kMaxLineBytes) return ScriptError{number, "line too long"};
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  line = trimLeft(line);
  if (line.empty() || line.front() == '#') return std::nullopt;
  size_t n = 0;
  while (n < line.size() && !isSpace(line[n]) && line[n] != '"' && line[n] != '#') ++n;
  std::string_view word = line.substr(0, n);
  ScriptCommand cmd;
  cmd.line = number;
  bool known = false;
  for (const auto& [name, kind] : kCommands) {
    if (name == word) {
      cmd.kind = kind;
      known = true;
    }
  }
  if (!known) {
    std::string shown(word.substr(0, 40));
    for (char& c : shown)
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) c = '?';
    return ScriptError{number, "unknown command '" + shown + "'"};
  }
  if (auto e = parseArgument(cmd, trimLeft(line.substr(n)))) return e;
  out.push_back(std::move(cmd));
  return std::nullopt;
}
}  // namespace

std::string_view commandName(ScriptCommand::Kind k) {
  for (const auto& [name, kind] : kCommands)
    if (kind == k) return name;
  return "?";
}

std::optional<int64_t> parseDuration(std::string_view s) {
  size_t n = 0;
  int64_t value = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') {
    value = value * 10 + (s[n] - '0');
    if (value > kMaxWaitMs) return std::nullopt;
    ++n;
  }
  if (n == 0) return std::nullopt;
  std::string_view unit = s.substr(n);
  int64_t ms = unit == "ms" ? value : unit == "s" ? value * 1000 : unit == "min" ? value * 60000 : -1;
  if (ms < 0 || ms > kMaxWaitMs) return std::nullopt;
  return ms;
}

ParsedScript parseScript(std::string_view text) {
  ParsedScript result;
  if (text.size() > kMaxScriptBytes) {
    result.error = ScriptError{0, "the script is larger than 1 MiB"};
    return result;
  }
  int number = 0;
  while (!text.empty() || number == 0) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++number;
    if (line.find('\0') != std::string_view::npos) {
      result.error = ScriptError{number, "NUL byte in the line"};
    } else {
      result.error = parseLine(line, number, result.commands);
    }
    if (result.error) {
      result.commands.clear();
      return result;
    }
    if (text.empty()) break;
  }
  return result;
}

}  // namespace longstop::app
