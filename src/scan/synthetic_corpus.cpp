#include "scan/synthetic_corpus.h"

#include <cstdio>
#include <functional>

#include "scan/synthetic_scene.h"

namespace longstop::scan::synthetic {
namespace {

// Payloads of the lengths Longstop meets: a ticket, an appointment code, a staff card, an NHS number,
// and a batch acknowledgement (the longest).
const std::vector<std::string> kTexts = {
    "LST1:K7QX-000123:9C3B455C",
    "LSA1:B82005:APT-20240307-0042:0A1B2C3D",
    "LSS1:K7QX23:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "9434765919",
    "LSK1:B82005:K7QX:12:0123456789abcdef:"
    "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-Pw",
};

std::string numbered(const char* stem, int n) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s-%03d", stem, n);
  return buf;
}

// Side in pixels of a code whose modules are `modulePx` wide (quiet zone included).
double sideFor(const QrModules& qr, double modulePx) {
  return (qr.size + 8) * modulePx;
}

class Builder {
 public:
  std::vector<CorpusImage> out;

  // One code on paper (or a busy scene), then `effects`.
  void add(const std::string& category, const std::string& name, bool mustRead, size_t textIndex,
           double modulePx, double degrees, double tilt, bool busy,
           const std::function<void(GrayFrame&, Random&)>& effects = {}, double cx = 640, double cy = 360,
           bool inverted = false) {
    Random rng(out.size() + 1);
    GrayFrame f = blankFrame();
    busy ? fillBusy(f, rng) : fillPaper(f, rng, 190);
    const std::string& text = kTexts[textIndex % kTexts.size()];
    const QrModules qr = encodeQr(text);
    const Placement at = place(cx, cy, sideFor(qr, modulePx), degrees, tilt);
    inverted ? drawQr(f, qr, at, 235, 20) : drawQr(f, qr, at);
    if (effects) effects(f, rng);
    out.push_back({name, category, text, mustRead, std::move(f)});
  }

  void addEmpty(const std::string& name, const std::function<void(GrayFrame&, Random&)>& draw) {
    Random rng(out.size() + 1000);
    GrayFrame f = blankFrame();
    draw(f, rng);
    out.push_back({name, "empty", "", true, std::move(f)});
  }
};

void sizes(Builder& b) {
  const double modules[] = {1.5, 2, 2.5, 3, 4, 6, 9, 12};
  for (int i = 0; i < 8; ++i) b.add("size", numbered("size", i), modules[i] >= 2, i, modules[i], 0, 0, false);
}

void rotations(Builder& b) {
  const double degrees[] = {5, 15, 30, 45, 60, 90, 135, 200, 250, 315};
  for (int i = 0; i < 10; ++i)
    b.add("rotation", numbered("rotation", static_cast<int>(degrees[i])), true, i, 4, degrees[i], 0, false);
}

void perspective(Builder& b) {
  const double tilts[] = {0.1, 0.2, 0.3, 0.4};
  for (int i = 0; i < 8; ++i)
    b.add("perspective", numbered("perspective", i), tilts[i % 4] <= 0.3, i, 5, i < 4 ? 0 : 80, tilts[i % 4],
          false);
}

void blur(Builder& b) {
  for (int r = 1; r <= 4; ++r)
    b.add("blur", numbered("blur", r), r <= 2, static_cast<size_t>(r), 5, 10, 0, false,
          [r](GrayFrame& f, Random&) { boxBlur(f, r); });
}

void noise(Builder& b) {
  const double sigmas[] = {10, 20, 30, 45};
  for (int i = 0; i < 4; ++i)
    b.add("noise", numbered("noise", static_cast<int>(sigmas[i])), sigmas[i] <= 30, static_cast<size_t>(i), 4,
          20, 0, false, [s = sigmas[i]](GrayFrame& f, Random& rng) { addNoise(f, rng, s); });
}

void lowContrast(Builder& b) {
  const int gaps[] = {60, 40, 25, 15};
  for (int i = 0; i < 4; ++i)
    b.add("low-contrast", numbered("contrast", gaps[i]), gaps[i] >= 25, static_cast<size_t>(i), 5, 5, 0,
          false, [g = gaps[i]](GrayFrame& f, Random& rng) {
            // Squeeze the whole frame into a band `g` levels wide around mid-grey, with a little noise.
            for (uint8_t& p : f.pixels) p = static_cast<uint8_t>(128 - g / 2 + p * g / 255);
            addNoise(f, rng, 2);
          });
}

void lighting(Builder& b) {
  const double darkest[] = {0.5, 0.3, 0.2, 0.1};
  for (int i = 0; i < 4; ++i)
    b.add("lighting", numbered("lighting", i), darkest[i] >= 0.2, static_cast<size_t>(i), 5, 0, 0, false,
          [d = darkest[i], i](GrayFrame& f, Random&) { unevenLight(f, d, 30.0 + 90 * i); });
}

void glares(Builder& b) {
  // A bright spot over part of the code, away from the finder patterns: error correction has to cope.
  const double radii[] = {0.08, 0.12, 0.16, 0.25};
  for (int i = 0; i < 4; ++i)
    b.add("glare", numbered("glare", i), radii[i] <= 0.08, static_cast<size_t>(i), 6, 0, 0, false,
          [r = radii[i]](GrayFrame& f, Random&) {
            const double side = 300;
            glare(f, 640 + side * 0.12, 360 + side * 0.1, side * r, side * r * 0.7);
          });
}

void inverted(Builder& b) {
  for (int i = 0; i < 4; ++i)
    b.add("inverted", numbered("inverted", i), true, static_cast<size_t>(i), 4 + i, 10.0 * i, 0, false, {},
          640, 360, true);
}

void busyScenes(Builder& b) {
  const double xs[] = {200, 1000, 640, 350, 900, 640, 1100, 180};
  const double ys[] = {150, 550, 360, 500, 200, 600, 120, 560};
  for (int i = 0; i < 8; ++i)
    b.add(
        "busy", numbered("busy", i), true, static_cast<size_t>(i), 3 + (i % 3), 20.0 * i, 0.05 * (i % 3),
        true, [](GrayFrame& f, Random& rng) { addNoise(f, rng, 5); }, xs[i], ys[i]);
}

void combined(Builder& b) {
  for (int i = 0; i < 6; ++i)
    b.add(
        "combined", numbered("combined", i), i < 4, static_cast<size_t>(i), 4 + 0.5 * i, 25.0 * i, 0.15,
        i % 2 == 0,
        [i](GrayFrame& f, Random& rng) {
          unevenLight(f, 0.45, 60.0 * i);
          boxBlur(f, 1, 1);
          addNoise(f, rng, 8 + 2 * i);
        },
        500 + 40 * i, 330 + 10 * i);
}

void empties(Builder& b) {
  for (int i = 0; i < 6; ++i)
    b.addEmpty(numbered("empty-busy", i), [](GrayFrame& f, Random& rng) {
      fillBusy(f, rng);
      addNoise(f, rng, 6);
    });
  b.addEmpty("empty-paper", [](GrayFrame& f, Random& rng) { fillPaper(f, rng, 200); });
  b.addEmpty("empty-noise", [](GrayFrame& f, Random& rng) {
    fillPaper(f, rng, 128);
    addNoise(f, rng, 50);
  });
  for (int i = 0; i < 3; ++i)  // squares like finder patterns, and bars like a linear barcode
    b.addEmpty(numbered("empty-pattern", i), [i](GrayFrame& f, Random& rng) {
      fillPaper(f, rng, 200);
      const int cell = 6 + 6 * i;
      for (int y = 0; y < f.height; ++y)
        for (int x = 0; x < f.width; ++x) {
          const bool dark = i == 2 ? ((x / cell) * 7 % 3 == 0) : (((x / cell) + (y / cell)) % 2 == 0);
          if (dark) f.pixels[static_cast<size_t>(y) * f.stride + x] = 25;
        }
      boxBlur(f, 1, 1);
    });
  b.addEmpty("empty-dark", [](GrayFrame& f, Random& rng) {
    fillPaper(f, rng, 12);
    addNoise(f, rng, 3);
  });
}

}  // namespace

std::vector<CorpusImage> makeCorpus() {
  Builder b;
  sizes(b);
  rotations(b);
  perspective(b);
  blur(b);
  noise(b);
  lowContrast(b);
  lighting(b);
  glares(b);
  inverted(b);
  busyScenes(b);
  combined(b);
  empties(b);
  return std::move(b.out);
}

}  // namespace longstop::scan::synthetic
