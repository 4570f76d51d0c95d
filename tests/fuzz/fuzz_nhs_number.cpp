// Fuzzes parseNhsNumber: a valid number re-parses from its display form and passes its own check digit.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/nhs_number.h"

using namespace longstop::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<NhsNumber> n = parseNhsNumber(text);
  if (!n) {
    if (n.error().message.empty()) std::abort();
    return 0;
  }
  if (n->digits.size() != 10) std::abort();
  if (nhsCheckDigit(std::string_view(n->digits).substr(0, 9)) != n->digits[9] - '0') std::abort();
  const std::string shown = n->formatted();
  if (shown.size() != 12 || shown[3] != ' ' || shown[7] != ' ') std::abort();
  Result<NhsNumber> again = parseNhsNumber(shown);
  if (!again || !(*again == *n)) std::abort();
  if (groupNhsDigits(n->digits) != shown) std::abort();
  return 0;
}
