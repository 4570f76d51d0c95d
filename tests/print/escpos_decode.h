// A virtual printer for the tests: reads the bytes Longstop sends back into the picture a real
// printer would print, refusing any command it does not know, so a test sees what the paper would show.
#pragma once

#include <string>
#include <string_view>

#include "print/bitmap.h"

namespace longstop::print::test {

struct DecodedJob {
  Bitmap picture;
  bool initialised = false;  // began with ESC @
  bool cut = false;          // ended with GS V
  int feedLines = 0;
  std::string error;  // empty when every byte was understood
};

DecodedJob decodeJob(std::string_view bytes);

}  // namespace longstop::print::test
