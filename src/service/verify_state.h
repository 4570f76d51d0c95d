// The state tables rebuilt from the event log and compared with what the tables hold, for `verify`:
// check-ins (ticket, queue, priority, state, appointment, arrival), their sealed details against the
// SHA-256 the events name (no key needed: a flipped bit in a sealed blob is seen without opening it),
// tickets given twice, the record counter, and the batches against their export events. The log is
// what the device signed; a table that differs was changed (or damaged) behind it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace longstop::service {

/// Every difference between the tables and the state the events give, one sentence each for a person
/// (naming tickets and record IDs, never a patient). Empty when they agree.
core::Result<std::vector<std::string>> checkDerivedState(store::Database& db, std::string_view ownDeviceId);

}  // namespace longstop::service
