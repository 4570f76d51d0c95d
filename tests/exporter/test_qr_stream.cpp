// The QR stream: frames drawn as real PNG files, read back with ZXing, in a shuffled order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>

#include "crypto/primitives.h"
#include "exporter/qr_image.h"
#include "exporter/qr_stream.h"
#include "qr/encode.h"
#include "scan/decoder.h"
#include "scan/image_file.h"
#include "support/blank_png.h"
#include "support/temp_dir.h"

using namespace longstop;
using namespace longstop::exporter;

namespace {
const bool kSodiumReady = crypto::initialise();
}  // namespace

TEST_CASE("base32 round-trips and refuses what it did not write") {
  for (size_t n = 0; n < 40; ++n) {
    const std::string bytes = crypto::randomBytes(n);
    auto back = crypto::fromBase32(crypto::toBase32(bytes));
    REQUIRE(back);
    CHECK(*back == bytes);
  }
  CHECK_FALSE(crypto::fromBase32("abc"));
  CHECK_FALSE(crypto::fromBase32("A"));   // 5 bits: not a whole byte, not padding
  CHECK_FALSE(crypto::fromBase32("AB"));  // padding bits must be zero
}

TEST_CASE("frames fit a readable QR code and reassemble in any order") {
  const std::string file = "LONGSTOP-BATCH 1\n" + crypto::randomBytes(5000);
  auto frames = qrStreamFrames(file);
  REQUIRE(frames.size() == (file.size() + kQrFrameBytes - 1) / kQrFrameBytes);
  for (const auto& f : frames) {
    auto m = qr::encode(f, qr::Segments::kSmallest);
    REQUIRE(m.ok());
    CHECK(m->version <= 19);  // 93 modules: about 6 px a module on a 600 px tall screen area
  }
  std::mt19937 rng(7);
  std::shuffle(frames.begin(), frames.end(), rng);
  QrStreamAssembler a;
  for (size_t i = 0; i + 2 < frames.size(); ++i) REQUIRE(a.add(frames[i]).value());
  CHECK_FALSE(a.complete());
  CHECK(a.missing().size() == 2);
  CHECK(a.assemble().error().message.find("still missing") != std::string::npos);
  CHECK_FALSE(a.add(frames[0]).value());  // seen before: fine, nothing new
  a.add(frames[frames.size() - 2]).value();
  a.add(frames.back()).value();
  REQUIRE(a.complete());
  CHECK(a.assemble().value() == file);
  // A frame of another batch is refused.
  CHECK_FALSE(a.add(qrStreamFrames("something else")[0]).ok());
}

TEST_CASE("QR stream round trip through rendered PNG files and the ZXing decoder") {
  test::TempDir dir;
  const std::string file = "LONGSTOP-BATCH 1\n" + crypto::randomBytes(3 * kQrFrameBytes + 100);
  const auto frames = qrStreamFrames(file);
  REQUIRE(frames.size() == 4);
  std::vector<std::string> paths;
  for (size_t i = 0; i < frames.size(); ++i) {
    auto img = renderQr(frames[i], 3);
    REQUIRE(img.ok());
    const auto path = dir / ("frame" + std::to_string(i) + ".png");
    REQUIRE(writePng(*img, path).ok());
    paths.push_back(path.string());
  }
  std::reverse(paths.begin(), paths.end());
  QrStreamAssembler a;
  for (size_t i = 0; i < paths.size(); ++i) {
    auto img = scan::loadGrayImage(paths[i]);
    REQUIRE(img.ok());
    const auto codes = scan::Decoder().decodeAll(*img);
    REQUIRE(codes.size() == 1);
    REQUIRE(a.add(codes[0].text).ok());
    if (i == 1) CHECK(describeNumbers(a.missing()) == "1, 2");
  }
  REQUIRE(a.complete());
  CHECK(a.assemble().value() == file);
}

TEST_CASE("frame parser refuses malformed frames") {
  for (const char* bad :
       {"", "LSQ1:", "LSQ1:ABCDEF01", "LSQ1:ABCDEF01:1/2", "LSQ1:abcdef01:1/2:AA", "LSQ1:ABCDEF01:0/2:AA",
        "LSQ1:ABCDEF01:3/2:AA", "LSQ1:ABCDEF01:1/2:a", "LSQ1:ABCDEF0:1/2:AA", "LSQ1:ABCDEF01:1-2:AA",
        "LSQ2:ABCDEF01:1/2:AA", "LSQ1:ABCDEF01:1/9999999:AA"})
    CHECK_FALSE(parseQrFrame(bad).ok());
  CHECK(describeNumbers({1, 2, 3, 5, 7, 8}) == "1 to 3, 5, 7, 8");
}
