#include "service/system_clock.h"

#include <chrono>
#include <ctime>

namespace longstop::service {

core::Instant SystemClock::now() const {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm local{};
  localtime_r(&secs, &local);
  return {ms, static_cast<int32_t>(local.tm_gmtoff / 60)};
}

}  // namespace longstop::service
