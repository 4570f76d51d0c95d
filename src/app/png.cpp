#include "app/png.h"

#include <stb_image_write.h>

namespace longstop::app {

core::Status writePng(const Image& image, const std::filesystem::path& path) {
  if (image.width <= 0 || image.height <= 0) return core::internalError("There is no image to write.");
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec)
    return core::storageError("Could not make the folder " + path.parent_path().string() + ": " +
                              ec.message());
  if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4))
    return core::storageError("Could not write " + path.string() + ".");
  return core::okStatus();
}

}  // namespace longstop::app
