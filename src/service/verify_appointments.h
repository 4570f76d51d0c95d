// The appointments table rebuilt from the events that imported it, for `verify`: each row an import
// added is recorded in its 'appointments' events (ID, start, clinician, service, queue and the SHA-256
// of its sealed details), so a row changed, deleted or added behind the log is seen with no key. The
// keyed matching hashes are not compared: the events cannot carry them (a key renewal rehashes them).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace longstop::service {

struct AppointmentCheck {
  int64_t compared = 0;               // rows held against the events that recorded them
  int64_t unrecorded = 0;             // rows of imports from before rows were recorded: counted, not compared
  std::vector<std::string> problems;  // one sentence each, naming appointment IDs, never a patient
};

/// Compares the appointments table with what the device's import events recorded of it.
core::Result<AppointmentCheck> checkAppointments(store::Database& db);

}  // namespace longstop::service
