// The CSV of a batch for people re-entering by hand: one row per check-in, in arrival order, with the
// columns a receptionist needs. Opens in a spreadsheet (UTF-8 with BOM, CRLF, formulas neutralised).
#pragma once

#include <string>
#include <vector>

#include "exporter/records.h"

namespace longstop::exporter {

/// The header row's column names, in order; the reconciliation report reads the CSV by these names.
const std::vector<std::string>& csvColumns();

/// The whole file: BOM, header row, then one row per record in the order given. The service gives them
/// in the device's sequence, which is arrival order even when the wall clock was wrong.
std::string checkinsCsv(const BatchContext& ctx, const std::vector<BatchRecord>& records);

}  // namespace longstop::exporter
