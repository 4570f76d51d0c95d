#include <turbojpeg.h>

#include <string>

#include "scan/mjpeg.h"

namespace longstop::scan {

void* mjpegOpen() {
  return tjInitDecompress();
}

void mjpegClose(void* handle) {
  if (handle != nullptr) tjDestroy(static_cast<tjhandle>(handle));
}

core::Status mjpegToGray(void* handle, const RawFrame& raw, GrayFrame& out) {
  if (handle == nullptr) return core::internalError("The JPEG decoder could not be started.");
  int w = 0, h = 0, subsamp = 0, colorspace = 0;
  auto* tj = static_cast<tjhandle>(handle);
  if (tjDecompressHeader3(tj, raw.data, static_cast<unsigned long>(raw.size), &w, &h, &subsamp,
                          &colorspace) != 0 ||
      w <= 0 || h <= 0 || w > 8192 || h > 8192)
    return core::invalidInput("The camera sent a JPEG frame that cannot be read.");
  out.resize(w, h);
  // TJPF_GRAY decodes the luma plane only: no colour conversion at all.
  if (tjDecompress2(tj, raw.data, static_cast<unsigned long>(raw.size), out.pixels.data(), w, w, h, TJPF_GRAY,
                    TJFLAG_FASTDCT) != 0 &&
      tjGetErrorCode(tj) == TJERR_FATAL)
    return core::invalidInput(std::string("The camera sent a damaged JPEG frame (") + tjGetErrorStr2(tj) +
                              ").");
  return core::okStatus();
}

}  // namespace longstop::scan
