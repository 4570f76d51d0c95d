// Where the bytes of a job go: the kernel's USB printer device (/dev/usb/lp0) or a network printer's
// raw port ("tcp:HOST:PORT", usually 9100). A printer that can answer (a network printer, a character
// device opened for reading too) is first asked for its status (DLE EOT), and a ticket is not sent to
// one that says it cannot print. Never a kiosk that freezes: a job ends at its time limit, or at once
// when another thread raises its CancelSignal.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "print/escpos.h"
#include "print/fault.h"

namespace longstop::print {

/// How long a printer has to answer each DLE EOT before it is taken as one that does not answer
/// status (many USB printers do not); the job then goes without it.
inline constexpr int kStatusAnswerMs = 300;

/// Raised by one thread to end a job another thread is sending (an eventfd). Not copyable.
class CancelSignal {
 public:
  CancelSignal();
  ~CancelSignal();
  CancelSignal(const CancelSignal&) = delete;
  CancelSignal& operator=(const CancelSignal&) = delete;
  void raise();
  /// Lowers it again for the next job (call only while no job uses it).
  void clear();
  bool raised() const;
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

struct SendOptions {
  int timeoutMs = -1;                    // -1: no limit of its own (the caller cancels)
  const CancelSignal* cancel = nullptr;  // borrowed, may be null
  bool askStatus = true;                 // ask a printer that can answer for its status first
};

/// Sends `bytes` whole. The outcome names the fault and says it in one sentence naming the printer;
/// `status`, when given, receives what the printer answered (unset when it did not answer).
JobOutcome deliver(const std::string& printer, std::string_view bytes, const SendOptions& options,
                   std::optional<PrinterStatus>* status = nullptr);

/// Sends `bytes` whole within `timeoutMs`, without asking for status. The error is one sentence
/// naming the printer.
core::Status sendJob(const std::string& printer, std::string_view bytes, int timeoutMs);

}  // namespace longstop::print
