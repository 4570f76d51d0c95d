#include "core/ticket_block.h"

#include <charconv>

namespace longstop::core {

bool validTicketBlock(const TicketBlock& b) {
  return b.stride >= 1 && b.stride <= kMaxTicketStride && b.slot >= 0 && b.slot < b.stride && b.fromDay >= 0;
}

std::optional<TicketBlock> parseTicketBlock(std::string_view text) {
  TicketBlock b;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  auto part = [&](auto& out, bool last) {
    auto r = std::from_chars(p, end, out);
    if (r.ec != std::errc()) return false;
    p = r.ptr;
    if (last) return p == end;
    if (p == end || *p != ':') return false;
    ++p;
    return true;
  };
  if (!part(b.slot, false) || !part(b.stride, false) || !part(b.fromDay, true) || !validTicketBlock(b))
    return std::nullopt;
  return b;
}

std::string formatTicketBlock(const TicketBlock& b) {
  return std::to_string(b.slot) + ":" + std::to_string(b.stride) + ":" + std::to_string(b.fromDay);
}

}  // namespace longstop::core
