// A staff card as typed: what is wrong with it, as soon as it is wrong.
#include <catch2/catch.hpp>

#include "core/staff_card.h"

using namespace longstop::core;

namespace {
const char* kCard = "LSS1:S7K2QX:ABCDEFGHIJKLMNOPQRSTUVWXYZ";  // 26 letters: a well-formed secret
}

TEST_CASE("a well-formed card is complete, with or without the prefix, spaces or lower case") {
  TypedCard c = readTypedCard(kCard);
  CHECK(c.problem == CardProblem::kNone);
  CHECK(c.staffId == "S7K2QX");
  CHECK(c.secret == "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  CHECK(readTypedCard("s7k2qx abcd efgh ijkl mnop qrst uvwx yz").problem == CardProblem::kNone);
  CHECK(readTypedCard("S7K2QX:ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ").problem == CardProblem::kNone);
}

TEST_CASE("while typing, an unfinished card is not a problem") {
  for (const char* partial : {"L", "LS", "LSS1", "LSS1:", "LSS1:S7K", "LSS1:S7K2QX:", "S7K2QXABC"}) {
    INFO(partial);
    CHECK(readTypedCard(partial).problem == CardProblem::kUnfinished);
  }
}

TEST_CASE("a wrong character is refused as soon as it is typed") {
  TypedCard c = readTypedCard("LSS1:S7K2Q1");  // '1' is never in a staff ID
  CHECK(c.problem == CardProblem::kBadStaffId);
  CHECK(c.badChar == '1');
  c = readTypedCard("LSS1:S7K2QX:ABC0");  // '0' is not base32
  CHECK(c.problem == CardProblem::kBadSecretChar);
  CHECK(c.badChar == '0');
  CHECK(readTypedCard("LSS1:S7K:ABC").problem == CardProblem::kBadStaffId);  // ID too short for its colon
  CHECK(readTypedCard(std::string(kCard) + "A").problem == CardProblem::kTooLong);
  CHECK(readTypedCard("LST1:K7QX-000123:9F2C0A1B").problem == CardProblem::kNotACard);
}
