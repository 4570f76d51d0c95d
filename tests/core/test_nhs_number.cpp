// NHS number rules: Modulo 11, accepted spellings, refusals with plain reasons, display and test range.
#include <catch2/catch.hpp>
#include <string>

#include "core/nhs_number.h"

using namespace longstop::core;

namespace {

// An independent check-digit rule written from the published definition, to compare against.
int referenceCheckDigit(const std::string& nine) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (nine[static_cast<size_t>(i)] - '0') * (10 - i);
  int check = 11 - (sum % 11);
  if (check == 11) return 0;
  return check == 10 ? -1 : check;
}

}  // namespace

TEST_CASE("the published example number is valid in any spacing") {
  for (const char* text :
       {"9434765919", "943 476 5919", " 943 476 5919 ", "943  4765919", "9 4 3 4 7 6 5 9 1 9"}) {
    Result<NhsNumber> n = parseNhsNumber(text);
    INFO(text);
    REQUIRE(n.ok());
    CHECK(n->digits == "9434765919");
  }
}

TEST_CASE("a wrong check digit is refused and says so") {
  for (char last = '0'; last <= '9'; ++last) {
    if (last == '9') continue;
    std::string text = "943476591";
    text += last;
    Result<NhsNumber> n = parseNhsNumber(text);
    INFO(text);
    REQUIRE_FALSE(n.ok());
    CHECK(n.error().code == ErrorCode::kInvalidInput);
    CHECK_THAT(n.error().message, Catch::Contains("check digit is wrong"));
    CHECK_THAT(n.error().message, Catch::Contains("943 476 591"));
  }
}

TEST_CASE("numbers whose check digit would be 10 are never valid") {
  // 100000001: 1*10 + 1*2 = 12, 12 mod 11 = 1, 11 - 1 = 10.
  CHECK(nhsCheckDigit("100000001") == -1);
  for (char last = '0'; last <= '9'; ++last) {
    Result<NhsNumber> n = parseNhsNumber(std::string("100000001") + last);
    REQUIRE_FALSE(n.ok());
    CHECK_THAT(n.error().message, Catch::Contains("not valid"));
  }
}

TEST_CASE("check digit 11 becomes 0") {
  // 200000001: 2*10 + 1*2 = 22, remainder 0, 11 - 0 = 11 -> 0.
  CHECK(nhsCheckDigit("200000001") == 0);
  CHECK(parseNhsNumber("2000000010").ok());
  CHECK_FALSE(parseNhsNumber("2000000011").ok());
}

TEST_CASE("the check digit agrees with the published rule for many prefixes") {
  uint32_t seed = 12345;
  for (int i = 0; i < 2000; ++i) {
    std::string nine;
    for (int j = 0; j < 9; ++j) {
      seed = seed * 1103515245u + 12345u;
      nine += static_cast<char>('0' + (seed >> 16) % 10);
    }
    const int expected = referenceCheckDigit(nine);
    REQUIRE(nhsCheckDigit(nine) == expected);
    if (expected >= 0) {
      REQUIRE(parseNhsNumber(nine + static_cast<char>('0' + expected)).ok());
      REQUIRE_FALSE(parseNhsNumber(nine + static_cast<char>('0' + (expected + 1) % 10)).ok());
    }
  }
}

TEST_CASE("nhsCheckDigit refuses input that is not nine digits") {
  CHECK(nhsCheckDigit("94347659") == -1);
  CHECK(nhsCheckDigit("9434765910") == -1);
  CHECK(nhsCheckDigit("94347659X") == -1);
  CHECK(nhsCheckDigit("") == -1);
}

TEST_CASE("wrong lengths are refused with the reason") {
  Result<NhsNumber> shortOne = parseNhsNumber("943 476 591");
  REQUIRE_FALSE(shortOne.ok());
  CHECK_THAT(shortOne.error().message, Catch::Contains("too short"));
  CHECK_THAT(shortOne.error().message, Catch::Contains("9 digits"));
  Result<NhsNumber> longOne = parseNhsNumber("943 476 5919 1");
  REQUIRE_FALSE(longOne.ok());
  CHECK_THAT(longOne.error().message, Catch::Contains("too long"));
  Result<NhsNumber> empty = parseNhsNumber("");
  REQUIRE_FALSE(empty.ok());
  CHECK_THAT(empty.error().message, Catch::Contains("empty"));
  CHECK_FALSE(parseNhsNumber("     ").ok());
}

TEST_CASE("anything but digits and spaces is refused") {
  for (const char* text : {"943-476-5919", "94347A5919", "943.476.5919", "943\t476 5919", "９４３4765919",
                           "+9434765919", "9434765919\n", "O434765919"}) {
    Result<NhsNumber> n = parseNhsNumber(text);
    INFO(text);
    REQUIRE_FALSE(n.ok());
    CHECK_THAT(n.error().message, Catch::Contains("only contain digits"));
  }
}

TEST_CASE("formatted shows 3-3-4 and re-parses") {
  NhsNumber n = *parseNhsNumber("9434765919");
  CHECK(n.formatted() == "943 476 5919");
  CHECK(*parseNhsNumber(n.formatted()) == n);
}

TEST_CASE("the 999 range is marked as test numbers") {
  // 999000000: 9*10 + 9*9 + 9*8 = 243, 243 mod 11 = 1 -> check digit 10: invalid; so search the range.
  int tested = 0;
  for (int tail = 0; tail < 200; ++tail) {
    std::string nine = "999" + std::string(6 - std::to_string(tail).size(), '0') + std::to_string(tail);
    const int check = referenceCheckDigit(nine);
    if (check < 0) continue;
    NhsNumber n = *parseNhsNumber(nine + static_cast<char>('0' + check));
    CHECK(n.isTestNumber());
    ++tested;
  }
  CHECK(tested > 100);
  CHECK_FALSE(parseNhsNumber("9434765919")->isTestNumber());
  // 998 999 999x sits just below the range.
  const int check = referenceCheckDigit("998999999");
  if (check >= 0)
    CHECK_FALSE(parseNhsNumber("998999999" + std::string(1, static_cast<char>('0' + check)))->isTestNumber());
}

TEST_CASE("typed digits are grouped 3-3-4 as they arrive") {
  CHECK(groupNhsDigits("") == "");
  CHECK(groupNhsDigits("9") == "9");
  CHECK(groupNhsDigits("943") == "943");
  CHECK(groupNhsDigits("9434") == "943 4");
  CHECK(groupNhsDigits("94347") == "943 47");
  CHECK(groupNhsDigits("943476") == "943 476");
  CHECK(groupNhsDigits("9434765") == "943 476 5");
  CHECK(groupNhsDigits("9434765919") == "943 476 5919");
}
