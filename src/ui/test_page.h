// "Print a test page" on the admin screen and in first-boot setup: the sample ticket `longstopctl
// printer test` prints (its QR code, the practice's name), sent through the kiosk's printer, and a
// sentence on how it went.
#pragma once

#include <cstdint>
#include <string>

#include "ui/ticket_printing.h"
#include "ui/widgets.h"

namespace longstop::ui {

inline constexpr const char* kTestPageLabel = "Print a test page";

struct TestPageState {
  uint64_t job = 0;
  std::string refusal;  // why it could not even be sent
};

/// Sends the test page to `device` ("none": the site's printer) on `paperMm` paper (0: the site's).
void startTestPage(TicketPrinting* printing, TestPageState& s, const std::string& device, int paperMm);
/// "Sending a test page…", "The test page has printed: …", or why it did not; empty before the first.
std::string testPageStatus(const TicketPrinting* printing, const TestPageState& s);
/// True when the status is a problem (shown in red).
bool testPageFailed(const TicketPrinting* printing, const TestPageState& s);

}  // namespace longstop::ui
