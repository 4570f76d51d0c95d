// The printed ticket, laid out as one picture the width of the paper: the practice, the ticket number
// very large, the queue and room, the time, "please wait until your number is called" in the
// patient's language (in its own script and direction) and in English, and the same QR code as on the screen.
#pragma once

#include <string>

#include "core/result.h"
#include "print/bitmap.h"
#include "print/text.h"

namespace longstop::print {

struct TicketPrint {
  std::string practiceName;       // "Riverside Medical Practice"
  std::string ticketNumber;       // "A042"
  std::string queueAndRoom;       // "GP appointments - Room 3", as the ticket screen says it
  std::string timeText;           // "Checked in 09:41, Thursday 3 December"
  std::string pleaseWait;         // in the patient's language
  std::string pleaseWaitEnglish;  // empty when the patient's language is English
  std::string qrText;             // LST1:<record-id>:<mac>
  bool reprint = false;           // a reprint from the desk says REPRINT across the top
  std::string language = "en";    // the patient's (a catalogue code): its lines are shaped for it
};

/// The sample ticket that sets a printer up (`longstopctl printer test`, the admin screen, the setup
/// wizard): the practice's name, A000, a QR code, and words that say it is not for a patient.
TicketPrint testTicket(const std::string& practiceName, const std::string& printedBy);

/// The ticket for paper `paperDots` wide (kDots58mm or kDots80mm). Fails only for a width it cannot
/// print on or a QR text too long for one code.
core::Result<Bitmap> layoutTicket(const TicketPrint& ticket, int paperDots, const Font& font);

}  // namespace longstop::print
