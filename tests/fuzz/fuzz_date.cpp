// Fuzzes the date parsers: anything accepted is a real date that survives formatting and re-parsing.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/date.h"

using namespace longstop::core;

namespace {

void checkDate(std::string_view text) {
  Result<Date> d = parseDate(text);
  if (!d) return;
  if (!isValidDate(d->year, d->month, d->day)) std::abort();
  Result<Date> again = parseDate(d->iso());
  if (!again || *again != *d) std::abort();
  if (civilFromDays(daysFromCivil(*d)) != *d) std::abort();
  const Date today{2026, 11, 29};
  Result<Date> dob = parseDateOfBirth(text, today);
  const bool plausible = *d <= today && ageOn(*d, today) <= 120;
  if (dob.ok() != plausible) std::abort();
}

void checkDateTime(std::string_view text) {
  Result<int64_t> t = parseLocalDateTime(text);
  if (!t) return;
  const std::string shown = formatLocalDateTime(*t);
  Result<int64_t> again = parseLocalDateTime(shown);
  if (!again || *again != *t) std::abort();
  if (shown.substr(11) != formatClockTime(*t)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  checkDate(text);
  checkDateTime(text);
  return 0;
}
