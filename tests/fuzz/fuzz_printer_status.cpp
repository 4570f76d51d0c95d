// Fuzzes readStatusByte, the reading of what a thermal printer answers to DLE EOT: the input is pairs of
// (request, answer) bytes. It never crashes, a refused answer changes nothing, and an accepted one had
// the status byte's fixed bits.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "print/escpos.h"

using namespace longstop::print;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  PrinterStatus s;
  for (size_t i = 0; i + 1 < size; i += 2) {
    const PrinterStatus before = s;
    const int n = data[i] % 6;  // 0 and 5 are not requests: they must be refused
    const uint8_t b = data[i + 1];
    const bool ok = readStatusByte(n, b, s).ok();
    const bool wellFormed = n >= 1 && n <= 4 && (b & 0x93) == 0x12;
    if (ok != wellFormed) std::abort();
    if (!ok && std::memcmp(&before, &s, sizeof s) != 0) std::abort();
  }
  (void)describeFault(s);
  return 0;
}
