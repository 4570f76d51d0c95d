#include "ui/wipe.h"

namespace longstop::ui {

void wipe(std::string& s) {
  // volatile stops the compiler from dropping stores to memory that is about to be "dead".
  volatile char* p = s.data();
  for (size_t i = 0; i < s.capacity(); ++i) p[i] = '\0';
  s.clear();
}

}  // namespace longstop::ui
