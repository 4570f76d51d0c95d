// Drawing test images of codes as a camera might see them: a QR code (from libqrencode) placed in a
// 1280x720 scene with rotation and perspective, then blur, noise, uneven light, glare. For the tests and
// the benchmark only (library longstop_scan_corpus); nothing here is used by the kiosk.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "qr/encode.h"
#include "scan/frame.h"

namespace longstop::scan::synthetic {

/// A deterministic random source (xorshift64*), the same on every machine.
class Random {
 public:
  explicit Random(uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t next();
  double uniform();           // [0, 1)
  int range(int lo, int hi);  // [lo, hi]
  double gaussian();          // mean 0, deviation 1 (approximately)

 private:
  uint64_t s_;
};

/// Modules of a QR code, row-major, 1 = dark; `size` modules a side (no quiet zone).
using QrModules = qr::Matrix;
/// The text's QR code in 8-bit mode, as the kiosk makes tickets (qr::encode); empty if it does not fit.
QrModules encodeQr(const std::string& text);

using Point = std::array<double, 2>;

/// Where a code lands: the corners of its printed square (quiet zone included), clockwise from
/// top-left, in frame pixels.
struct Placement {
  std::array<Point, 4> corners;
};
/// An upright square of `side` pixels centred at (cx, cy), rotated by `degrees`, with its top edge
/// `tilt` (0..0.5) shorter than the bottom one (a code held tipped back).
Placement place(double cx, double cy, double side, double degrees, double tilt = 0);

/// Backgrounds.
void fillPaper(GrayFrame& f, Random& rng, int level = 200);
void fillBusy(GrayFrame& f, Random& rng);  // shapes, lines, text-like marks: a waiting room
/// Draws the code (with a 4-module quiet zone) at the placement, anti-aliased.
void drawQr(GrayFrame& f, const QrModules& qr, const Placement& at, uint8_t darkLevel = 20,
            uint8_t lightLevel = 235);

/// Effects on the whole frame.
void boxBlur(GrayFrame& f, int radius, int passes = 2);
void addNoise(GrayFrame& f, Random& rng, double sigma);
void unevenLight(GrayFrame& f, double darkest, double angleDegrees);   // multiplies by a gradient
void glare(GrayFrame& f, double cx, double cy, double rx, double ry);  // a saturated bright spot
void invert(GrayFrame& f);

/// A 1280x720 frame.
GrayFrame blankFrame();

}  // namespace longstop::scan::synthetic
