// What went wrong with a print job, as kinds staff can act on: the printer is not there, will not take
// the bytes, stopped taking them, or says why it cannot print (DLE EOT). Each kind has one short line
// for the reception console ("Printer: paper out — load a new roll").
#pragma once

#include <string>

#include "print/escpos.h"

namespace longstop::print {

enum class Fault {
  kNone,
  kAbsent,      // nothing at the path or address
  kNotAllowed,  // the kiosk may not open it (permissions)
  kBusy,        // another program holds it
  kRefused,     // it refused the bytes
  kStopped,     // it stopped taking bytes (hung), given up after a bounded time
  kCoverOpen,
  kPaperOut,
  kCutter,
  kBroken,      // an unrecoverable error
  kRecovering,  // too hot, or another error it recovers from by itself
  kOffline,
  kSetting,  // printer.device names no printer Longstop can use
};

/// The fault a printer's status says, or kNone when it can print (paper low still prints).
Fault faultOf(const PrinterStatus& status);

/// One line for the console, with what to do: "Printer: paper out — load a new roll".
std::string staffLine(Fault fault);

/// What became of a job: delivered whole (fault kNone), or why not, in one sentence for a person.
struct JobOutcome {
  Fault fault = Fault::kNone;
  std::string message;
  bool ok() const { return fault == Fault::kNone; }
};

}  // namespace longstop::print
