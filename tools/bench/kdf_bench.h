// What a guess at a staff PIN costs: one Argon2id derivation at the cost new credentials get.
#pragma once

#include "stats.h"

namespace longstop::bench {

/// Adds kdf_ms (the best of a few derivations with the production parameters, on one core) and
/// pin_search_core_years (kdf_ms times the 10^8 PINs of eight digits, the whole space an attacker
/// holding a photographed card and the SD card must search offline). False if a derivation failed.
bool benchKdf(Report& report);

}  // namespace longstop::bench
