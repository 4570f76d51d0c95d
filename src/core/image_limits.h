// The largest picture Longstop will decode. A decoder holds every pixel in memory (stb_image several
// bytes of each), so a small file that declares 20000×20000 would take most of a Pi's memory before
// anything could look at it. The size is read from the file's header and refused first.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace longstop::core {

/// 50 megapixels, 10000 on a side: more than a phone's camera or a screenshot, and at most about
/// 250 MB while stb_image decodes it.
inline constexpr int kMaxImageSide = 10000;
inline constexpr int64_t kMaxImagePixels = 50'000'000;

/// An error saying the picture's size and the limit when width × height is over it.
inline Status checkImageSize(int width, int height) {
  const int64_t pixels = static_cast<int64_t>(width) * height;
  if (width > 0 && height > 0 && width <= kMaxImageSide && height <= kMaxImageSide &&
      pixels <= kMaxImagePixels)
    return okStatus();
  return invalidInput("the picture is " + std::to_string(width) + " x " + std::to_string(height) +
                      " pixels; Longstop reads pictures of at most " +
                      std::to_string(kMaxImagePixels / 1'000'000) + " megapixels and " +
                      std::to_string(kMaxImageSide) + " pixels on a side");
}

}  // namespace longstop::core
