// Ticket numbers unique across a site for the day with no round trip at check-in (docs/decisions.md,
// "Tickets across a site"). Each device that checks patients in holds a slot among `stride` devices and
// numbers its tickets slot + 1, slot + 1 + stride, ...: with two kiosks one gives 1, 3, 5 and the other
// 2, 4, 6, so numbers stay short, speakable and roughly in arrival order. A single device is slot 0 of
// 1: 1, 2, 3 as before. A change of block takes effect from the next local day, so no number of today
// can be given twice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace longstop::core {

inline constexpr int kMaxTicketStride = 9;

struct TicketBlock {
  int slot = 0;
  int stride = 1;
  int64_t fromDay = 0;  // local day from which it applies
  bool operator==(const TicketBlock&) const = default;
};

/// The number of the `counter`-th ticket (from 1) a device with this block gives in a queue on a day.
inline int64_t ticketNumber(int64_t counter, const TicketBlock& b) {
  return (counter - 1) * b.stride + b.slot + 1;
}

/// "slot:stride:fromDay"; nullopt for anything else or a block out of range.
std::optional<TicketBlock> parseTicketBlock(std::string_view text);
std::string formatTicketBlock(const TicketBlock& b);
bool validTicketBlock(const TicketBlock& b);

}  // namespace longstop::core
