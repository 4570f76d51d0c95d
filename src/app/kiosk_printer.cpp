#include "app/kiosk_printer.h"

#include <cstdio>

#include "core/date.h"
#include "service/settings.h"

namespace longstop::app {

int paperDotsFor(const std::string& setting) {
  return setting == "58" ? print::kDots58mm : print::kDots80mm;
}

print::TicketPrint toPrint(const ui::TicketText& t) {
  print::TicketPrint p;
  p.practiceName = t.practiceName;
  p.ticketNumber = t.ticketNumber;
  p.queueAndRoom = t.queueAndRoom;
  p.timeText = t.timeText;
  p.pleaseWait = t.pleaseWait;
  p.pleaseWaitEnglish = t.pleaseWaitEnglish;
  p.qrText = t.qrText;
  p.reprint = t.reprint;
  p.language = t.language;
  return p;
}

KioskPrinter::KioskPrinter(const core::Clock& clock, std::function<void()> wake)
    : clock_(clock), worker_(clock, std::move(wake)) {}

std::string KioskPrinter::device() const {
  if (!kiosk_) return "none";
  return service::getSetting(kiosk_->siteData(), "printer.device").value_or("none");
}

int KioskPrinter::paperDots() const {
  if (!kiosk_) return print::kDots80mm;
  return paperDotsFor(service::getSetting(kiosk_->siteData(), "printer.paper").value_or("80"));
}

bool KioskPrinter::enabled() const {
  return device() != "none";
}

uint64_t KioskPrinter::print(const ui::TicketText& ticket) {
  const std::string printer = device();
  if (printer == "none") return 0;
  return worker_.submit({toPrint(ticket), printer, paperDots()});
}

ui::PrintProgress KioskPrinter::progress(uint64_t job) const {
  if (job == 0) return ui::PrintProgress::kOff;
  switch (worker_.report(job).state) {
    case JobState::kQueued:
    case JobState::kSending:
      return ui::PrintProgress::kSending;
    case JobState::kPrinted:
      return ui::PrintProgress::kPrinted;
    case JobState::kFailed:
      break;
  }
  return ui::PrintProgress::kFailed;
}

core::Status KioskPrinter::reprint(const std::string& recordId) {
  if (!kiosk_ || !enabled())
    return core::invalidInput("Printing is off: set printer.device on the admin screen to print tickets.");
  auto t = kiosk_->ticketFor(recordId);
  if (!t.ok()) return t.error();
  // In English: the check-in does not keep the patient's language. The time is the reprint's own.
  const core::Instant now = clock_.now();
  ui::TicketText text = ui::ticketText(*t, kiosk_->site().name, now, "en");
  const core::Date d = core::civilFromDays(now.localDay());
  char day[16];
  std::snprintf(day, sizeof day, "%02d/%02d/%04d", d.day, d.month, d.year);
  text.timeText = "Reprinted at " + core::formatClockTime(now.localMinutes()) + " on " + day;
  text.reprint = true;
  (void)worker_.submit({toPrint(text), device(), paperDots()});
  return core::okStatus();
}

core::Result<uint64_t> KioskPrinter::printTestPage(const std::string& deviceName, int paperMm) {
  const std::string printer = deviceName == "none" || deviceName.empty() ? device() : deviceName;
  if (printer == "none")
    return core::invalidInput("No ticket printer is set: choose one (printer.device) first.");
  const int dots = paperMm == 58 ? print::kDots58mm : paperMm == 80 ? print::kDots80mm : paperDots();
  return worker_.submit(
      {print::testTicket(kiosk_ ? kiosk_->site().name : "Longstop", "the kiosk"), printer, dots});
}

std::string KioskPrinter::faultLine() const {
  const auto last = worker_.lastEnded();
  if (!last || last->state != JobState::kFailed) return "";
  return print::staffLine(last->fault);
}

std::string KioskPrinter::jobMessage(uint64_t job) const {
  const JobReport r = worker_.report(job);
  return r.state == JobState::kFailed ? r.message : "";
}

}  // namespace longstop::app
