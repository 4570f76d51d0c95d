#include "escpos_decode.h"

#include <cstdint>
#include <vector>

namespace longstop::print::test {

DecodedJob decodeJob(std::string_view s) {
  DecodedJob job;
  size_t i = 0;
  auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  auto fail = [&](const std::string& why) {
    job.error = why + " at byte " + std::to_string(i);
    return job;
  };
  Bitmap& pic = job.picture;
  while (i < s.size()) {
    if (job.cut) return fail("bytes after the cut");
    if (i + 1 < s.size() && byte(i) == 0x1B && s[i + 1] == '@') {
      if (i != 0) return fail("ESC @ in the middle of a job");
      job.initialised = true;
      i += 2;
    } else if (i + 7 < s.size() && byte(i) == 0x1D && s[i + 1] == 'v' && s[i + 2] == '0') {
      if (byte(i + 3) != 0) return fail("a raster block not at normal density");
      const int rowBytes = byte(i + 4) | (byte(i + 5) << 8);
      const int rows = byte(i + 6) | (byte(i + 7) << 8);
      i += 8;
      if (rowBytes == 0 || rows == 0) return fail("an empty raster block");
      if (pic.width != 0 && pic.width != rowBytes * 8) return fail("raster blocks of different widths");
      if (s.size() - i < static_cast<size_t>(rowBytes) * rows) return fail("a raster block cut short");
      const int top = pic.height;
      Bitmap grown(rowBytes * 8, top + rows);
      std::copy(pic.dots.begin(), pic.dots.end(), grown.dots.begin());
      for (int y = 0; y < rows; ++y)
        for (int xb = 0; xb < rowBytes; ++xb) {
          const uint8_t packed = byte(i + static_cast<size_t>(y) * rowBytes + xb);
          for (int b = 0; b < 8; ++b) grown.set(xb * 8 + b, top + y, (packed & (0x80 >> b)) != 0);
        }
      pic = std::move(grown);
      i += static_cast<size_t>(rowBytes) * rows;
    } else if (i + 2 < s.size() && byte(i) == 0x1B && s[i + 1] == 'd') {
      job.feedLines += byte(i + 2);
      i += 3;
    } else if (i + 3 < s.size() && byte(i) == 0x1D && s[i + 1] == 'V' && byte(i + 2) == 66) {
      job.cut = true;
      i += 4;
    } else {
      return fail("an unknown command");
    }
  }
  return job;
}

}  // namespace longstop::print::test
