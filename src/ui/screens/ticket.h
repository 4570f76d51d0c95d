// The ticket: its number very large, the queue, where to wait, how many are ahead, the estimated wait
// and a QR code of the ticket to photograph. "Done" returns to Welcome. Where a ticket is printed, the
// top bar says "Please take your ticket" once the printer has it, or "Please remember your number: A042"
// when it could not print; while it is being sent it says neither.
#pragma once

#include <string>

#include "service/kiosk_services.h"
#include "ui/qr_code.h"
#include "ui/ticket_printing.h"

namespace longstop::ui {

struct TicketView {
  const service::Ticket& ticket;
  const QrMatrix* qr;  // null when the code could not be made: the ticket still shows
  PrintProgress print = PrintProgress::kOff;
};

enum class TicketIntent { kNone, kDone };

TicketIntent drawTicket(const TicketView& v);
/// What the top bar says of a ticket that is not urgent: "You are checked in", or the printed ticket's
/// sentence once its job has ended.
std::string ticketBarTitle(const TicketView& v);

}  // namespace longstop::ui
