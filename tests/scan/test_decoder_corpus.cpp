// The generated corpus through the real ZXing: every frame a decoder worth shipping must read is read,
// with the right text, and frames with no code give nothing. The frames are also written as PNG files
// into the build directory (scan-corpus/) and read back through ImageFileSource, the path that
// `longstopctl scan` takes.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include "scan/decoder.h"
#include "scan/image_file.h"
#include "scan/synthetic_corpus.h"
#include "scan/synthetic_scene.h"
#include "support/blank_png.h"
#include "support/temp_dir.h"

using namespace longstop::scan;
namespace fs = std::filesystem;

namespace {

const std::vector<synthetic::CorpusImage>& corpus() {
  static const std::vector<synthetic::CorpusImage> c = synthetic::makeCorpus();
  return c;
}

// Beside the test program in the build directory, never in the source tree; in the temporary folder
// where the program's folder cannot be written (a copy installed on a read-only root, image/test-units).
fs::path corpusDir() {
  const fs::path home = fs::read_symlink("/proc/self/exe").parent_path();
  const fs::path dir = (::access(home.c_str(), W_OK) == 0 ? home : fs::temp_directory_path()) / "scan-corpus";
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("decoder: the generated corpus covers what the issue asks for") {
  std::map<std::string, int> perCategory;
  for (const auto& img : corpus()) {
    ++perCategory[img.category];
    CHECK(img.frame.width == 1280);
    CHECK(img.frame.height == 720);
  }
  for (const char* c : {"size", "rotation", "perspective", "blur", "noise", "low-contrast", "lighting",
                        "glare", "inverted", "busy", "combined", "empty"})
    CHECK(perCategory[c] >= 4);
}

TEST_CASE("decoder: tuned settings read every must-read frame and invent nothing") {
  const Decoder tuned(DecoderProfile::kTuned);
  int read = 0, withCode = 0;
  for (const auto& img : corpus()) {
    INFO(img.name);
    auto r = tuned.decode(img.frame);
    if (img.expectedText.empty()) {
      CHECK_FALSE(r);
      continue;
    }
    ++withCode;
    if (r) {
      CHECK(r->text == img.expectedText);
      CHECK(r->format == "QRCode");
      ++read;
    }
    if (img.mustRead) CHECK(r);
  }
  WARN("tuned decoder read " << read << " of " << withCode << " frames with a code");
}

TEST_CASE("decoder: ZXing's defaults invent nothing either (the benchmark compares the two)") {
  const Decoder defaults(DecoderProfile::kZxingDefault);
  for (const auto& img : corpus())
    if (img.expectedText.empty()) {
      INFO(img.name);
      CHECK_FALSE(defaults.decode(img.frame));
    }
}

TEST_CASE("decoder: frames written as PNG read back through ImageFileSource and decode the same") {
  const fs::path dir = corpusDir();
  std::vector<fs::path> files;
  std::vector<std::string> expected;
  for (const auto& img : corpus()) {
    const fs::path p = dir / (img.name + ".png");
    REQUIRE(writeGrayPng(p, img.frame));
    if (img.category == "size" || img.category == "empty") {
      files.push_back(p);
      expected.push_back(img.mustRead ? img.expectedText : "?");
    }
  }
  ImageFileSource source(files);
  REQUIRE(source.start().ok());
  GrayFrame f;
  const Decoder tuned;
  for (size_t i = 0; i < files.size(); ++i) {
    INFO(files[i]);
    REQUIRE(source.next(f, 0));
    if (expected[i] == "?") continue;
    auto r = tuned.decode(f);
    if (expected[i].empty())
      CHECK_FALSE(r);
    else
      CHECK((r && r->text == expected[i]));
  }
  CHECK_FALSE(source.next(f, 0));
}

TEST_CASE("image files paced like a camera: no frame before its time, none lost") {
  const fs::path dir = corpusDir();
  const fs::path p = dir / "paced.png";
  GrayFrame blank;
  blank.resize(64, 48);
  REQUIRE(writeGrayPng(p, blank));
  ImageFileSource source({p}, /*loop=*/true, /*framesPerSecond=*/4);
  REQUIRE(source.start().ok());
  GrayFrame f;
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(source.next(f, 0));       // the first at once
  CHECK_FALSE(source.next(f, 20));  // the next is 250 ms away: nothing within 20 ms
  REQUIRE(source.next(f, 1000));
  REQUIRE(source.next(f, 1000));
  // Three frames at 4 a second span at least two intervals.
  CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(500));
  CHECK(f.sequence == 3);
}

TEST_CASE("decoder: a Code 128 NHS-number barcode, as printed on letters") {
  ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::Code128);
  writer.setMargin(10);
  const ZXing::BitMatrix bars = writer.encode(L"9434765919", 0, 60);
  synthetic::Random rng(3);
  GrayFrame f = synthetic::blankFrame();
  synthetic::fillPaper(f, rng, 200);
  const int module = 3;
  for (int y = 0; y < 120; ++y)
    for (int x = 0; x < bars.width() * module; ++x)
      if (bars.get(x / module, 0)) f.pixels[static_cast<size_t>(300 + y) * f.stride + 400 + x] = 30;
  synthetic::addNoise(f, rng, 4);
  auto r = Decoder().decode(f);
  REQUIRE(r);
  CHECK(r->text == "9434765919");
  CHECK(r->format == "Code128");
}

TEST_CASE("image files: an unreadable file is an error naming it; bad frames never crash the decoder") {
  const fs::path dir = corpusDir();
  { std::ofstream(dir / "not-an-image.png") << "hello"; }
  auto bad = loadGrayImage(dir / "not-an-image.png");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("not-an-image.png") != std::string::npos);
  CHECK_FALSE(loadGrayImage(dir / "missing.png").ok());
  GrayFrame odd;
  odd.width = 100;
  odd.height = 100;
  odd.stride = 100;  // no pixels at all
  CHECK_FALSE(Decoder().decode(odd));
  odd.resize(1, 1);
  CHECK_FALSE(Decoder().decode(odd));
}

TEST_CASE("image files: a picture too large to decode is refused from its header, naming its size") {
  longstop::test::TempDir dir;
  // 20000×20000 grey: 400 MB of pixels (900 MB in stb_image) from a file of a few hundred kilobytes.
  const std::string big = longstop::test::blankPng(20000, 20000);
  REQUIRE(big.size() < 1'000'000);
  std::ofstream(dir / "big.png", std::ios::binary) << big;
  std::ofstream(dir / "wide.png", std::ios::binary) << longstop::test::blankPng(10001, 1);
  std::ofstream(dir / "small.png", std::ios::binary) << longstop::test::blankPng(7, 3);

  auto r = loadGrayImage(dir / "big.png");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message ==
        "Cannot read " + (dir / "big.png").string() +
            ": the picture is 20000 x 20000 pixels; Longstop reads pictures of at most 50 "
            "megapixels and 10000 pixels on a side.");
  auto fromMemory = decodeGrayImage(big);
  REQUIRE_FALSE(fromMemory.ok());
  CHECK_THAT(fromMemory.error().message, Catch::Contains("20000 x 20000"));
  auto wide = loadGrayImage(dir / "wide.png");
  REQUIRE_FALSE(wide.ok());
  CHECK_THAT(wide.error().message, Catch::Contains("10001 x 1 pixels"));

  // The same writer's small picture is a real PNG that decodes, so the refusals above are for size.
  auto small = loadGrayImage(dir / "small.png");
  REQUIRE(small.ok());
  CHECK(small->width == 7);
  CHECK(small->height == 3);

  // A camera fed from files (--camera-files) skips the picture and says why.
  ImageFileSource source({dir / "big.png", dir / "small.png"});
  REQUIRE(source.start().ok());
  GrayFrame f;
  REQUIRE(source.next(f, 100));
  CHECK(f.width == 7);
  CHECK_THAT(source.lastError(), Catch::Contains("20000 x 20000"));
}
