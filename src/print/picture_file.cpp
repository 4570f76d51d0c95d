#include "print/picture_file.h"

#include <stb_image_write.h>

#include <cstdint>
#include <vector>

namespace longstop::print {

core::Status writePicturePng(const Bitmap& picture, const std::filesystem::path& path, int scale) {
  if (scale < 1 || picture.width < 1 || picture.height < 1)
    return core::invalidInput("There is no picture to write.");
  const int w = picture.width * scale, h = picture.height * scale;
  std::vector<uint8_t> gray(static_cast<size_t>(w) * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      gray[static_cast<size_t>(y) * w + x] = picture.at(x / scale, y / scale) ? 0 : 255;
  if (!stbi_write_png(path.c_str(), w, h, 1, gray.data(), w))
    return core::storageError("Could not write the picture to " + path.string() + ".");
  return core::okStatus();
}

}  // namespace longstop::print
