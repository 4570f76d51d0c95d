// Writing screenshots as PNG (stb_image_write, from Debian's libstb).
#pragma once

#include <filesystem>

#include "app/display.h"
#include "core/result.h"

namespace longstop::app {

/// Writes `image` to `path` as PNG, making missing parent directories.
core::Status writePng(const Image& image, const std::filesystem::path& path);

}  // namespace longstop::app
