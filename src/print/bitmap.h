// A one-bit picture as a thermal printer prints it: one byte a dot (1 = black) for easy drawing; the
// printer's packed rows are made only when the job is encoded (escpos.h).
#pragma once

#include <cstdint>
#include <vector>

namespace longstop::print {

struct Bitmap {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> dots;  // width*height, row-major, 1 = black

  Bitmap() = default;
  Bitmap(int w, int h) : width(w), height(h), dots(static_cast<size_t>(w) * h, 0) {}
  bool at(int x, int y) const { return dots[static_cast<size_t>(y) * width + x] != 0; }
  void set(int x, int y, bool black) {
    if (x >= 0 && y >= 0 && x < width && y < height) dots[static_cast<size_t>(y) * width + x] = black ? 1 : 0;
  }
  void fill(int x0, int y0, int w, int h, bool black) {
    for (int y = y0; y < y0 + h; ++y)
      for (int x = x0; x < x0 + w; ++x) set(x, y, black);
  }
  /// Keeps rows [0, h): the layout is drawn on a tall sheet and cut to what it used.
  void cropHeight(int h) {
    if (h < height) {
      height = h;
      dots.resize(static_cast<size_t>(width) * h);
    }
  }
};

}  // namespace longstop::print
