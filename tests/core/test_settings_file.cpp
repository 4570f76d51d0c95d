#include <catch2/catch.hpp>

#include "core/settings_file.h"

using namespace longstop::core;

TEST_CASE("a settings file gives key/value pairs with their lines") {
  auto r = parseSettingsFile("# Riverside\n\nsite.name = Riverside Surgery  \r\nqueue.gp=A | GP | Room 3\n");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 2);
  CHECK(r->at(0).line == 3);
  CHECK(r->at(0).key == "site.name");
  CHECK(r->at(0).value == "Riverside Surgery");
  CHECK(r->at(1).line == 4);
  CHECK(r->at(1).value == "A | GP | Room 3");
}

TEST_CASE("values may be empty and may hold '=' and UTF-8") {
  auto r =
      parseSettingsFile("\xEF\xBB\xBFsite.name = Meddygfa Caerdydd = Cardiff Surgery\nx.y =\nsite.ods=Zoë\n");
  REQUIRE(r.ok());
  CHECK(r->at(0).value == "Meddygfa Caerdydd = Cardiff Surgery");
  CHECK(r->at(1).value.empty());
  CHECK(r->at(2).value == "Zoë");
}

TEST_CASE("bad lines are refused with their line number") {
  auto noEq = parseSettingsFile("a = 1\njust words\n");
  REQUIRE_FALSE(noEq.ok());
  CHECK(noEq.error().message.find("line 2") == 0);
  CHECK(parseSettingsFile(" = 3").error().message.find("missing") != std::string::npos);
  CHECK(parseSettingsFile("Site.Name = x").error().message.find("may hold only") != std::string::npos);
  auto twice = parseSettingsFile("a = 1\n# c\na = 2\n");
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().message.find("line 3") == 0);
  CHECK_FALSE(parseSettingsFile("a = \xff\xfe").ok());
  CHECK_FALSE(parseSettingsFile("a = x\x01y").ok());
}
