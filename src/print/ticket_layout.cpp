#include "print/ticket_layout.h"

#include <algorithm>

#include "print/escpos.h"
#include "qr/encode.h"

namespace longstop::print {
namespace {

constexpr int kMargin = 12;
constexpr int kQuietModules = 4;  // the QR code's quiet zone, in modules

struct Sizes {
  int small, medium, number;
};

Sizes sizesFor(int paperDots) {
  // 80 mm paper gets half as much again as 58 mm; the number is about a third of the width high.
  return paperDots >= kDots80mm ? Sizes{26, 32, 190} : Sizes{20, 24, 128};
}

// Lines centred across the paper, wrapped; returns the y below them.
int centred(Bitmap& b, const Font& font, const std::string& text, int y, int px, int paperDots,
            const std::string& lang = "en") {
  for (const std::string& line : font.wrap(text, px, paperDots - 2 * kMargin, lang)) {
    const int w = font.measure(line, px, lang);
    y += font.draw(b, line, std::max(kMargin, (paperDots - w) / 2), y, px, lang);
  }
  return y;
}

}  // namespace

TicketPrint testTicket(const std::string& practiceName, const std::string& printedBy) {
  TicketPrint t;
  t.practiceName = practiceName;
  t.ticketNumber = "A000";
  t.queueAndRoom = "Test ticket - not for a patient";
  t.timeText = "Printed by " + printedBy;
  t.pleaseWait = "If this QR code and every line read clearly, the printer is ready.";
  t.qrText = "LST1:TEST-000000:00000000";
  return t;
}

core::Result<Bitmap> layoutTicket(const TicketPrint& t, int paperDots, const Font& font) {
  if (paperDots != kDots58mm && paperDots != kDots80mm)
    return core::invalidInput("The paper width must be 58 mm (384 dots) or 80 mm (576 dots).");
  auto qr = qr::encode(t.qrText, qr::Segments::kBytes);
  if (!qr.ok()) return qr.error();
  const Sizes s = sizesFor(paperDots);
  Bitmap b(paperDots, 2400);  // tall enough for any ticket; cropped at the end
  int y = kMargin;

  if (t.reprint) {
    const int h = s.medium * 3 / 2;
    b.fill(0, y, paperDots, h, true);
    const int w = font.measure("REPRINT", s.medium);
    font.draw(b, "REPRINT", (paperDots - w) / 2, y + s.medium / 5, s.medium, "en", /*black=*/false);
    y += h + s.small / 2;
  }
  y = centred(b, font, t.practiceName, y, s.small, paperDots);
  y += s.small / 2;

  // The number as large as the paper allows, narrowed for long numbers.
  int px = s.number;
  while (px > s.medium && font.measure(t.ticketNumber, px) > paperDots - 2 * kMargin) px -= 4;
  y += font.draw(b, t.ticketNumber, (paperDots - font.measure(t.ticketNumber, px)) / 2, y, px);

  y = centred(b, font, t.queueAndRoom, y, s.medium, paperDots, t.language);
  y = centred(b, font, t.timeText, y + s.small / 3, s.small, paperDots, t.language);
  y += s.small / 2;
  b.fill(kMargin, y, paperDots - 2 * kMargin, 2, true);
  y += s.small / 2;
  y = centred(b, font, t.pleaseWait, y, s.medium, paperDots, t.language);
  if (!t.pleaseWaitEnglish.empty())
    y = centred(b, font, t.pleaseWaitEnglish, y + s.small / 3, s.small, paperDots);

  // Dark modules on white with the quiet zone, as large as fits half the paper's width.
  const int modules = qr->size + 2 * kQuietModules;
  const int scale = std::max(2, (paperDots / 2) / modules);
  const int side = modules * scale;
  const int left = (paperDots - side) / 2;
  y += s.small / 2;
  for (int my = 0; my < qr->size; ++my)
    for (int mx = 0; mx < qr->size; ++mx)
      if (qr->at(mx, my))
        b.fill(left + (mx + kQuietModules) * scale, y + (my + kQuietModules) * scale, scale, scale, true);
  y += side + kMargin;
  b.cropHeight(std::min(y, b.height));
  return b;
}

}  // namespace longstop::print
