// A ticket's picture as a PNG file: for `longstopctl printer test --out` and for the tests that look at
// what a printer would print. Black dots are black pixels; `scale` repeats each dot as a square.
#pragma once

#include <filesystem>

#include "core/result.h"
#include "print/bitmap.h"

namespace longstop::print {

core::Status writePicturePng(const Bitmap& picture, const std::filesystem::path& path, int scale = 1);

}  // namespace longstop::print
