#include "scan/image_file.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>

#include <stb_image.h>
#include <stb_image_write.h>

#include "core/image_limits.h"

namespace longstop::scan {
namespace {

core::Result<GrayFrame> fromStb(unsigned char* data, int w, int h) {
  if (data == nullptr)
    return core::invalidInput(std::string("it is not a PNG or JPEG image we can read (") +
                              stbi_failure_reason() + ")");
  GrayFrame f;
  f.resize(w, h);
  std::memcpy(f.pixels.data(), data, f.pixels.size());
  stbi_image_free(data);
  return f;
}

}  // namespace

core::Result<GrayFrame> decodeGrayImage(const std::string& bytes) {
  if (bytes.empty() || bytes.size() > static_cast<size_t>(INT32_MAX))
    return core::invalidInput("the image is empty");
  const auto* buffer = reinterpret_cast<const stbi_uc*>(bytes.data());
  const int length = static_cast<int>(bytes.size());
  int w = 0, h = 0, channels = 0;
  // The header alone first: a tiny file may declare a picture too large to hold in memory.
  if (stbi_info_from_memory(buffer, length, &w, &h, &channels) != 0) {
    if (auto size = core::checkImageSize(w, h); !size.ok()) return size.error();
  }
  unsigned char* data = stbi_load_from_memory(buffer, length, &w, &h, &channels, 1);
  return fromStb(data, w, h);
}

core::Result<GrayFrame> loadGrayImage(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::invalidInput("Cannot open " + path.string() + ".");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto f = decodeGrayImage(bytes);
  if (!f) return core::invalidInput("Cannot read " + path.string() + ": " + f.error().message + ".");
  return f;
}

bool writeGrayPng(const std::filesystem::path& path, const GrayFrame& frame) {
  return stbi_write_png(path.c_str(), frame.width, frame.height, 1, frame.pixels.data(), frame.stride) != 0;
}

ImageFileSource::ImageFileSource(std::vector<std::filesystem::path> files, bool loop, int framesPerSecond)
    : files_(std::move(files)), loop_(loop) {
  if (framesPerSecond > 0) interval_ = std::chrono::microseconds(1'000'000 / framesPerSecond);
}

core::Status ImageFileSource::start() {
  position_ = 0;
  due_ = {};
  if (files_.empty()) return core::invalidInput("No image files were given.");
  return core::okStatus();
}

bool ImageFileSource::next(GrayFrame& out, int timeoutMs) {
  if (interval_.count() > 0) {
    const auto now = std::chrono::steady_clock::now();
    if (due_ > now) {
      if (due_ - now > std::chrono::milliseconds(timeoutMs)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(timeoutMs));
        return false;  // no frame within the timeout, as a camera between frames
      }
      std::this_thread::sleep_until(due_);
    }
    due_ = std::max(due_, now) + interval_;  // when the frame after this one may come
  }
  for (size_t tries = 0; tries < files_.size(); ++tries) {
    if (position_ >= files_.size()) {
      if (!loop_) return false;
      position_ = 0;
    }
    auto f = loadGrayImage(files_[position_++]);
    if (!f) {
      lastError_ = f.error().message;
      continue;
    }
    out = std::move(*f);
    out.sequence = ++sequence_;
    return true;
  }
  return false;
}

}  // namespace longstop::scan
