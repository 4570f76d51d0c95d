// Fuzzes readTypedCard, the one reading of a typed or scanned staff card: it never crashes, a complete
// card has exactly the lengths a card has, and reading its own parts back gives the same card.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/staff_card.h"

using namespace longstop::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const TypedCard c = readTypedCard(text);
  if (c.problem != CardProblem::kNone) return 0;
  if (c.staffId.size() != kStaffIdLength || c.secret.size() != kStaffSecretLength) std::abort();
  const TypedCard again = readTypedCard("LSS1:" + c.staffId + ":" + c.secret);
  if (again.problem != CardProblem::kNone || again.staffId != c.staffId || again.secret != c.secret)
    std::abort();
  return 0;
}
