// Wiping what a patient typed: the bytes are overwritten before the string is emptied, so the next
// person's session (or a memory dump) does not find them in a freed buffer.
#pragma once

#include <string>

namespace longstop::ui {

/// Overwrites every byte of `s` (including spare capacity) with zeros, then empties it.
void wipe(std::string& s);

}  // namespace longstop::ui
