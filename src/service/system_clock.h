// The real clock: the system's wall time and the local UTC offset (TZ rules) in force now.
#pragma once

#include "core/clock.h"

namespace longstop::service {

class SystemClock final : public core::Clock {
 public:
  core::Instant now() const override;
};

}  // namespace longstop::service
