// The printer as the kiosk's screens use it (ui::TicketPrinting): the site's printer.device and
// printer.paper read for each job (a change on the admin screen applies to the next ticket), the
// print worker doing the work, reprints for the console and test pages for the admin screen and the
// setup wizard.
#pragma once

#include <functional>
#include <string>

#include "app/print_worker.h"
#include "core/clock.h"
#include "service/kiosk.h"
#include "ui/ticket_printing.h"

namespace longstop::app {

class KioskPrinter final : public ui::TicketPrinting {
 public:
  /// `clock` is borrowed; `wake` as for PrintWorker.
  KioskPrinter(const core::Clock& clock, std::function<void()> wake);

  /// The site whose settings and check-ins it prints; borrowed, may be null (first-boot setup).
  void setKiosk(service::Kiosk* kiosk) { kiosk_ = kiosk; }

  bool enabled() const override;
  uint64_t print(const ui::TicketText& ticket) override;
  ui::PrintProgress progress(uint64_t job) const override;
  core::Status reprint(const std::string& recordId) override;
  core::Result<uint64_t> printTestPage(const std::string& device, int paperMm) override;
  std::string faultLine() const override;
  std::string jobMessage(uint64_t job) const override;

  /// The UI thread's turn: see PrintWorker::step.
  bool step() { return worker_.step(); }
  int64_t msUntilStep() const { return worker_.msUntilStep(); }
  PrintWorker& worker() { return worker_; }

 private:
  std::string device() const;
  int paperDots() const;

  const core::Clock& clock_;
  service::Kiosk* kiosk_ = nullptr;
  PrintWorker worker_;
};

/// The site's paper setting as dots: 384 for "58", 576 otherwise.
int paperDotsFor(const std::string& setting);
/// A ui::TicketText as the print module lays it out.
print::TicketPrint toPrint(const ui::TicketText& t);

}  // namespace longstop::app
