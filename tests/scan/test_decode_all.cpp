// decodeAll: every code in a photo, with the kiosk's own settings (the receiving PC reads photos of the
// kiosk's screen with it), and qr::encode's two segment modes.
#include <catch2/catch.hpp>

#include <algorithm>

#include "qr/encode.h"
#include "scan/decoder.h"
#include "scan/synthetic_scene.h"

using namespace longstop;
using namespace longstop::scan;

TEST_CASE("a photo with two codes gives both; the kiosk's decode gives one of them") {
  const std::string a = "LSQ1:0A1B2C3D:1/2:MFRGGZDFMZTWQ2LK";
  const std::string b = "LSQ1:0A1B2C3D:2/2:ONSWG4TFOQ";
  synthetic::Random rng(11);
  GrayFrame f = synthetic::blankFrame();
  synthetic::fillPaper(f, rng, 200);
  synthetic::drawQr(f, synthetic::encodeQr(a), synthetic::place(330, 360, 280, 0));
  synthetic::drawQr(f, synthetic::encodeQr(b), synthetic::place(950, 360, 280, 8));
  const auto all = Decoder().decodeAll(f);
  std::vector<std::string> texts;
  for (const auto& c : all) texts.push_back(c.text);
  std::sort(texts.begin(), texts.end());
  CHECK(texts == std::vector<std::string>{a, b});
  const auto one = Decoder().decode(f);
  REQUIRE(one);
  CHECK((one->text == a || one->text == b));
  CHECK(Decoder().decodeAll(synthetic::blankFrame()).empty());
}

TEST_CASE("qr::encode: the smallest segments take fewer modules; a text too long is refused") {
  const std::string frame = "LSQ1:0A1B2C3D:1/1:" + std::string(600, 'A');
  auto bytes = qr::encode(frame, qr::Segments::kBytes);
  auto smallest = qr::encode(frame, qr::Segments::kSmallest);
  REQUIRE(bytes.ok());
  REQUIRE(smallest.ok());
  CHECK(smallest->version < bytes->version);
  CHECK(smallest->size == 17 + 4 * smallest->version);
  CHECK(smallest->dark.size() == static_cast<size_t>(smallest->size) * smallest->size);
  auto tooLong = qr::encode(std::string(4000, 'x'), qr::Segments::kBytes);
  REQUIRE_FALSE(tooLong.ok());
  CHECK(tooLong.error().message == "The text is too long for one QR code (4000 characters).");
}
