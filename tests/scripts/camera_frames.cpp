// camera-frames DIR: writes a few 1280x720 PNG frames of an appointment code held up in a waiting room,
// moving a little from frame to frame, for `longstop --camera-files DIR` in the scripted tests.
#include <cstdio>
#include <filesystem>
#include <string>

#include "scan/image_file.h"
#include "scan/synthetic_scene.h"

using namespace longstop::scan;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: camera-frames DIR\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const synthetic::QrModules qr = synthetic::encodeQr("LSA1:Y01234:D002:5F3A9C21");
  for (int i = 0; i < 4; ++i) {
    synthetic::Random rng(7 + i);
    GrayFrame f = synthetic::blankFrame();
    synthetic::fillBusy(f, rng);
    synthetic::drawQr(f, qr, synthetic::place(600 + 12 * i, 370 - 6 * i, 300, 8 - 3 * i, 0.05));
    synthetic::addNoise(f, rng, 6);
    const auto path = dir / ("frame-" + std::to_string(i) + ".png");
    if (!writeGrayPng(path, f)) {
      std::fprintf(stderr, "camera-frames: cannot write %s\n", path.c_str());
      return 1;
    }
  }
  return 0;
}
