// Everything `longstopctl verify` checks, as a thief with the card would test it: the event log's chain,
// signatures and signed end; that the settings which matter (the recipient key above all) are the ones
// the device signed; that no lockout was reset behind the log's back.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"
#include "store/event_log.h"

namespace longstop::service {

struct SiteCheck {
  store::VerifyReport log;
  std::vector<std::string> problems;   // sentences for a person, first the log's
  std::string keySource;               // where the public key that was trusted came from
  std::vector<std::string> notes;      // what is sound but a person should know (a loss recorded earlier)
  int64_t checkinsCompared = 0;        // this device's check-in rows rebuilt from the events and compared
  int64_t appointmentsCompared = 0;    // appointment rows rebuilt from their imports and compared
  int64_t appointmentsUnrecorded = 0;  // rows of imports from before rows were recorded (not compared)
  bool sound() const { return problems.empty(); }
};

/// Checks the data directory's database. `signer` (32 raw bytes), when given, is the device's public
/// key from elsewhere (its trust code); otherwise this boot's unlocked keys are used if the kernel
/// keyring has them, and only last the key the database itself names (which a thief could replace).
/// With `dataDir`, the log is also held against its high-water mark there (service/high_water.h),
/// times said with `utcOffsetMinutes`. The state tables are rebuilt from the events and compared.
core::Result<SiteCheck> checkSite(store::Database& db, std::string_view signer = {},
                                  const std::filesystem::path& dataDir = {}, int utcOffsetMinutes = 0);

/// The recipient key's signed history against meta: an empty string, or why they differ.
core::Result<std::string> checkRecipientSetting(store::Database& db);

}  // namespace longstop::service
