// Identifiers that never collide across devices: a random device ID and per-device sequences.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace longstop::core {

/// Four characters from an alphabet without look-alikes (no 0/O, 1/I/L): "K7QX".
std::string deviceIdFromRandom(std::array<uint8_t, 4> random);
bool isValidDeviceId(std::string_view id);

/// `K7QX-000123` (at least six digits).
std::string formatRecordId(std::string_view deviceId, int64_t sequence);
/// The parts of a record ID, or nullopt when it is not one.
struct RecordIdParts {
  std::string deviceId;
  int64_t sequence = 0;
};
std::optional<RecordIdParts> parseRecordId(std::string_view text);

}  // namespace longstop::core
