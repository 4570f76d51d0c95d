#include "scan/preview.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace longstop::scan {

GrayFrame downscaleForPreview(const GrayFrame& in, int maxWidth) {
  GrayFrame out;
  out.sequence = in.sequence;
  if (in.empty() || maxWidth <= 0) return out;
  if (in.width <= maxWidth) {
    out.resize(in.width, in.height);
    for (int y = 0; y < in.height; ++y)
      std::copy_n(&in.pixels[static_cast<size_t>(y) * in.stride], in.width,
                  &out.pixels[static_cast<size_t>(y) * in.width]);
    return out;
  }
  const int w = maxWidth;
  const int h =
      std::max(1, static_cast<int>((static_cast<int64_t>(in.height) * w + in.width / 2) / in.width));
  out.resize(w, h);
  // Output column x averages source columns [x0[x], x0[x + 1]); rows likewise. Every source pixel
  // falls in exactly one block, and every block is at least one pixel wide.
  std::vector<int> x0(static_cast<size_t>(w) + 1);
  for (int x = 0; x <= w; ++x) x0[x] = static_cast<int>(static_cast<int64_t>(x) * in.width / w);
  std::vector<uint32_t> sums(static_cast<size_t>(w));
  for (int y = 0; y < h; ++y) {
    const int ya = static_cast<int>(static_cast<int64_t>(y) * in.height / h);
    const int yb = std::max(ya + 1, static_cast<int>(static_cast<int64_t>(y + 1) * in.height / h));
    std::fill(sums.begin(), sums.end(), 0u);
    for (int sy = ya; sy < yb; ++sy) {
      const uint8_t* row = &in.pixels[static_cast<size_t>(sy) * in.stride];
      for (int x = 0; x < w; ++x) {
        uint32_t s = 0;
        for (int sx = x0[x]; sx < x0[x + 1]; ++sx) s += row[sx];
        sums[x] += s;
      }
    }
    uint8_t* dst = &out.pixels[static_cast<size_t>(y) * w];
    for (int x = 0; x < w; ++x) {
      const uint32_t n = static_cast<uint32_t>((x0[x + 1] - x0[x]) * (yb - ya));
      dst[x] = static_cast<uint8_t>((sums[x] + n / 2) / n);
    }
  }
  return out;
}

uint64_t PreviewSlot::epoch() const {
  std::lock_guard lock(mutex_);
  return epoch_;
}

bool PreviewSlot::put(GrayFrame frame, uint64_t epoch) {
  std::lock_guard lock(mutex_);
  if (epoch != epoch_) return false;
  frame_ = std::move(frame);
  return true;
}

std::optional<GrayFrame> PreviewSlot::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(frame_, std::nullopt);
}

bool PreviewSlot::waiting() const {
  std::lock_guard lock(mutex_);
  return frame_.has_value();
}

void PreviewSlot::clear() {
  std::lock_guard lock(mutex_);
  frame_.reset();
  ++epoch_;
}

}  // namespace longstop::scan
