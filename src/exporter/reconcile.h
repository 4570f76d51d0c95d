// The reconciliation report for a batch, made on the receiving PC from the batch's CSV: possible
// duplicate people, NHS numbers given or not, check-ins made while the clock was unconfirmed, urgent
// flags, and outcomes. It reads the CSV (not the Bundle) so that it reports what a person will re-enter.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace longstop::exporter {

struct ReconcileReport {
  int64_t checkins = 0;
  int64_t withNhsNumber = 0;
  int64_t withoutNhsNumber = 0;
  std::vector<std::vector<std::string>> possibleDuplicates;  // groups of record IDs thought to be one person
  std::vector<std::string> unconfirmedClock;                 // record IDs
  std::vector<std::string> urgent;                           // "K7QX-000012 (A004, outcome seen)"
  std::map<std::string, int64_t> outcomes;                   // "seen" -> 12
  /// The report as text for a person.
  std::string text() const;
};

/// Reads a batch's checkins.csv (as written by checkinsCsv) and reports on it. Several batches' CSVs
/// can be given to reconcile them together.
core::Result<ReconcileReport> reconcile(const std::vector<std::string_view>& csvTexts);

}  // namespace longstop::exporter
