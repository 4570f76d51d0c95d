// The ticket: its number very large, the queue, where to wait, how many are ahead, the estimated wait
// and a QR code of the ticket to photograph. "Done" returns to Welcome.
#pragma once

#include "service/kiosk_services.h"
#include "ui/qr_code.h"

namespace longstop::ui {

struct TicketView {
  const service::Ticket& ticket;
  const QrMatrix* qr;  // null when the code could not be made: the ticket still shows
};

enum class TicketIntent { kNone, kDone };

TicketIntent drawTicket(const TicketView& v);

}  // namespace longstop::ui
