// Fuzzes parseCsv: accepted text gives rows whose lines rise, and rows written back read the same.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/csv.h"

using namespace longstop::core;

namespace {

bool startsFormula(const std::string& f) {
  return !f.empty() &&
         (f[0] == '=' || f[0] == '+' || f[0] == '-' || f[0] == '@' || f[0] == '\t' || f[0] == '\r');
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<std::vector<CsvRow>> rows = parseCsv(text);
  if (!rows) {
    if (!rows.error().message.starts_with("line ")) std::abort();
    return 0;
  }
  int lastLine = 0;
  for (const CsvRow& row : *rows) {
    if (row.line <= lastLine || row.fields.empty()) std::abort();
    lastLine = row.line;
    Result<std::vector<CsvRow>> back = parseCsv(csvLine(row.fields));
    if (!back || back->size() != 1) std::abort();
    const std::vector<std::string>& got = back->front().fields;
    if (got.size() != row.fields.size()) std::abort();
    for (size_t i = 0; i < got.size(); ++i) {
      const std::string expected = startsFormula(row.fields[i]) ? "'" + row.fields[i] : row.fields[i];
      if (got[i] != expected) std::abort();
    }
  }
  return 0;
}
