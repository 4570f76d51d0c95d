// Built when the `camera` feature is off: there is no camera path, so no MJPEG frame can arrive; one that
// does is refused in words rather than misread.
#include "scan/mjpeg.h"

namespace longstop::scan {

void* mjpegOpen() {
  return nullptr;
}
void mjpegClose(void*) {}

core::Status mjpegToGray(void*, const RawFrame&, GrayFrame&) {
  return core::invalidInput("This kiosk was built without camera support, so it cannot read MJPEG frames.");
}

}  // namespace longstop::scan
