// Printed tickets as the screens see them: what a ticket says (in the patient's language and in
// English, never a name), and the printer the app wires in. The printing itself runs off the UI
// thread (app/print_worker.h); the screens only hand over a ticket and ask how its job is going.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "service/kiosk_services.h"

namespace longstop::ui {

/// Everything printed on a ticket: its number, queue, room, time and QR text. Nothing that names or
/// identifies the patient.
struct TicketText {
  std::string practiceName;
  std::string ticketNumber;       // "A042"
  std::string queueAndRoom;       // "GP appointments - Room 3", as the ticket screen says them
  std::string timeText;           // "Checked in at 09:41 on 03/12/2026"
  std::string pleaseWait;         // in the ticket's language
  std::string pleaseWaitEnglish;  // empty when that language is English
  std::string qrText;             // LST1:<record-id>:<mac>
  bool reprint = false;
  std::string language = "en";  // the catalogue the words came from
};

/// The ticket's words in `language` (a code such as "pl"), with the English line under them.
TicketText ticketText(const service::Ticket& t, std::string_view practiceName, core::Instant at,
                      std::string_view language);

/// How a job is going, as the ticket screen speaks of it.
enum class PrintProgress {
  kOff,      // printing is off (printer.device none), or this ticket was not printed here
  kSending,  // neither "take your ticket" nor "remember your number" may be said yet
  kPrinted,  // the printer took the whole ticket
  kFailed,   // it could not print: the patient must remember the number
};

class TicketPrinting {
 public:
  virtual ~TicketPrinting() = default;
  /// False when printing is off.
  virtual bool enabled() const = 0;
  /// Queues the ticket and returns at once with the job's number (0 when printing is off).
  virtual uint64_t print(const TicketText& ticket) = 0;
  virtual PrintProgress progress(uint64_t job) const = 0;
  /// Reprints check-in `recordId`'s ticket, marked REPRINT. Refused with a sentence when printing is off
  /// or the check-in is not found.
  virtual core::Status reprint(const std::string& recordId) = 0;
  /// A sample ticket with its QR code to `device` ("none": the site's printer) on paper `paperMm` (58 or
  /// 80; 0: the site's setting), as `longstopctl printer test` prints it.
  virtual core::Result<uint64_t> printTestPage(const std::string& device, int paperMm) = 0;
  /// The last job's fault as one line for the console with what to do; empty when the last job printed
  /// (or none has been sent).
  virtual std::string faultLine() const = 0;
  /// A job's outcome in a sentence ("" while it is sending or once it printed without a problem).
  virtual std::string jobMessage(uint64_t job) const = 0;
};

}  // namespace longstop::ui
