#include "scan/synthetic_scene.h"

#include <algorithm>
#include <cmath>

namespace longstop::scan::synthetic {
namespace {

constexpr int kQuietZone = 4;
constexpr double kPi = 3.14159265358979323846;

uint8_t clamp8(double v) {
  return static_cast<uint8_t>(std::clamp(v + 0.5, 0.0, 255.0));
}

// A 3x3 projective map, row-major: (x, y) = ((m0 u + m1 v + m2) / w, (m3 u + m4 v + m5) / w),
// w = m6 u + m7 v + m8.
using Matrix = std::array<double, 9>;

// The unit square onto a quad (Heckbert's square-to-quad).
Matrix squareToQuad(const std::array<Point, 4>& q) {
  const double x0 = q[0][0], y0 = q[0][1], x1 = q[1][0], y1 = q[1][1];
  const double x2 = q[2][0], y2 = q[2][1], x3 = q[3][0], y3 = q[3][1];
  const double dx1 = x1 - x2, dx2 = x3 - x2, dx3 = x0 - x1 + x2 - x3;
  const double dy1 = y1 - y2, dy2 = y3 - y2, dy3 = y0 - y1 + y2 - y3;
  const double den = dx1 * dy2 - dx2 * dy1;
  const double g = (dx3 * dy2 - dx2 * dy3) / den;
  const double h = (dx1 * dy3 - dx3 * dy1) / den;
  return {x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1};
}

Matrix inverse(const Matrix& m) {
  const double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
  const double A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const double det = a * A + b * B + c * C;
  return {A / det, -(b * i - c * h) / det, (b * f - c * e) / det,
          B / det, (a * i - c * g) / det,  -(a * f - c * d) / det,
          C / det, -(a * h - b * g) / det, (a * e - b * d) / det};
}

}  // namespace

uint64_t Random::next() {
  s_ ^= s_ >> 12;
  s_ ^= s_ << 25;
  s_ ^= s_ >> 27;
  return s_ * 0x2545F4914F6CDD1Dull;
}
double Random::uniform() {
  return static_cast<double>(next() >> 11) / 9007199254740992.0;
}
int Random::range(int lo, int hi) {
  return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
}
double Random::gaussian() {
  double s = 0;
  for (int i = 0; i < 12; ++i) s += uniform();
  return s - 6;
}

QrModules encodeQr(const std::string& text) {
  auto m = qr::encode(text, qr::Segments::kBytes);
  return m.ok() ? std::move(m.value()) : QrModules{};
}

Placement place(double cx, double cy, double side, double degrees, double tilt) {
  const double h = side / 2, top = h * (1 - tilt);
  const std::array<Point, 4> local = {{{-top, -h}, {top, -h}, {h, h}, {-h, h}}};
  const double r = degrees * kPi / 180, c = std::cos(r), s = std::sin(r);
  Placement p;
  for (size_t i = 0; i < 4; ++i)
    p.corners[i] = {cx + c * local[i][0] - s * local[i][1], cy + s * local[i][0] + c * local[i][1]};
  return p;
}

GrayFrame blankFrame() {
  GrayFrame f;
  f.resize(1280, 720);
  return f;
}

void fillPaper(GrayFrame& f, Random& rng, int level) {
  for (int y = 0; y < f.height; ++y)
    for (int x = 0; x < f.width; ++x)
      f.pixels[static_cast<size_t>(y) * f.stride + x] = clamp8(level + rng.range(-4, 4));
}

void fillBusy(GrayFrame& f, Random& rng) {
  fillPaper(f, rng, rng.range(90, 170));
  auto rect = [&](int x0, int y0, int w, int h, uint8_t v) {
    for (int y = std::max(0, y0); y < std::min(f.height, y0 + h); ++y)
      for (int x = std::max(0, x0); x < std::min(f.width, x0 + w); ++x)
        f.pixels[static_cast<size_t>(y) * f.stride + x] = v;
  };
  for (int i = 0; i < 40; ++i)  // furniture, posters, people
    rect(rng.range(-100, 1280), rng.range(-100, 720), rng.range(20, 300), rng.range(20, 300),
         static_cast<uint8_t>(rng.range(10, 245)));
  for (int i = 0; i < 12; ++i) {  // a notice: lines of word-like marks
    const int x0 = rng.range(0, 1100), y0 = rng.range(0, 650), cell = rng.range(3, 8);
    for (int line = 0; line < 6; ++line)
      for (int word = 0, x = x0; word < 6; ++word) {
        const int len = rng.range(2, 7) * cell;
        rect(x, y0 + line * cell * 3, len, cell * 2, 30);
        x += len + cell * 2;
      }
  }
}

void drawQr(GrayFrame& f, const QrModules& qr, const Placement& at, uint8_t darkLevel, uint8_t lightLevel) {
  const Matrix toImage = squareToQuad(at.corners);
  const Matrix toSquare = inverse(toImage);
  const int total = qr.size + 2 * kQuietZone;
  double minX = 1e9, minY = 1e9, maxX = -1e9, maxY = -1e9;
  for (const Point& p : at.corners) {
    minX = std::min(minX, p[0]), maxX = std::max(maxX, p[0]);
    minY = std::min(minY, p[1]), maxY = std::max(maxY, p[1]);
  }
  constexpr int kSub = 3;  // 3x3 samples per pixel: anti-aliased edges, as a lens gives
  for (int y = std::max(0, static_cast<int>(minY)); y <= std::min(f.height - 1, static_cast<int>(maxY) + 1);
       ++y) {
    for (int x = std::max(0, static_cast<int>(minX)); x <= std::min(f.width - 1, static_cast<int>(maxX) + 1);
         ++x) {
      double sum = 0;
      int inside = 0;
      for (int sy = 0; sy < kSub; ++sy)
        for (int sx = 0; sx < kSub; ++sx) {
          const double px = x + (sx + 0.5) / kSub, py = y + (sy + 0.5) / kSub;
          const double w = toSquare[6] * px + toSquare[7] * py + toSquare[8];
          const double u = (toSquare[0] * px + toSquare[1] * py + toSquare[2]) / w;
          const double v = (toSquare[3] * px + toSquare[4] * py + toSquare[5]) / w;
          if (u < 0 || u >= 1 || v < 0 || v >= 1) continue;
          const int mx = static_cast<int>(u * total) - kQuietZone,
                    my = static_cast<int>(v * total) - kQuietZone;
          const bool dark = mx >= 0 && my >= 0 && mx < qr.size && my < qr.size &&
                            qr.dark[static_cast<size_t>(my) * qr.size + mx];
          sum += dark ? darkLevel : lightLevel;
          ++inside;
        }
      if (inside == 0) continue;
      uint8_t& px = f.pixels[static_cast<size_t>(y) * f.stride + x];
      px = clamp8((sum + px * (kSub * kSub - inside)) / (kSub * kSub));
    }
  }
}

void boxBlur(GrayFrame& f, int radius, int passes) {
  if (radius <= 0) return;
  std::vector<uint8_t> tmp(f.pixels.size());
  auto pass = [&](bool horizontal) {
    const int n = horizontal ? f.width : f.height, lines = horizontal ? f.height : f.width;
    for (int l = 0; l < lines; ++l) {
      auto idx = [&](int i) {
        i = std::clamp(i, 0, n - 1);
        return horizontal ? static_cast<size_t>(l) * f.stride + i : static_cast<size_t>(i) * f.stride + l;
      };
      int sum = 0;
      for (int i = -radius; i <= radius; ++i) sum += f.pixels[idx(i)];
      for (int i = 0; i < n; ++i) {
        tmp[idx(i)] = static_cast<uint8_t>(sum / (2 * radius + 1));
        sum += f.pixels[idx(i + radius + 1)] - f.pixels[idx(i - radius)];
      }
    }
    f.pixels.swap(tmp);
  };
  for (int p = 0; p < passes; ++p) {
    pass(true);
    pass(false);
  }
}

void addNoise(GrayFrame& f, Random& rng, double sigma) {
  for (uint8_t& p : f.pixels) p = clamp8(p + sigma * rng.gaussian());
}

void unevenLight(GrayFrame& f, double darkest, double angleDegrees) {
  const double r = angleDegrees * kPi / 180, c = std::cos(r), s = std::sin(r);
  const double span = std::abs(c) * f.width + std::abs(s) * f.height;
  for (int y = 0; y < f.height; ++y)
    for (int x = 0; x < f.width; ++x) {
      const double t = ((x - f.width / 2.0) * c + (y - f.height / 2.0) * s) / span + 0.5;
      uint8_t& p = f.pixels[static_cast<size_t>(y) * f.stride + x];
      p = clamp8(p * (darkest + (1 - darkest) * t));
    }
}

void glare(GrayFrame& f, double cx, double cy, double rx, double ry) {
  for (int y = std::max(0, static_cast<int>(cy - ry * 1.5));
       y < std::min(f.height, static_cast<int>(cy + ry * 1.5)); ++y)
    for (int x = std::max(0, static_cast<int>(cx - rx * 1.5));
         x < std::min(f.width, static_cast<int>(cx + rx * 1.5)); ++x) {
      const double d = std::hypot((x - cx) / rx, (y - cy) / ry);
      const double k = d < 1 ? 1 : std::max(0.0, 1 - (d - 1) * 2);  // a saturated core, a soft edge
      uint8_t& p = f.pixels[static_cast<size_t>(y) * f.stride + x];
      p = clamp8(p + (255 - p) * k);
    }
}

void invert(GrayFrame& f) {
  for (uint8_t& p : f.pixels) p = static_cast<uint8_t>(255 - p);
}

}  // namespace longstop::scan::synthetic
