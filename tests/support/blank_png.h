// A real, valid 8-bit grey PNG of any declared size, all black, built with zlib so that a picture of
// 20000×20000 takes a few hundred kilobytes on disk: for the tests of the decoders' size limit.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace longstop::test {

namespace detail {
inline void putBe32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}
inline void putChunk(std::string& out, const char* type, const std::string& data) {
  putBe32(out, static_cast<uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  out += body;
  putBe32(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size())));
}
}  // namespace detail

/// The bytes of a black grey PNG of width × height.
inline std::string blankPng(uint32_t width, uint32_t height) {
  std::string ihdr;
  detail::putBe32(ihdr, width);
  detail::putBe32(ihdr, height);
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8 bits, grey, deflate, no filter, not interlaced
  // Each row is a filter byte (0) and `width` zero bytes; deflate them one row at a time.
  std::vector<unsigned char> row(width + 1, 0);
  std::string idat;
  z_stream z{};
  deflateInit(&z, Z_BEST_COMPRESSION);
  std::vector<unsigned char> buf(1 << 16);
  for (uint32_t y = 0; y < height; ++y) {
    z.next_in = row.data();
    z.avail_in = static_cast<uInt>(row.size());
    const int flush = y + 1 == height ? Z_FINISH : Z_NO_FLUSH;
    do {
      z.next_out = buf.data();
      z.avail_out = static_cast<uInt>(buf.size());
      deflate(&z, flush);
      idat.append(reinterpret_cast<char*>(buf.data()), buf.size() - z.avail_out);
    } while (z.avail_out == 0 || (flush == Z_FINISH && z.avail_in > 0));
  }
  deflateEnd(&z);
  std::string png("\x89PNG\r\n\x1a\n", 8);
  detail::putChunk(png, "IHDR", ihdr);
  detail::putChunk(png, "IDAT", idat);
  detail::putChunk(png, "IEND", "");
  return png;
}

}  // namespace longstop::test
