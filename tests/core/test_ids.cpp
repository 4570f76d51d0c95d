// Device IDs and record IDs.
#include <array>
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "core/ids.h"

using namespace longstop::core;

namespace {
const std::string kLookAlikes = "01OIL";
}

TEST_CASE("device IDs are four symbols with no look-alikes") {
  std::set<std::string> seen;
  for (uint32_t i = 0; i < 5000; ++i) {
    const uint32_t v = i * 2654435761u;
    const std::array<uint8_t, 4> random = {static_cast<uint8_t>(v >> 24), static_cast<uint8_t>(v >> 16),
                                           static_cast<uint8_t>(v >> 8), static_cast<uint8_t>(v)};
    const std::string id = deviceIdFromRandom(random);
    INFO(id);
    REQUIRE(id.size() == 4);
    REQUIRE(id.find_first_of(kLookAlikes) == std::string::npos);
    for (char c : id) REQUIRE(((c >= '2' && c <= '9') || (c >= 'A' && c <= 'Z')));
    REQUIRE(isValidDeviceId(id));
    seen.insert(id);
  }
  CHECK(seen.size() > 4900);  // different random bytes almost always give different IDs
}

TEST_CASE("the same random bytes give the same device ID") {
  CHECK(deviceIdFromRandom({1, 2, 3, 4}) == deviceIdFromRandom({1, 2, 3, 4}));
  CHECK(deviceIdFromRandom({1, 2, 3, 4}) != deviceIdFromRandom({1, 2, 3, 5}));
  CHECK(deviceIdFromRandom({0, 0, 0, 0}) != deviceIdFromRandom({0xFF, 0xFF, 0xFF, 0xFF}));
}

TEST_CASE("isValidDeviceId refuses other shapes and look-alikes") {
  CHECK(isValidDeviceId("K7QX"));
  for (const char* id :
       {"", "K7Q", "K7QXX", "k7qx", "K0QX", "K1QX", "KOQX", "KIQX", "KLQX", "K7Q-", "K7 X"}) {
    INFO(id);
    CHECK_FALSE(isValidDeviceId(id));
  }
}

TEST_CASE("record IDs pad to six digits and parse back") {
  CHECK(formatRecordId("K7QX", 123) == "K7QX-000123");
  CHECK(formatRecordId("K7QX", 1) == "K7QX-000001");
  CHECK(formatRecordId("K7QX", 999999) == "K7QX-999999");
  CHECK(formatRecordId("K7QX", 1234567) == "K7QX-1234567");
  for (int64_t seq : {int64_t{0}, int64_t{1}, int64_t{123}, int64_t{999999}, int64_t{1000000},
                      int64_t{123456789012345678}}) {
    const std::string text = formatRecordId("K7QX", seq);
    std::optional<RecordIdParts> parts = parseRecordId(text);
    INFO(text);
    REQUIRE(parts.has_value());
    CHECK(parts->deviceId == "K7QX");
    CHECK(parts->sequence == seq);
  }
}

TEST_CASE("parseRecordId refuses what is not a record ID") {
  for (const char* text : {"", "K7QX", "K7QX-", "K7QX-12345", "K7QX-00012A", "K7QX_000123", "k7qx-000123",
                           "K0QX-000123", "K7QXX-000123", "K7QX-0000123", "K7QX--00123", "K7QX-+00123",
                           "K7QX-000123 ", "K7QX-1234567890123456789", "LST1:K7QX-000123"}) {
    INFO(text);
    CHECK_FALSE(parseRecordId(text).has_value());
  }
}
