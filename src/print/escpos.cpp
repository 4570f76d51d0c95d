#include "print/escpos.h"

#include <algorithm>

namespace longstop::print {
namespace {

constexpr char kEsc = 0x1B, kGs = 0x1D, kDle = 0x10, kEot = 0x04;
constexpr int kFeedLinesBeforeCut = 4;

void put16(std::string& out, int v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

bool bit(uint8_t b, int n) {
  return ((b >> n) & 1) != 0;
}

}  // namespace

core::Result<std::string> encodeJob(const Bitmap& picture) {
  if (picture.width <= 0 || picture.width % 8 != 0 || picture.width > kDots80mm || picture.height <= 0)
    return core::invalidInput("A ticket picture must be 8 to 576 dots wide in steps of 8, and not empty.");
  const int rowBytes = picture.width / 8;
  std::string out;
  out.reserve(static_cast<size_t>(rowBytes) * picture.height + 64);
  out += {kEsc, '@'};
  for (int top = 0; top < picture.height; top += kRasterBandRows) {
    const int rows = std::min(kRasterBandRows, picture.height - top);
    out += {kGs, 'v', '0', 0};
    put16(out, rowBytes);
    put16(out, rows);
    for (int y = top; y < top + rows; ++y)
      for (int xb = 0; xb < rowBytes; ++xb) {
        uint8_t packed = 0;
        for (int i = 0; i < 8; ++i)
          if (picture.at(xb * 8 + i, y)) packed |= static_cast<uint8_t>(0x80 >> i);
        out.push_back(static_cast<char>(packed));
      }
  }
  out += {kEsc, 'd', static_cast<char>(kFeedLinesBeforeCut)};
  out += {kGs, 'V', 66, 0};  // feed to the cutter and cut, leaving a hinge
  return out;
}

std::string statusRequest(int n) {
  return {kDle, kEot, static_cast<char>(n)};
}

core::Status readStatusByte(int n, uint8_t b, PrinterStatus& status) {
  if (n < 1 || n > 4) return core::invalidInput("There is no printer status " + std::to_string(n) + ".");
  // Every status byte has bit 1 and bit 4 set and bits 0 and 7 clear.
  if (bit(b, 0) || !bit(b, 1) || !bit(b, 4) || bit(b, 7))
    return core::invalidInput(
        "The printer's answer is not an ESC/POS status byte; is it an ESC/POS printer?");
  switch (n) {
    case 1:
      status.offline = bit(b, 3);
      break;
    case 2:
      status.coverOpen = bit(b, 2);
      status.paperOut = status.paperOut || bit(b, 5);
      break;
    case 3:
      status.cutterError = bit(b, 3);
      status.unrecoverableError = bit(b, 5);
      status.autoRecoverableError = bit(b, 6);
      break;
    case 4:
      status.paperLow = bit(b, 2) && bit(b, 3);
      status.paperOut = status.paperOut || (bit(b, 5) && bit(b, 6));
      break;
  }
  return core::okStatus();
}

std::optional<std::string> describeFault(const PrinterStatus& s) {
  if (s.coverOpen) return "The ticket printer's cover is open: close it.";
  if (s.paperOut) return "The ticket printer is out of paper: put in a new roll.";
  if (s.cutterError)
    return "The ticket printer's cutter is stuck: clear the paper, then switch it off and on.";
  if (s.unrecoverableError)
    return "The ticket printer has failed: switch it off and on; if that fails, replace it.";
  if (s.autoRecoverableError)
    return "The ticket printer is too hot or has a fault; it should recover in a minute.";
  if (s.offline) return "The ticket printer is offline: check that it is switched on and its cover shut.";
  return std::nullopt;
}

}  // namespace longstop::print
