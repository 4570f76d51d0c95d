// The state tables rebuilt from the event log and compared with what the tables hold, for `verify`:
// check-ins (ticket, queue, priority, state, its time, appointment, arrival), their sealed details against
// the SHA-256 the events name (no key needed: a flipped bit in a sealed blob is seen without opening it),
// tickets given twice, the record counter, the batches against their export events, and the
// appointments against their imports (service/verify_appointments.h). The log is
// what the device signed; a table that differs was changed (or damaged) behind it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace longstop::service {

struct DerivedStateCheck {
  int64_t checkins = 0;                // this device's check-in rows compared with their events
  int64_t appointments = 0;            // appointment rows compared with the imports that recorded them
  int64_t appointmentsUnrecorded = 0;  // rows of imports from before rows were recorded
  std::vector<std::string> problems;   // one sentence each; empty when the tables agree
};

/// Every difference between the tables and the state the events give, one sentence each for a person
/// (naming tickets, record and appointment IDs, never a patient), with what was compared.
core::Result<DerivedStateCheck> checkDerivedState(store::Database& db, std::string_view ownDeviceId);

}  // namespace longstop::service
