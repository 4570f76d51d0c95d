// Where the bytes of a job go: the kernel's USB printer device (/dev/usb/lp0) or a network printer's
// raw port ("tcp:HOST:PORT", usually 9100). Bounded in time: a printer that stops taking bytes is an
// error after `timeoutMs`, never a kiosk that freezes.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace longstop::print {

/// Sends `bytes` whole within `timeoutMs`. The error is one sentence naming the printer.
core::Status sendJob(const std::string& printer, std::string_view bytes, int timeoutMs);

}  // namespace longstop::print
