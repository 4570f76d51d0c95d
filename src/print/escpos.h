// ESC/POS, the command language of thermal receipt printers: a ticket is sent as one raster picture
// (GS v 0), so every language prints exactly as drawn, whatever code pages the printer has. The status
// a printer answers to DLE EOT is read back into faults a person can act on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "print/bitmap.h"

namespace longstop::print {

/// Paper widths the settings offer: 58 mm and 80 mm rolls, at 203 dpi.
inline constexpr int kDots58mm = 384;
inline constexpr int kDots80mm = 576;
/// Rows per GS v 0 command: some printers take no more in one raster block.
inline constexpr int kRasterBandRows = 240;

/// The whole job: initialise, the picture in bands, feed past the tear bar, and a partial cut.
/// `picture.width` must be a multiple of 8 and at most kDots80mm.
core::Result<std::string> encodeJob(const Bitmap& picture);

/// DLE EOT n: ask for status n (1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor).
std::string statusRequest(int n);

/// What a printer's status bytes say; every field false is "ready".
struct PrinterStatus {
  bool offline = false;
  bool coverOpen = false;
  bool paperOut = false;
  bool paperLow = false;
  bool cutterError = false;
  bool unrecoverableError = false;
  bool autoRecoverableError = false;
};

/// Folds the answer to `statusRequest(n)` into `status`. Refused (kInvalidInput, nothing changed) when
/// the byte is not an ESC/POS status byte (its fixed bits are wrong) or `n` is not 1-4.
core::Status readStatusByte(int n, uint8_t byte, PrinterStatus& status);

/// One sentence for staff with what to do, or nothing when the printer can print (paper running low
/// is not a fault: it still prints).
std::optional<std::string> describeFault(const PrinterStatus& status);

}  // namespace longstop::print
