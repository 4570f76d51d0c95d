// kiosk-trust-code DATA_DIR: prints the trust code the kiosk's admin screen shows for that site, through
// the same AdminDesk::trustCode() (tests only: on a kiosk a person reads it off the screen).
#include <cstdio>

#include "crypto/primitives.h"
#include "service/admin_desk.h"
#include "service/system_clock.h"

int main(int argc, char** argv) {
  using namespace longstop;
  if (argc != 2 || !crypto::initialise()) {
    std::fputs("usage: kiosk-trust-code DATA_DIR\n", stderr);
    return 2;
  }
  service::SystemClock clock;
  service::AdminDesk desk(argv[1], clock);
  auto code = desk.trustCode();
  if (!code.ok()) {
    std::fprintf(stderr, "kiosk-trust-code: %s\n", code.error().message.c_str());
    return 1;
  }
  std::printf("%s\n", code->c_str());
  return 0;
}
