#include "ui/test_page.h"

namespace longstop::ui {

void startTestPage(TicketPrinting* printing, TestPageState& s, const std::string& device, int paperMm) {
  s = {};
  if (!printing) {
    s.refusal = "This kiosk has no ticket printer.";
    return;
  }
  auto job = printing->printTestPage(device, paperMm);
  if (!job.ok())
    s.refusal = job.error().message;
  else
    s.job = *job;
}

std::string testPageStatus(const TicketPrinting* printing, const TestPageState& s) {
  if (!s.refusal.empty()) return s.refusal;
  if (!printing || s.job == 0) return "";
  switch (printing->progress(s.job)) {
    case PrintProgress::kSending:
      return "Sending a test page\u2026";
    case PrintProgress::kPrinted:
      return "The test page went to the printer: check that its QR code and every line read clearly.";
    case PrintProgress::kFailed:
      return printing->jobMessage(s.job);
    case PrintProgress::kOff:
      break;
  }
  return "";
}

bool testPageFailed(const TicketPrinting* printing, const TestPageState& s) {
  return !s.refusal.empty() || (printing && s.job && printing->progress(s.job) == PrintProgress::kFailed);
}

}  // namespace longstop::ui
