// ESC/POS encoding read back by the virtual printer, and the printer's status bytes, good and bad.
#include <catch2/catch.hpp>

#include <cstdint>

#include "escpos_decode.h"
#include "print/escpos.h"

using namespace longstop::print;

TEST_CASE("A picture goes to the printer as raster bands and comes back dot for dot, then a cut") {
  Bitmap b(kDots58mm, 601);  // more rows than two bands, not a multiple of one
  for (int y = 0; y < b.height; ++y)
    for (int x = 0; x < b.width; ++x) b.set(x, y, (x * 7 + y * 13) % 5 == 0);
  auto job = encodeJob(b);
  REQUIRE(job.ok());
  const test::DecodedJob d = test::decodeJob(*job);
  REQUIRE(d.error.empty());
  CHECK(d.initialised);
  CHECK(d.cut);
  CHECK(d.feedLines > 0);
  REQUIRE(d.picture.width == b.width);
  REQUIRE(d.picture.height == b.height);
  CHECK(d.picture.dots == b.dots);
  // Three GS v 0 blocks of at most kRasterBandRows rows: 240 + 240 + 121.
  CHECK(job->size() == 2 + 3 * 8 + static_cast<size_t>(kDots58mm / 8) * 601 + 3 + 4);
}

TEST_CASE("A picture the printer cannot take is refused, not sent") {
  CHECK_FALSE(encodeJob(Bitmap(kDots80mm + 8, 10)).ok());
  CHECK_FALSE(encodeJob(Bitmap(383, 10)).ok());
  CHECK_FALSE(encodeJob(Bitmap(kDots58mm, 0)).ok());
}

TEST_CASE("Status bytes are read into faults a person can act on") {
  PrinterStatus s;
  REQUIRE(readStatusByte(1, 0x12, s).ok());  // fixed bits only: online
  REQUIRE(readStatusByte(2, 0x12, s).ok());
  REQUIRE(readStatusByte(3, 0x12, s).ok());
  REQUIRE(readStatusByte(4, 0x12, s).ok());
  CHECK_FALSE(describeFault(s).has_value());

  PrinterStatus cover;
  REQUIRE(readStatusByte(2, 0x12 | 0x04, cover).ok());
  CHECK(cover.coverOpen);
  CHECK(describeFault(cover).value().find("cover is open") != std::string::npos);

  PrinterStatus paper;
  REQUIRE(readStatusByte(4, 0x12 | 0x60, paper).ok());
  CHECK(paper.paperOut);
  CHECK(describeFault(paper).value().find("out of paper") != std::string::npos);

  PrinterStatus low;
  REQUIRE(readStatusByte(4, 0x12 | 0x0C, low).ok());
  CHECK(low.paperLow);
  CHECK_FALSE(describeFault(low).has_value());  // still prints

  PrinterStatus offline;
  REQUIRE(readStatusByte(1, 0x12 | 0x08, offline).ok());
  CHECK(describeFault(offline).value().find("offline") != std::string::npos);
}

TEST_CASE("A byte that is not an ESC/POS status is refused and changes nothing") {
  for (uint8_t bad :
       {uint8_t{0x00}, uint8_t{0xFF}, uint8_t{0x13}, uint8_t{0x92}, uint8_t{0x02}, uint8_t{0x10}}) {
    PrinterStatus s;
    s.paperLow = true;
    const auto r = readStatusByte(4, bad, s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("not an ESC/POS status byte") != std::string::npos);
    CHECK(s.paperLow);
    CHECK_FALSE(s.paperOut);
  }
  PrinterStatus s;
  CHECK_FALSE(readStatusByte(0, 0x12, s).ok());
  CHECK_FALSE(readStatusByte(5, 0x12, s).ok());
}

TEST_CASE("The status request is DLE EOT n") {
  CHECK(statusRequest(4) == std::string("\x10\x04\x04", 3));
}
