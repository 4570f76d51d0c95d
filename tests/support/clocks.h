// Fixed moments for tests: local wall-clock times in a zone with no offset (GMT, as in winter).
#pragma once

#include "core/clock.h"
#include "core/date.h"

namespace longstop::test {

inline core::Instant localTime(int year, int month, int day, int hour, int minute) {
  const int64_t days = core::daysFromCivil({year, month, day});
  return {(days * 1440 + hour * 60 + minute) * 60000, 0};
}

}  // namespace longstop::test
