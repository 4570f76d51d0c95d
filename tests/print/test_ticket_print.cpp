// The printed ticket as the paper would show it: encoded, read back by the virtual printer, and its QR
// code read by zbarimg (a decoder of its own, not Longstop's), on both paper widths and in two languages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "escpos_decode.h"
#include "print/escpos.h"
#include "print/picture_file.h"
#include "print/ticket_layout.h"
#include "text/font_choice.h"

using namespace longstop::print;

namespace {

std::string zbarimg(const std::string& png) {
  std::string out;
  FILE* p = ::popen(("zbarimg -q --raw '" + png + "' 2>/dev/null").c_str(), "r");
  if (p == nullptr) return out;
  char buf[256];
  while (std::fgets(buf, sizeof buf, p) != nullptr) out += buf;
  ::pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

std::filesystem::path shotsDir() {
  const char* d = std::getenv("LONGSTOP_TEST_SHOTS");
  std::filesystem::path dir = d ? d : std::filesystem::temp_directory_path();
  std::filesystem::create_directories(dir);
  return dir;
}

TicketPrint sample(bool polish) {
  TicketPrint t;
  t.practiceName = "Riverside Medical Practice";
  t.ticketNumber = "A042";
  t.qrText = "LST1:K7QX-000123:9F3A11C0";
  if (polish) {
    t.queueAndRoom = "Wizyty u lekarza - Gabinet 3 (Room 3)";
    t.timeText = "Zgłoszenie 09:41, czwartek 3 grudnia";
    t.pleaseWait = "Proszę zaczekać, aż Pana/Pani numer zostanie wywołany.";
    t.pleaseWaitEnglish = "Please wait until your number is called.";
  } else {
    t.queueAndRoom = "GP appointments - Room 3";
    t.timeText = "Checked in 09:41, Thursday 3 December";
    t.pleaseWait = "Please wait until your number is called.";
  }
  return t;
}

int darkDots(const Bitmap& b, int top, int bottom) {
  int n = 0;
  for (int y = top; y < bottom && y < b.height; ++y)
    for (int x = 0; x < b.width; ++x) n += b.at(x, y) ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("A printed ticket's QR code reads back as the ticket's own LST1 text, on both paper widths") {
  REQUIRE(std::system("command -v zbarimg >/dev/null 2>&1") == 0);  // zbar-tools: tools/test installs it
  auto font = Font::load(kTicketFontPath);
  REQUIRE(font.ok());
  for (int paper : {kDots58mm, kDots80mm})
    for (bool polish : {false, true}) {
      const TicketPrint t = sample(polish);
      auto picture = layoutTicket(t, paper, *font);
      REQUIRE(picture.ok());
      auto job = encodeJob(*picture);
      REQUIRE(job.ok());
      const test::DecodedJob paperOut = test::decodeJob(*job);
      REQUIRE(paperOut.error.empty());
      CHECK(paperOut.picture.width == paper);
      CHECK(paperOut.cut);
      // A ticket, not a poster: between 6 and 20 cm of paper at 8 dots a millimetre.
      CHECK(paperOut.picture.height > 480);
      CHECK(paperOut.picture.height < 1600);
      const std::string png =
          (shotsDir() / ("ticket-" + std::to_string(paper) + (polish ? "-pl" : "-en") + ".png")).string();
      REQUIRE(writePicturePng(paperOut.picture, png).ok());
      CHECK(zbarimg(png) == t.qrText);
    }
}

TEST_CASE("The ticket number is the largest thing on the ticket and the text stays inside the paper") {
  auto font = Font::load(kTicketFontPath);
  REQUIRE(font.ok());
  const TicketPrint t = sample(true);
  auto picture = layoutTicket(t, kDots58mm, *font);
  REQUIRE(picture.ok());
  const Bitmap& b = *picture;
  // Runs of rows with ink between blank rows, in the top half (above the QR code): the first is the
  // practice's name, the tallest must be the number.
  std::vector<int> runs;
  int run = 0;
  for (int y = 0; y < b.height / 2; ++y) {
    if (darkDots(b, y, y + 1) > 0) {
      ++run;
    } else if (run > 0) {
      runs.push_back(run);
      run = 0;
    }
  }
  REQUIRE(runs.size() >= 3);
  const int tallest = *std::max_element(runs.begin(), runs.end());
  CHECK(tallest >= 72);           // 9 mm at 8 dots a millimetre, read from across a waiting room
  CHECK(tallest >= 3 * runs[0]);  // three times the practice's name
  CHECK(tallest == runs[1]);      // and it is the line under the name
  // Nothing printed in the outermost 4 dots (the print head's edge).
  for (int y = 0; y < b.height; ++y)
    for (int x : {0, 1, 2, 3, b.width - 4, b.width - 3, b.width - 2, b.width - 1}) REQUIRE_FALSE(b.at(x, y));
}

TEST_CASE("A reprint says REPRINT in a black band across the top, and nothing else changes") {
  auto font = Font::load(kTicketFontPath);
  REQUIRE(font.ok());
  TicketPrint t = sample(false);
  auto first = layoutTicket(t, kDots80mm, *font);
  t.reprint = true;
  auto again = layoutTicket(t, kDots80mm, *font);
  REQUIRE(first.ok());
  REQUIRE(again.ok());
  CHECK(again->height > first->height);
  // The band: a row near the top that is almost all black.
  const int row = 12 + 10;
  CHECK(darkDots(*again, row, row + 1) > kDots80mm * 8 / 10);
  CHECK(darkDots(*first, row, row + 1) < kDots80mm / 2);
}

TEST_CASE("A ticket is refused for a paper width it cannot print on, and for a missing font") {
  auto font = Font::load(kTicketFontPath);
  REQUIRE(font.ok());
  CHECK_FALSE(layoutTicket(sample(false), 500, *font).ok());
  // The face checked is the one the shaping engine draws Latin text and digits with.
  CHECK(std::string(kTicketFontPath) == longstop::text::fallbackFace(true).path);
  auto none = Font::load("/nonexistent/font.ttf");
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().message.find("/nonexistent/font.ttf") != std::string::npos);
}

TEST_CASE("a ticket picture that cannot be written says so") {
  Bitmap empty;
  CHECK_FALSE(writePicturePng(empty, "/tmp/never.png").ok());
  Bitmap dot(8, 8);
  dot.set(1, 1, true);
  auto refused = writePicturePng(dot, "/proc/no-such-dir/ticket.png");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("/proc/no-such-dir/ticket.png") != std::string::npos);
}
