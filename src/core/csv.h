// RFC 4180 CSV: reading (with the line each row starts on) and writing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace longstop::core {

struct CsvRow {
  int line = 0;  // 1-based line in the file where the row starts
  std::vector<std::string> fields;
};

/// Splits the text into rows. Accepts CRLF or LF, quoted fields with "" escapes and embedded newlines,
/// a UTF-8 BOM at the start. Errors name the line: "line 7: a quoted field is not closed".
/// Blank lines are skipped. Invalid UTF-8 is an error.
Result<std::vector<CsvRow>> parseCsv(std::string_view text);

/// Quotes a field when it holds a comma, quote, CR or LF; also neutralises a leading = + - @ so that a
/// spreadsheet never runs it as a formula.
std::string csvField(std::string_view value);
/// Joins fields with commas and ends the line with CRLF.
std::string csvLine(const std::vector<std::string>& fields);

}  // namespace longstop::core
