// The automation script parser: what it accepts, and how it refuses bad input (line number + reason).
#include <catch2/catch.hpp>

#include "app/script.h"

using namespace longstop::app;
using Kind = ScriptCommand::Kind;

TEST_CASE("every command, comments and blank lines") {
  auto p = parseScript(
      "# a comment\n"
      "\n"
      "tap \"Check in\"           # trailing comment\n"
      "type \"1984-03-07\"\n"
      "key Enter\n"
      "scan \"LST1:K7QX-000123:9F2C\"\n"
      "wait 500ms\n"
      "wait 2s\n"
      "wait 1min\n"
      "expect \"Your number is\"\n"
      "expect-not \"Smith\"\n"
      "screenshot shots/ticket.png\n"
      "screenshot \"with space.png\"\r\n"
      "type \"say \\\"hi\\\" \\\\ # not a comment\"\n");
  REQUIRE_FALSE(p.error);
  REQUIRE(p.commands.size() == 12);
  CHECK(p.commands[0].kind == Kind::kTap);
  CHECK(p.commands[0].text == "Check in");
  CHECK(p.commands[0].line == 3);
  CHECK(p.commands[2].kind == Kind::kKey);
  CHECK(p.commands[2].text == "Enter");
  CHECK(p.commands[4].waitMs == 500);
  CHECK(p.commands[5].waitMs == 2000);
  CHECK(p.commands[6].waitMs == 60000);
  CHECK(p.commands[8].kind == Kind::kExpectNot);
  CHECK(p.commands[9].text == "shots/ticket.png");
  CHECK(p.commands[10].text == "with space.png");
  CHECK(p.commands[11].text == "say \"hi\" \\ # not a comment");
}

TEST_CASE("bad input is refused with the line and a reason") {
  struct Case {
    const char* text;
    int line;
    const char* reason;
  };
  const Case cases[] = {
      {"tapp \"x\"", 1, "unknown command 'tapp'"},
      {"tap\n", 1, "expected a quoted string"},
      {"\n\ntap \"unclosed", 3, "not closed"},
      {"tap \"x\" extra", 1, "unexpected text"},
      {"tap x", 1, "expected a quoted string"},
      {"wait 5", 1, "wait: expected a time"},
      {"wait 5h", 1, "wait: expected a time"},
      {"wait -5s", 1, "wait: expected a time"},
      {"wait 99999999999999999999ms", 1, "wait: expected a time"},
      {"wait 1441min", 1, "wait: expected a time"},
      {"key", 1, "needs an argument"},
      {"screenshot", 1, "needs an argument"},
      {"expect \"a\\qb\"", 1, "backslash"},
      {"type \"a\x01\"", 1, "control character"},
      {"ok\n", 1, "unknown command"},
      {"tap \"a\"\nexpect \"b\"\n\x7f\x80", 3,
       "unknown command '?"
       "?'"},
      {"tap \"a\0\"", 1, "NUL"},
      {"await \"URGENT\"", 1, "await: expected a text and a time"},
      {"await \"URGENT\" 0s", 1, "await: expected a text and a time"},
      {"await \"URGENT\" 6min", 1, "at most 5min"},
      {"await URGENT 30s", 1, "expected a quoted string"},
      {"await \"URGENT\" 30s extra", 1, "unexpected text"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    if (std::string_view(c.reason) == "NUL") text = std::string("tap \"a\0\"", 8);
    auto p = parseScript(text);
    INFO(c.text);
    REQUIRE(p.error);
    CHECK(p.error->line == c.line);
    CHECK_THAT(p.error->reason, Catch::Contains(c.reason));
    CHECK(p.commands.empty());
  }
}

TEST_CASE("await: a text and the most real time to wait for it") {
  auto p = parseScript("await \"URGENT: A001\" 30s   # from the kiosk\nawait \"A001\" 5min\n");
  REQUIRE_FALSE(p.error);
  REQUIRE(p.commands.size() == 2);
  CHECK(p.commands[0].kind == Kind::kAwait);
  CHECK(p.commands[0].text == "URGENT: A001");
  CHECK(p.commands[0].waitMs == 30000);
  CHECK(p.commands[1].waitMs == 300000);
  CHECK(commandName(Kind::kAwait) == "await");
}

TEST_CASE("limits: very long lines and scripts are refused, an empty script is fine") {
  CHECK(parseScript(std::string(5000, 'x')).error);
  CHECK(parseScript(std::string((1 << 20) + 1, '\n')).error);
  auto empty = parseScript("");
  CHECK_FALSE(empty.error);
  CHECK(empty.commands.empty());
}

TEST_CASE("durations") {
  CHECK(parseDuration("0ms") == 0);
  CHECK(parseDuration("90s") == 90000);
  CHECK_FALSE(parseDuration("s"));
  CHECK_FALSE(parseDuration("1.5s"));
  CHECK_FALSE(parseDuration("1 s"));
}
