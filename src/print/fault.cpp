#include "print/fault.h"

namespace longstop::print {

Fault faultOf(const PrinterStatus& s) {
  // The order describeFault uses: what a person fixes first.
  if (s.coverOpen) return Fault::kCoverOpen;
  if (s.paperOut) return Fault::kPaperOut;
  if (s.cutterError) return Fault::kCutter;
  if (s.unrecoverableError) return Fault::kBroken;
  if (s.autoRecoverableError) return Fault::kRecovering;
  if (s.offline) return Fault::kOffline;
  return Fault::kNone;
}

std::string staffLine(Fault fault) {
  switch (fault) {
    case Fault::kNone:
      return "";
    case Fault::kAbsent:
      return "Printer: not found \u2014 check its cable and that it is switched on";
    case Fault::kNotAllowed:
      return "Printer: the kiosk may not use it \u2014 ask IT to check the printer's permissions";
    case Fault::kBusy:
      return "Printer: in use by another program \u2014 restart the kiosk";
    case Fault::kRefused:
      return "Printer: refused the ticket \u2014 check its paper and cover, then switch it off and on";
    case Fault::kStopped:
      return "Printer: not responding \u2014 check its paper and cover, then switch it off and on";
    case Fault::kCoverOpen:
      return "Printer: cover open \u2014 close it";
    case Fault::kPaperOut:
      return "Printer: paper out \u2014 load a new roll";
    case Fault::kCutter:
      return "Printer: cutter stuck \u2014 clear the paper, then switch it off and on";
    case Fault::kBroken:
      return "Printer: failed \u2014 switch it off and on; if that fails, replace it";
    case Fault::kRecovering:
      return "Printer: too hot or in error \u2014 it should recover in a minute";
    case Fault::kOffline:
      return "Printer: offline \u2014 check that it is on and its cover shut";
    case Fault::kSetting:
      return "Printer: the setting printer.device is not a printer \u2014 correct it on the admin screen";
  }
  return "";
}

}  // namespace longstop::print
