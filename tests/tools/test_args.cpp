// The command-line parser shared by longstopctl and longstop-batch: what it accepts, and every way a
// mistyped command line is refused instead of guessed at.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "longstopctl/args.h"

using namespace longstop::ctl;

namespace {

const std::vector<OptionSpec> kKnown = {
    {"help", OptionKind::kFlag},
    {"json", OptionKind::kFlag},
    {"data"},
    {"out"},
    {"days"},
    {"pin", OptionKind::kRetired, "type it when asked."},
};

longstop::core::Result<Args> parse(std::vector<std::string> words) {
  words.insert(words.begin(), "longstopctl");
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  return parseArgs(static_cast<int>(words.size()), argv.data(), kKnown);
}

std::string errorOf(std::vector<std::string> words) {
  auto r = parse(std::move(words));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == longstop::core::ErrorCode::kInvalidInput);
  CHECK(exitCodeFor(r.error()) == kExitUsage);
  return r.error().message;
}

}  // namespace

TEST_CASE("args: options among the words, in either form, words kept in order") {
  auto a = parse({"staff", "--data", "/d", "revoke", "--json", "K7QX01", "--out=x=y"});
  REQUIRE(a.ok());
  CHECK(a->words == std::vector<std::string>{"staff", "revoke", "K7QX01"});
  CHECK(a->get("data") == "/d");
  CHECK(a->get("out") == "x=y");
  CHECK(a->has("json"));
  CHECK_FALSE(a->get("days"));
  auto dashes = parse({"config", "set", "--data", "/d", "--", "key", "-1", "--json"});
  REQUIRE(dashes.ok());
  CHECK(dashes->words == std::vector<std::string>{"config", "set", "key", "-1", "--json"});
  CHECK_FALSE(dashes->has("json"));
  auto help = parse({"-h"});
  REQUIRE(help.ok());
  CHECK(help->has("help"));
  auto empty = parse({"init", "--out="});
  REQUIRE(empty.ok());
  CHECK(empty->get("out") == "");
}

TEST_CASE("args: an unknown option is refused, never taken as a word or given the next one") {
  CHECK(errorOf({"status", "--dta", "/d"}) == "There is no option --dta.");
  CHECK(errorOf({"status", "--dta=/d"}) == "There is no option --dta.");
  CHECK(errorOf({"status", "-x"}) == "There is no option -x.");
  CHECK(errorOf({"status", "--dat", "/d"}) == "Write the option in full: --data, not --dat.");
  CHECK(errorOf({"status", "--da", "/d"}) == "There is no option --da.");  // --data or --days
  CHECK(errorOf({"status", "--jso"}) == "Write the option in full: --json, not --jso.");
  CHECK(errorOf({"status", "--json=yes"}) == "The option --json takes no value.");
}

TEST_CASE("args: a missing value is refused, also when the next word is an option") {
  CHECK(errorOf({"status", "--data"}) == "The option --data needs a value.");
  CHECK(errorOf({"codes", "--out", "--data", "/d"}) ==
        "The option --out needs a value, but the next word is the option --data.");
  auto odd = parse({"codes", "--out=--odd"});  // what was asked for, written so it cannot be a slip
  REQUIRE(odd.ok());
  CHECK(odd->get("out") == "--odd");
  CHECK(errorOf({"status", "--data", "/a", "--data=/b"}) == "The option --data is given twice.");
}

TEST_CASE("args: a retired option says so and why, with or without its old value") {
  CHECK(errorOf({"export", "--pin", "123456"}) ==
        "--pin is no longer accepted on the command line: type it when asked.");
  CHECK(errorOf({"export", "--pin=123456"}) ==
        "--pin is no longer accepted on the command line: type it when asked.");
  CHECK(errorOf({"export", "--pin"}) ==
        "--pin is no longer accepted on the command line: type it when asked.");
}

TEST_CASE("args: each command takes only its own options") {
  auto a = parse({"backup", "--data", "/d", "--days", "3"});
  REQUIRE(a.ok());
  CHECK(onlyOptions(*a, "backup", {"data", "days"}).ok());
  auto s = onlyOptions(*a, "backup", {"data", "to"});
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message == "backup does not take the option --days.");
  auto h = parse({"backup", "--help"});
  CHECK(onlyOptions(*h, "backup", {}).ok());
}

TEST_CASE("args: whole numbers are whole numbers, never a typo read as 0") {
  auto a = parse({"retention", "--days", "30"});
  CHECK(wholeNumber(*a, "days", 0, 3650).value() == 30);
  CHECK_FALSE(wholeNumber(*a, "out", 0, 3650).value().has_value());
  for (const char* bad : {"x", "", "3x", "-1", "1e3", "99999", " 3"}) {
    INFO(bad);
    auto b = parse({"retention", std::string("--days=") + bad});
    REQUIRE(b.ok());
    auto n = wholeNumber(*b, "days", 0, 3650);
    REQUIRE_FALSE(n.ok());
    CHECK(n.error().message == std::string("--days takes a whole number from 0 to 3650, not '") + bad + "'.");
  }
}
