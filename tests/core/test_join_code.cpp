#include <catch2/catch.hpp>

#include "core/join_code.h"

using namespace longstop::core;

namespace {
JoinCode sample() {
  return {"B82005", "K7QX", "10.0.0.2", 4222, "MFRGGZDFMZTWQ2LK", "ONSWG4TFOQYTEMZUGU3DOOBZGA", 29446731};
}
std::string refusal(std::string_view text) {
  auto r = parseJoinCode(text);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::kInvalidInput);
  return r.error().message;
}
}  // namespace

TEST_CASE("join code: the canonical text reads back to the same code, short enough for a small QR") {
  const std::string text = formatJoinCode(sample());
  CHECK(text.rfind("LSJ1:B82005:K7QX:10.0.0.2:4222:MFRGGZDFMZTWQ2LK:ONSWG4TFOQYTEMZUGU3DOOBZGA:29446731:",
                   0) == 0);
  CHECK(text.size() <= 100);
  auto r = parseJoinCode(text);
  REQUIRE(r.ok());
  CHECK(r->site == "B82005");
  CHECK(r->deviceId == "K7QX");
  CHECK(r->host == "10.0.0.2");
  CHECK(r->port == 4222);
  CHECK(r->fingerprint == "MFRGGZDFMZTWQ2LK");
  CHECK(r->secret == "ONSWG4TFOQYTEMZUGU3DOOBZGA");
  CHECK(r->expiresMinute == 29446731);
  CHECK(formatJoinCode(*r) == text);
  // Only QR alphanumeric-mode characters.
  for (char c : text)
    CHECK(std::string_view("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:").find(c) !=
          std::string_view::npos);
}

TEST_CASE("join code: typed with small letters, spaces, line breaks and look-alike digits it still reads") {
  std::string text = formatJoinCode(sample());
  std::string typed;
  for (char c : text) typed += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  typed.insert(20, " ");
  typed.insert(50, "\n");
  auto r = parseJoinCode("  " + typed + " \r\n");
  REQUIRE(r.ok());
  CHECK(formatJoinCode(*r) == text);
  // An O typed as 0 in the secret.
  std::string zero = text;
  zero.replace(zero.find("OOBZ"), 1, "0");
  auto z = parseJoinCode(zero);
  REQUIRE(z.ok());
  CHECK(z->secret == "ONSWG4TFOQYTEMZUGU3DOOBZGA");
}

TEST_CASE("join code: a typing mistake anywhere is caught by the check and said as one") {
  const std::string text = formatJoinCode(sample());
  for (size_t at : {5u, 12u, 18u, 28u, 40u, 60u, 78u}) {
    std::string typo = text;
    typo[at] =
        typo[at] == '2' ? '3' : (typo[at] == 'A' ? 'C' : (typo[at] >= '0' && typo[at] <= '9' ? '2' : 'A'));
    if (typo == text) continue;
    INFO(typo);
    CHECK(refusal(typo).find("typing mistake") != std::string::npos);
  }
  std::string swapped = text;
  std::swap(swapped[50], swapped[51]);
  if (swapped != text) CHECK(refusal(swapped).find("typing mistake") != std::string::npos);
}

TEST_CASE("join code: a truncated code is called incomplete") {
  const std::string text = formatJoinCode(sample());
  for (size_t n :
       {size_t{1}, size_t{3}, size_t{5}, size_t{20}, size_t{60}, text.size() - 5, text.size() - 1}) {
    INFO(text.substr(0, n));
    CHECK(refusal(text.substr(0, n)).find("incomplete") != std::string::npos);
  }
}

TEST_CASE("join code: other codes and other products' codes are named, never taken for a join code") {
  CHECK(refusal("LST1:K7QX-000123:9C3B455C").find("a patient's ticket, not a join code") !=
        std::string::npos);
  CHECK(refusal("LSS1:S7K2QX:ONSWG4TFOQYTEMZUGU3DOOBZGA").find("a staff card") != std::string::npos);
  CHECK(refusal("943 476 5919").find("an NHS number") != std::string::npos);
  CHECK(refusal("WIFI:S:Surgery;T:WPA;P:secret;;").find("not a Longstop join code") != std::string::npos);
  CHECK(refusal("https://example.org/join").find("not a Longstop join code") != std::string::npos);
  CHECK(refusal("").find("Nothing was read") != std::string::npos);
  CHECK(refusal("   \n").find("Nothing was read") != std::string::npos);
  std::string newer = formatJoinCode(sample());
  newer[3] = '2';
  CHECK(refusal(newer).find("newer version") != std::string::npos);
  CHECK(refusal(formatJoinCode(sample()) + ":" + formatJoinCode(sample())).find("longer than a join code") !=
        std::string::npos);
  CHECK(refusal(std::string(10000, 'A')).find("far longer") != std::string::npos);
}

TEST_CASE("join code: a part that Longstop never writes is refused, even with a matching check") {
  auto with = [](auto change) {
    JoinCode c = sample();
    change(c);
    return refusal(formatJoinCode(c));
  };
  CHECK(with([](JoinCode& c) { c.site = "B8"; }).find("site (ODS code) is not right") != std::string::npos);
  CHECK(with([](JoinCode& c) { c.deviceId = "K0QX"; }).find("device ID") != std::string::npos);
  CHECK(with([](JoinCode& c) { c.host = "10.0.0.256"; }).find("network address") != std::string::npos);
  CHECK(with([](JoinCode& c) { c.host = "10.0.0"; }).find("network address") != std::string::npos);
  CHECK(with([](JoinCode& c) { c.host = "10.00.0.2"; }).find("network address") != std::string::npos);
  CHECK(with([](JoinCode& c) { c.port = 0; }).find("port") != std::string::npos);
  CHECK(with([](JoinCode& c) { c.port = 65536; }).find("port") != std::string::npos);
  CHECK(with([](JoinCode& c) { c.fingerprint = "MFRGGZDF"; }).find("fingerprint") != std::string::npos);
  CHECK(with([](JoinCode& c) { c.secret = "ONSWG4TFOQYTEMZUGU3DOOBZG"; }).find("secret") !=
        std::string::npos);
  CHECK(with([](JoinCode& c) { c.expiresMinute = 0; }).find("expiry") != std::string::npos);
}

TEST_CASE("join code: expiry is said with its time in UTC") {
  const JoinCode c = sample();
  CHECK(joinCodeExpiry(c, c.expiresMinute * 60'000 - 1).ok());
  auto late = joinCodeExpiry(c, c.expiresMinute * 60'000);
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().message.find("This join code expired at ") == 0);
  CHECK(late.error().message.find(" UTC on ") != std::string::npos);
  CHECK(late.error().message.find("valid for 10 minutes") != std::string::npos);
  JoinCode noon = c;
  noon.expiresMinute = 20425 * 1440 + 12 * 60 + 5;  // 2025-12-03 12:05 UTC
  CHECK(
      joinCodeExpiry(noon, noon.expiresMinute * 60'000 + 1).error().message.find("12:05 UTC on 2025-12-03") !=
      std::string::npos);
}
