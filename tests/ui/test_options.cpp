// longstop's command line.
#include <catch2/catch.hpp>

#include "app/options.h"

using namespace longstop::app;

TEST_CASE("defaults and the data directory") {
  auto o = parseOptions({}, "/home/ann", "");
  REQUIRE(o.ok());
  CHECK(o->dataDir == "/home/ann/.local/share/longstop");
  CHECK(o->width == 1280);
  CHECK(o->height == 800);
  CHECK_FALSE(o->headless);
  CHECK(parseOptions({}, "/home/ann", "/xdg")->dataDir == "/xdg/longstop");
  CHECK(parseOptions({"--demo"}, "/home/ann", "")->dataDir.empty());  // a fresh temporary directory
  CHECK_FALSE(parseOptions({}, "", "").ok());
}

TEST_CASE("every option") {
  auto o = parseOptions({"--data", "/d", "--demo", "--headless", "--script", "s.lsk", "--size", "800x480",
                         "--fullscreen", "--now", "2026-11-29T09:00", "--board"},
                        "/h", "");
  REQUIRE(o.ok());
  CHECK(o->dataDir == "/d");
  CHECK(o->demo);
  CHECK(o->headless);
  CHECK(o->script == "s.lsk");
  CHECK(o->width == 800);
  CHECK(o->height == 480);
  CHECK(o->fullscreen);
  CHECK(o->board);
  REQUIRE(o->now);
  CHECK(o->now->localMinutes() % 1440 == 9 * 60);
}

TEST_CASE("bad usage is one clear sentence") {
  for (auto args : std::vector<std::vector<std::string>>{{"--size", "800"},
                                                         {"--size", "10x10"},
                                                         {"--size", "800x480x"},
                                                         {"--now", "tomorrow"},
                                                         {"--now", "2026-02-30T09:00"},
                                                         {"--data"},
                                                         {"--frobnicate"},
                                                         {"--script", "s.lsk", "--test-work-pace", "fast"},
                                                         {"--script", "s.lsk", "--test-work-pace", "-5"},
                                                         {"--script", "s.lsk", "--test-work-pace", "20000"},
                                                         {"--test-work-pace", "100"}}) {
    auto o = parseOptions(args, "/h", "");
    REQUIRE_FALSE(o.ok());
    CHECK_FALSE(o.error().message.empty());
    CHECK(o.error().message.find('\n') == std::string::npos);
  }
}

TEST_CASE("test switches are for scripts only") {
  auto o =
      parseOptions({"--script", "s.lsk", "--test-media", "/tmp/stick", "--test-work-pace", "250"}, "/h", "");
  REQUIRE(o.ok());
  CHECK(o->testMedia == "/tmp/stick");
  CHECK(o->testWorkPaceMs == 250);
  CHECK(parseOptions({"--test-work-pace", "250"}, "/h", "").error().message.find("scripted tests only") !=
        std::string::npos);
  CHECK_FALSE(parseOptions({"--test-media", "/tmp/stick"}, "/h", "").ok());
}
