// Image files (PNG, JPEG, and what else stb_image reads) as grayscale frames.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "scan/frame.h"

namespace longstop::scan {

/// Loads an image file as grayscale. The error names the file and says why it cannot be read.
core::Result<GrayFrame> loadGrayImage(const std::filesystem::path& path);
/// Decodes an image held in memory (PNG, JPEG, ...). A picture larger than core::checkImageSize allows
/// is refused from its header, before any pixel is decoded.
core::Result<GrayFrame> decodeGrayImage(const std::string& bytes);
/// Writes a frame as an 8-bit grayscale PNG; false when the file cannot be written.
bool writeGrayPng(const std::filesystem::path& path, const GrayFrame& frame);

/// Frames from a list of files, in order, then nothing (or again from the first when `loop`).
/// Files that cannot be read are skipped; lastError() says which. With `framesPerSecond` above 0 the
/// frames come no faster than a camera's would (next() waits, within its timeout), so a demo or test
/// fed from files does not keep a core busy decoding pictures as fast as it can.
class ImageFileSource final : public FrameSource {
 public:
  explicit ImageFileSource(std::vector<std::filesystem::path> files, bool loop = false,
                           int framesPerSecond = 0);
  core::Status start() override;
  void stop() override {}
  bool next(GrayFrame& out, int timeoutMs) override;
  const std::string& lastError() const { return lastError_; }

 private:
  std::vector<std::filesystem::path> files_;
  bool loop_;
  std::chrono::steady_clock::duration interval_{};
  std::chrono::steady_clock::time_point due_{};
  size_t position_ = 0;
  uint64_t sequence_ = 0;
  std::string lastError_;
};

}  // namespace longstop::scan
