// MJPEG frames to gray, the one part of the camera path that needs libturbojpeg. Built from
// mjpeg_turbo.cpp with the `camera` feature, and from mjpeg_none.cpp (which refuses every frame) without.
#pragma once

#include "scan/pixel_convert.h"

namespace longstop::scan {

/// A decoder handle, or nullptr when none could be made (or the build has no camera support).
void* mjpegOpen();
void mjpegClose(void* handle);
/// Decodes only the luma plane of one frame into `out`.
core::Status mjpegToGray(void* handle, const RawFrame& raw, GrayFrame& out);

}  // namespace longstop::scan
